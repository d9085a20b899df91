import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CREDIT_RATINGS, CREDIT_REPAIR_ACTIONS, CREDIT_REPAIR_STATES, HEALTH_CODES, type CreditRating, type CreditRepairState, type HealthCode } from '@ecoloop/workflow';
import { CaseDto } from '../../cases/dto/case.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const CREDIT_CODE = /^[0-9A-Z]{18}$/;

export class ListEnterprisesQueryDto {
  @ApiPropertyOptional({ description: 'one credit code, exactly' }) @IsOptional() @Transform(upper) @Matches(CREDIT_CODE) code?: string;
  @ApiPropertyOptional({ description: 'part of the name, or of the credit code' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: 'this region and below' }) @IsOptional() @Matches(/^\d{6,12}$/) regionCode?: string;
  @ApiPropertyOptional({ enum: HEALTH_CODES, enumName: 'HealthCode' }) @IsOptional() @IsIn(HEALTH_CODES) healthCode?: HealthCode;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() keyDischarger?: boolean;
  @ApiPropertyOptional({ type: 'integer', default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 20;
}

export class HealthReasonDto {
  @ApiProperty({ enum: ['red', 'yellow', 'info'], enumName: 'HealthReasonEffect', description: 'red/yellow set the colour; info is shown only' }) effect!: 'red' | 'yellow' | 'info';
  @ApiProperty() text!: string;
}

export class EnterpriseDto {
  @ApiProperty() creditCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) industry!: string | null;
  @ApiProperty({ type: String, nullable: true }) permitNumber!: string | null;
  @ApiProperty() keyDischarger!: boolean;
  @ApiProperty({ type: Number, nullable: true }) lat!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lng!: number | null;
  @ApiProperty({ type: String, nullable: true }) contactName!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone!: string | null;
  @ApiProperty({ enum: CREDIT_RATINGS, enumName: 'CreditRating', nullable: true }) creditRating!: CreditRating | null;
  @ApiProperty({ enum: HEALTH_CODES, enumName: 'HealthCode' }) healthCode!: HealthCode;
  @ApiProperty({ type: [HealthReasonDto] }) healthReasons!: HealthReasonDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) healthAt!: string | null;
}

export class HealthCountsDto {
  @ApiProperty() green!: number;
  @ApiProperty() yellow!: number;
  @ApiProperty() red!: number;
}

export class EnterpriseListDto {
  @ApiProperty({ type: [EnterpriseDto] }) items!: EnterpriseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: HealthCountsDto, description: 'per colour, under the same filters except healthCode' }) counts!: HealthCountsDto;
}

export class CodeHistoryDto {
  @ApiProperty({ enum: HEALTH_CODES, enumName: 'HealthCode', nullable: true, description: 'null for the first code' }) fromCode!: HealthCode | null;
  @ApiProperty({ enum: HEALTH_CODES, enumName: 'HealthCode' }) code!: HealthCode;
  @ApiProperty({ type: [HealthReasonDto] }) reasons!: HealthReasonDto[];
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class EnforcementDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() caseCode!: string;
  @ApiProperty() eventSeq!: number;
  @ApiProperty({ description: '立案号' }) caseNumber!: string;
  @ApiProperty({ type: String, nullable: true, description: '行政处罚决定书文号' }) penaltyDecisionNo!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'yuan' }) fine!: number | null;
  @ApiProperty() policeReferral!: boolean;
  @ApiProperty() actorName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class CreditRepairStepDto {
  @ApiProperty({ enum: ['apply', 'review_pass', 'approve', 'refuse'], enumName: 'CreditRepairStep' }) action!: 'apply' | 'review_pass' | 'approve' | 'refuse';
  @ApiProperty() actorName!: string;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class CreditRepairDto {
  @ApiProperty() id!: string;
  @ApiProperty() creditCode!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ enum: CREDIT_REPAIR_STATES, enumName: 'CreditRepairState' }) state!: CreditRepairState;
  @ApiProperty({ description: '信用修复承诺书' }) commitment!: string;
  @ApiProperty({ type: [String] }) attachmentIds!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publicityStartsAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'end of the 7-day public notice' }) publicityEndsAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: [CreditRepairStepDto] }) steps!: CreditRepairStepDto[];
  @ApiProperty({ enum: CREDIT_REPAIR_ACTIONS, enumName: 'CreditRepairAction', isArray: true, description: 'what the caller may do now' }) allowedActions!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class InterviewDto {
  @ApiProperty() id!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ type: String, nullable: true }) enterpriseCreditCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) enterpriseName!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) heldAt!: string;
  @ApiProperty({ description: '约谈人 / 约谈机关' }) interviewer!: string;
  @ApiProperty({ type: [String] }) attendees!: string[];
  @ApiProperty({ description: '约谈要求' }) demands!: string;
  @ApiProperty({ type: String, nullable: true }) followUpCaseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) followUpCaseCode!: string | null;
  @ApiProperty() createdByName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class EnterpriseDetailDto extends EnterpriseDto {
  @ApiProperty({ type: [CaseDto], description: 'its cases the caller may read, newest first' }) cases!: CaseDto[];
  @ApiProperty({ type: [CodeHistoryDto] }) codeHistory!: CodeHistoryDto[];
  @ApiProperty({ type: [CreditRepairDto] }) repairs!: CreditRepairDto[];
  @ApiProperty({ type: [EnforcementDto] }) enforcement!: EnforcementDto[];
  @ApiProperty({ type: [InterviewDto] }) interviews!: InterviewDto[];
}

export class EnterpriseImportResultDto {
  @ApiProperty() imported!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
}

export class CreateCreditRepairDto {
  @ApiProperty() @Transform(upper) @Matches(CREDIT_CODE) creditCode!: string;
  @ApiProperty({ description: '信用修复承诺书' }) @Transform(trim) @IsString() @MinLength(10) @MaxLength(5000) commitment!: string;
  @ApiProperty({ type: [String], description: 'rectification evidence, at least one' }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsUUID('all', { each: true }) attachmentIds!: string[];
}

export class CreditRepairActionDto {
  @ApiPropertyOptional({ description: 'required to refuse' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) comment?: string;
}

export class ListCreditRepairsQueryDto {
  @ApiPropertyOptional({ enum: CREDIT_REPAIR_STATES, enumName: 'CreditRepairState' }) @IsOptional() @IsIn(CREDIT_REPAIR_STATES) state?: CreditRepairState;
  @ApiPropertyOptional() @IsOptional() @Transform(upper) @Matches(CREDIT_CODE) creditCode?: string;
}

export class CreateInterviewDto {
  @ApiPropertyOptional({ description: 'the region interviewed; defaults to the enterprise’s region' }) @IsOptional() @Matches(/^\d{6,12}$/) regionCode?: string;
  @ApiPropertyOptional({ description: 'the enterprise interviewed' }) @IsOptional() @Transform(upper) @Matches(CREDIT_CODE) enterpriseCreditCode?: string;
  @ApiProperty() @IsISO8601({ strict: true }) heldAt!: string;
  @ApiProperty({ description: '约谈人 / 约谈机关' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(128) interviewer!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(128, { each: true }) attendees!: string[];
  @ApiProperty({ description: '约谈要求' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(5000) demands!: string;
  @ApiPropertyOptional({ description: 'the follow-up case (整改案件), which the caller must be able to read' }) @IsOptional() @IsUUID() followUpCaseId?: string;
}

export class ListInterviewsQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{6,12}$/) regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(upper) @Matches(CREDIT_CODE) creditCode?: string;
}
