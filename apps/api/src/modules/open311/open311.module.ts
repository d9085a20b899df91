import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { Open311Controller, PublicIntakeLimit } from './open311.controller.js';

@Module({ imports: [CasesModule], controllers: [Open311Controller], providers: [PublicIntakeLimit] })
export class Open311Module {}
