import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { EnterprisesController } from './enterprises.controller.js';
import { EnterprisesService } from './enterprises.service.js';

@Module({ imports: [CasesModule], controllers: [EnterprisesController], providers: [EnterprisesService] })
export class EnterprisesModule {}
