import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { AuditController } from './audit.controller.js';

@Module({ imports: [CasesModule], controllers: [AuditController] })
export class AuditModule {}
