import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { SCORECARD_FORMULA } from '@ecoloop/workflow';
import type { ScorecardLevel } from '../scorecards.repository.js';

export class ScorecardQueryDto {
  @ApiProperty({ enum: ['county', 'town', 'unit', 'grid'], enumName: 'ScorecardLevel' }) @IsIn(['county', 'town', 'unit', 'grid']) level!: ScorecardLevel;
  @ApiPropertyOptional({ type: String, example: '2026-11', description: 'YYYY-MM; defaults to last month (Asia/Shanghai)' })
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' }) month?: string;
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], enumName: 'ScorecardFormat', description: 'xlsx: the monthly 通报 as a spreadsheet' })
  @IsOptional() @IsIn(['json', 'xlsx']) format?: 'json' | 'xlsx';
}

export class ScorecardFiguresDto {
  @ApiProperty({ type: Number, description: 'cases reported in the month' }) total!: number;
  @ApiProperty({ type: Number }) selfFound!: number;
  @ApiProperty({ type: Number }) signForSettled!: number;
  @ApiProperty({ type: Number }) signForOnTime!: number;
  @ApiProperty({ type: Number }) rectifySettled!: number;
  @ApiProperty({ type: Number }) rectifyOnTime!: number;
  @ApiProperty({ type: Number }) closed!: number;
  @ApiProperty({ type: Number }) closedFirstPass!: number;
  @ApiProperty({ type: Number, description: 'sent back at sign-off (返工)' }) reworked!: number;
  @ApiProperty({ type: Number, description: 'reopened after closure (反弹)' }) relapsed!: number;
  @ApiProperty({ type: Number }) overdue!: number;
  @ApiProperty({ type: Number, description: 'under a supervision order (督办)' }) supervised!: number;
  @ApiProperty({ type: Number }) petitionsFollowedUp!: number;
  @ApiProperty({ type: Number }) petitionsSatisfied!: number;
  @ApiProperty({ type: Number, nullable: true, description: '%' }) selfDiscoveryRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '%' }) onTimeSignForRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '%' }) onTimeCompletionRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '%' }) firstPassRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '%' }) noRelapseRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '%' }) petitionSatisfactionRate!: number | null;
}

/** One subject's scorecard for a month. */
export class ScorecardDto {
  @ApiProperty({ type: String, description: 'region code, unit id or user id' }) subjectId!: string;
  @ApiProperty({ type: String }) subjectName!: string;
  @ApiProperty({ type: ScorecardFiguresDto }) figures!: ScorecardFiguresDto;
  @ApiProperty({ type: Number, nullable: true, description: `0–100; null without cases. ${SCORECARD_FORMULA}` }) score!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '1 = best; ties share a rank; null when not scored' }) rank!: number | null;
}

export class ScorecardTrendQueryDto {
  @ApiProperty({ enum: ['county', 'town', 'unit', 'grid'], enumName: 'ScorecardLevel' }) @IsIn(['county', 'town', 'unit', 'grid']) level!: ScorecardLevel;
  @ApiPropertyOptional({ type: String, example: '2026-11', description: 'the last month (YYYY-MM); defaults to last month (Asia/Shanghai); the trend covers the twelve months up to it' })
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' }) to?: string;
}

export class ScorecardTrendPointDto {
  @ApiProperty({ type: String, example: '2026-11' }) month!: string;
  @ApiProperty({ type: Number, nullable: true, description: '0–100; null without cases' }) score!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'rank in that month, 1 = best' }) rank!: number | null;
  @ApiProperty({ type: ScorecardFiguresDto }) figures!: ScorecardFiguresDto;
}

export class ScorecardSeriesDto {
  @ApiProperty({ type: String }) subjectId!: string;
  @ApiProperty({ type: String }) subjectName!: string;
  @ApiProperty({ type: [ScorecardTrendPointDto], description: 'one point per month, oldest first' }) points!: ScorecardTrendPointDto[];
}

/** Scorecards month by month, for trend charts. */
export class ScorecardTrendDto {
  @ApiProperty({ type: [String], description: 'the twelve months, oldest first' }) months!: string[];
  @ApiProperty({ type: [ScorecardSeriesDto] }) series!: ScorecardSeriesDto[];
}
