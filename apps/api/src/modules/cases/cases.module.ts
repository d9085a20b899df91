import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { UnitsModule } from '../units/units.module.js';
import { CasesController } from './cases.controller.js';
import { CasesRepository } from './cases.repository.js';
import { CasesService } from './cases.service.js';
import { IdempotencyRepository } from './idempotency.repository.js';

@Module({
  imports: [RegionsModule, UnitsModule],
  controllers: [CasesController],
  providers: [CasesService, CasesRepository, IdempotencyRepository],
  exports: [CasesService, CasesRepository],
})
export class CasesModule {}
