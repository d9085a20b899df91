import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { DiscoveryService } from './discovery.service.js';
import { StatsController } from './stats.controller.js';
import { StatsRepository } from './stats.repository.js';
import { StatsService } from './stats.service.js';

@Module({ imports: [CasesModule, RegionsModule], controllers: [StatsController], providers: [StatsService, StatsRepository, DiscoveryService], exports: [StatsService, DiscoveryService] })
export class StatsModule {}
