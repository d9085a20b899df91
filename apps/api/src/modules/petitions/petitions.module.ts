import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { PetitionStatsService } from './petition-stats.service.js';
import { PetitionsController } from './petitions.controller.js';
import { PetitionsRepository } from './petitions.repository.js';
import { PetitionsService } from './petitions.service.js';

/** Petitions (信访), DESIGN §9: a record beside the case, plugged into the case writes. */
@Module({
  imports: [CasesModule, RegionsModule],
  controllers: [PetitionsController],
  providers: [PetitionsService, PetitionsRepository, PetitionStatsService],
  exports: [PetitionsService],
})
export class PetitionsModule {}
