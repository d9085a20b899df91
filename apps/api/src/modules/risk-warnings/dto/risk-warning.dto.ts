import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CONTROL_INDEX_FORMULA, WARNING_LEVELS, type WarningLevel } from '@ecoloop/workflow';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class MonthQueryDto {
  @ApiPropertyOptional({ type: String, example: '2026-11', description: 'YYYY-MM; defaults to this month (Asia/Shanghai)' })
  @IsOptional() @Matches(MONTH, { message: 'month must be YYYY-MM' }) month?: string;
}

export class IssueWarningsDto {
  @ApiProperty({ type: String, example: '2026-11', description: 'a finished month, YYYY-MM' })
  @Matches(MONTH, { message: 'month must be YYYY-MM' }) month!: string;
}

export class RiskFiguresDto {
  @ApiProperty({ type: Number, description: 'cases reported in the month (rejected and merged left out)' }) newCases!: number;
  @ApiProperty({ type: Number, description: 'found by a higher level or the public' }) external!: number;
  @ApiProperty({ type: Number, description: 'found by the area itself' }) selfDiscovered!: number;
  @ApiProperty({ type: Number, description: 'overdue now or a deadline settled late' }) overdue!: number;
  @ApiProperty({ type: Number, description: 'sent back at sign-off at least once' }) reworked!: number;
  @ApiProperty({ type: Number, description: 'reopened after closure (relapse)' }) reopened!: number;
  @ApiProperty({ type: Number, description: 'dispatch or sign-for deadline missed' }) respondedLate!: number;
  @ApiProperty({ type: Number, description: 'major problems first found from outside (each raises the level by one)' }) externalMajor!: number;
}

export class WarningConsequenceDto {
  @ApiProperty({ enum: ['city_supervision', 'assistance'], enumName: 'WarningConsequenceKind' }) kind!: 'city_supervision' | 'assistance';
  @ApiProperty({ type: String }) note!: string;
  @ApiProperty({ type: [String], description: 'city_supervision: the cases put under the city’s order' }) caseIds!: string[];
  @ApiProperty({ type: String, nullable: true }) dueAt!: string | null;
}

/** One county's (or function zone's) risk warning for a month (风险预警). */
export class RiskWarningDto {
  @ApiProperty({ type: String }) regionCode!: string;
  @ApiProperty({ type: String }) regionName!: string;
  @ApiProperty({ type: String }) month!: string;
  @ApiProperty({ type: RiskFiguresDto }) figures!: RiskFiguresDto;
  @ApiProperty({ type: Number, nullable: true, description: 'risk score 0–100 = 100 − controlIndex; null for no_data' }) score!: number | null;
  @ApiProperty({ enum: WARNING_LEVELS, enumName: 'RiskLevel', description: 'no_data when nothing was reported (never green)' }) level!: WarningLevel;
  @ApiProperty({ type: Number, nullable: true, description: `管控力指数 0–100; null for no_data. ${CONTROL_INDEX_FORMULA}` }) controlIndex!: number | null;
  @ApiProperty({ type: String }) computedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'when the 预警通报 was issued (frozen from then on); null: a preview' }) issuedAt!: string | null;
  @ApiProperty({ type: [WarningConsequenceDto] }) consequences!: WarningConsequenceDto[];
}

export class IssueResultDto {
  @ApiProperty({ type: String }) month!: string;
  @ApiProperty({ type: Number, description: 'counties issued by this call' }) issued!: number;
  @ApiProperty({ type: Number, description: 'counties issued before (left frozen)' }) alreadyIssued!: number;
  @ApiProperty({ type: [RiskWarningDto], description: 'the warnings issued by this call' }) warnings!: RiskWarningDto[];
}

export class ControlIndexFormulaDto {
  @ApiProperty({ type: String, example: CONTROL_INDEX_FORMULA }) formula!: string;
}
