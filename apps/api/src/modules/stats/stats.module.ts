import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { StatsController } from './stats.controller.js';
import { StatsService } from './stats.service.js';

@Module({ imports: [CasesModule, RegionsModule], controllers: [StatsController], providers: [StatsService], exports: [StatsService] })
export class StatsModule {}
