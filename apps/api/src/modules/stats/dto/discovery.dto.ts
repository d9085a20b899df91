import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CASE_SOURCES } from '@ecoloop/workflow';
import type { DiscoveryLevel } from '../discovery.service.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class DiscoveryQueryDto {
  @ApiPropertyOptional({ enum: ['county', 'town', 'grid'], enumName: 'DiscoveryLevel', description: 'defaults to county' })
  @IsOptional() @IsIn(['county', 'town', 'grid']) level?: DiscoveryLevel;
  @ApiPropertyOptional({ type: String, example: '2026-11', description: 'one month (YYYY-MM); without it, the twelve months up to this one (Asia/Shanghai)' })
  @IsOptional() @Matches(MONTH, { message: 'month must be YYYY-MM' }) month?: string;
}

export class DiscoverySourceDto {
  @ApiProperty({ enum: CASE_SOURCES, enumName: 'CaseSource' }) source!: string;
  @ApiProperty({ type: Number }) count!: number;
}

export class DiscoveryMonthDto {
  @ApiProperty({ type: String }) month!: string;
  @ApiProperty({ type: Number }) self!: number;
  @ApiProperty({ type: Number }) external!: number;
}

/** 问题发现综合评价 of one region. */
export class DiscoveryDto {
  @ApiProperty({ type: String }) regionCode!: string;
  @ApiProperty({ type: String }) regionName!: string;
  @ApiProperty({ type: Number, description: 'found by the area itself' }) self!: number;
  @ApiProperty({ type: Number, description: 'found by a higher level or the public (inspections, media, hotlines, petitions)' }) external!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'self / (self + external) in %, null when nothing was found' }) selfRate!: number | null;
  @ApiProperty({ type: [DiscoverySourceDto] }) bySource!: DiscoverySourceDto[];
  @ApiProperty({ type: [DiscoveryMonthDto] }) byMonth!: DiscoveryMonthDto[];
}
