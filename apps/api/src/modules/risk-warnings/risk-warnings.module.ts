import { Module } from '@nestjs/common';
import { RiskWarningsController } from './risk-warnings.controller.js';
import { RiskWarningsService } from './risk-warnings.service.js';

@Module({ controllers: [RiskWarningsController], providers: [RiskWarningsService], exports: [RiskWarningsService] })
export class RiskWarningsModule {}
