import { Module } from '@nestjs/common';
import { AssessmentController } from './assessment.controller.js';
import { ScorecardsRepository } from './scorecards.repository.js';
import { ScorecardsService } from './scorecards.service.js';

@Module({ controllers: [AssessmentController], providers: [ScorecardsService, ScorecardsRepository], exports: [ScorecardsService] })
export class AssessmentModule {}
