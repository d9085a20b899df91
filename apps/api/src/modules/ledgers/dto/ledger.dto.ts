import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CASE_SOURCES, CASE_STATES, type CaseSource, type CaseState } from '@ecoloop/workflow';
import { LEDGER_KINDS, type LedgerKind } from '../entities/ledger.entity.js';
import { SIGNOFF_STAGES, type SignoffStage } from './ledger-signoff.dto.js';
import { ITEM_KINDS, RECTIFY_TYPES, type ItemKind, type RectifyType } from '../ledger-rows.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** POST /ledgers. */
export class CreateLedgerDto {
  @ApiProperty({ example: '第三轮中央生态环境保护督察交办问题整改台账' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiProperty({ enum: LEDGER_KINDS, enumName: 'LedgerKind' }) @IsIn(LEDGER_KINDS) kind!: LedgerKind;
  @ApiProperty({ enum: CASE_SOURCES, enumName: 'CaseSource', description: 'the source every case of the ledger gets' }) @IsIn(CASE_SOURCES) source!: CaseSource;
  @ApiProperty({ example: '中央第三生态环境保护督察组' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(128) issuer!: string;
  @ApiProperty({ example: '2026-10-15' }) @Matches(DATE, { message: 'issuedDate must be a date (YYYY-MM-DD)' }) issuedDate!: string;
  @ApiProperty({ example: '2027-06-30', description: 'when the ledger must be reported back (交账)' }) @Matches(DATE, { message: 'dueDate must be a date (YYYY-MM-DD)' }) dueDate!: string;
  @ApiPropertyOptional({ description: 'the region it is handed to; defaults to the creator’s jurisdiction' }) @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
}

export class ListLedgersQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
}

/** POST /ledgers/:id/items/:itemId/progress (序时进展). */
export class CreateProgressDto {
  @ApiProperty({ example: '2026-Q4', description: 'YYYY, YYYY-H1/H2, YYYY-Q1…Q4 or YYYY-MM' })
  @Matches(/^\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/, { message: 'period must be like 2026, 2026-H2, 2026-Q4 or 2026-11' })
  period!: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(5000) note!: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, description: 'progress reached (percent), compared with the row’s 序时节点' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percent?: number;
}

export class ExplanationDto {
  @ApiProperty() @IsUUID() itemId!: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(2000) note!: string;
}

/** POST /ledgers/:id/report-back (交账): a county reports its part of the ledger. */
export class ReportBackDto {
  @ApiProperty({ example: '330402' }) @IsString() @Matches(/^\d{6,12}$/) regionCode!: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(5000) comment!: string;
  @ApiPropertyOptional({ type: [ExplanationDto], description: 'items not signed off, explained' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ExplanationDto)
  explanations?: ExplanationDto[];
}

export const ITEM_STATUSES = ['dispatched', 'rectifying', 'overdue', 'signed_off'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export class ProgressCountsDto {
  @ApiProperty() cases!: number;
  @ApiProperty({ description: 'handed down, not yet being rectified (reported … assigned)' }) dispatched!: number;
  @ApiProperty({ description: 'rectifying or waiting for verification' }) rectifying!: number;
  @ApiProperty({ description: 'open and overdue (counted here instead of above)' }) overdue!: number;
  @ApiProperty({ description: 'closed (销号)' }) signedOff!: number;
  @ApiProperty() items!: number;
  @ApiProperty() itemsSignedOff!: number;
}

export class LedgerDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LEDGER_KINDS, enumName: 'LedgerKind' }) kind!: LedgerKind;
  @ApiProperty({ enum: CASE_SOURCES, enumName: 'CaseSource' }) source!: CaseSource;
  @ApiProperty() issuer!: string;
  @ApiProperty() issuedDate!: string;
  @ApiProperty() dueDate!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdByName!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class LedgerListItemDto extends LedgerDto {
  @ApiProperty({ description: 'over the cases the caller may see' }) items!: number;
  @ApiProperty() cases!: number;
  @ApiProperty() signedOff!: number;
  @ApiProperty() overdue!: number;
}

export class LedgerListDto {
  @ApiProperty({ type: [LedgerListItemDto] }) items!: LedgerListItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class NamedRefDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class UnitRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class LedgerItemCaseDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState' }) state!: CaseState;
  @ApiProperty({ enum: [...ITEM_STATUSES, 'other'] }) status!: ItemStatus | 'other';
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ type: String, nullable: true }) countyCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) countyName!: string | null;
  @ApiProperty({ type: String, nullable: true }) leadUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) leadUnitName!: string | null;
  @ApiProperty({ type: String, nullable: true }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
}

export class LedgerProgressDto {
  @ApiProperty() id!: string;
  @ApiProperty() itemId!: string;
  @ApiProperty() period!: string;
  @ApiProperty() note!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['lead', 'co'] }) unitRole!: 'lead' | 'co';
  @ApiProperty({ type: Number, nullable: true, description: 'progress reached (percent)' }) percent!: number | null;
  @ApiProperty() authorName!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: '季度报告 of an 811 主要任务 (period YYYY-Qn)' }) quarterly!: boolean;
  @ApiProperty({ type: [String] }) attachmentIds!: string[];
}

export class LedgerItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ type: [NamedRefDto] }) counties!: NamedRefDto[];
  @ApiProperty({ type: [NamedRefDto] }) towns!: NamedRefDto[];
  @ApiProperty({ type: [UnitRefDto] }) leadUnits!: UnitRefDto[];
  @ApiProperty({ type: [UnitRefDto] }) coUnits!: UnitRefDto[];
  @ApiProperty() dueDate!: string;
  @ApiProperty({ type: [String] }) milestones!: string[];
  @ApiProperty({ type: [Number], description: 'planned progress (percent) due by each milestone, in the order of milestones' }) milestonePercents!: number[];
  @ApiProperty({ type: String, nullable: true, description: '整改目标' }) target!: string | null;
  @ApiProperty({ enum: ITEM_KINDS, enumName: 'LedgerItemKind' }) kind!: ItemKind;
  @ApiProperty({ enum: ['specific', 'common'], enumName: 'ProblemScope', nullable: true, description: '具体问题 / 共性问题' }) problemScope!: 'specific' | 'common' | null;
  @ApiProperty({ type: String, nullable: true, description: '整改措施' }) measures!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '责任领导' }) responsibleLeader!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '责任人' }) responsiblePerson!: string | null;
  @ApiProperty({ enum: RECTIFY_TYPES, enumName: 'RectifyType', description: '立行立改 / 限期整改 / 长期坚持 (dueDate is then the ledger’s 交账 date)' }) rectifyType!: RectifyType;
  @ApiProperty({ type: String, nullable: true, description: '整改方案 attachment' }) planAttachmentId!: string | null;
  @ApiProperty({ description: 'false: one city-led case instead of one per county' }) splitByCounty!: boolean;
  @ApiProperty({ type: String, nullable: true, description: '811 tables: the 专项行动 of a 主要任务 row (see GET /ledgers/:id/task-table)' }) parentId!: string | null;
  @ApiProperty({ enum: ['yellow', 'red'], enumName: 'LagLevel', nullable: true, description: '序时滞后: yellow, then red after the grace; null on schedule' }) lagLevel!: 'yellow' | 'red' | null;
  @ApiProperty({ type: String, nullable: true, description: 'the missed 序时节点' }) lagMilestone!: string | null;
  @ApiProperty({ enum: SIGNOFF_STAGES, enumName: 'LedgerSignoffStage', nullable: true, description: 'inspection rows: 验收 done, 公示 running, 销号 after the higher-level review' }) signoffStage!: SignoffStage | null;
  @ApiProperty({ type: String, nullable: true, description: 'the last day of the 公示' }) noticeEndsOn!: string | null;
  @ApiProperty({ enum: ITEM_STATUSES, enumName: 'ItemStatus', description: 'of the cases the caller may see' }) status!: ItemStatus;
  @ApiProperty({ description: 'open past its deadline, or signed off after it' }) overdue!: boolean;
  @ApiProperty({ description: 'every case of the item is closed (销号)' }) signedOff!: boolean;
  @ApiProperty({ type: String, nullable: true }) signedOffAt!: string | null;
  @ApiProperty({ type: [LedgerItemCaseDto] }) cases!: LedgerItemCaseDto[];
  @ApiProperty({ type: [LedgerProgressDto] }) progress!: LedgerProgressDto[];
}

export class CountyProgressDto extends ProgressCountsDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ type: String, nullable: true }) reportedBackAt!: string | null;
}

export class ReportBackExplanationDto {
  @ApiProperty() itemId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() note!: string;
}

export class ReportBackViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() comment!: string;
  @ApiProperty({ type: [ReportBackExplanationDto] }) explanations!: ReportBackExplanationDto[];
  @ApiProperty() signedOffItems!: number;
  @ApiProperty() actorName!: string;
  @ApiProperty() at!: string;
}

export class LedgerDetailDto extends LedgerDto {
  @ApiProperty({ type: ProgressCountsDto }) progress!: ProgressCountsDto;
  @ApiProperty({ type: [CountyProgressDto] }) counties!: CountyProgressDto[];
  @ApiProperty({ type: [LedgerItemDto] }) items!: LedgerItemDto[];
  @ApiProperty({ type: [ReportBackViewDto] }) reportBacks!: ReportBackViewDto[];
  @ApiProperty({ type: [String], description: 'what the caller may do: import, export, report_back' }) allowedActions!: string[];
}

export class ImportResultDto {
  @ApiProperty() ledgerId!: string;
  @ApiProperty() items!: number;
  @ApiProperty() cases!: number;
  @ApiProperty() durationMs!: number;
}
