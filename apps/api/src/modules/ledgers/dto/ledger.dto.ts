import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CASE_SOURCES, CASE_STATES, type CaseSource, type CaseState } from '@ecoloop/workflow';
import { LEDGER_KINDS, type LedgerKind } from '../entities/ledger.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** POST /ledgers. */
export class CreateLedgerDto {
  @ApiProperty({ example: '第三轮中央生态环境保护督察交办问题整改台账' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiProperty({ enum: LEDGER_KINDS }) @IsIn(LEDGER_KINDS) kind!: LedgerKind;
  @ApiProperty({ enum: CASE_SOURCES, description: 'the source every case of the ledger gets' }) @IsIn(CASE_SOURCES) source!: CaseSource;
  @ApiProperty({ example: '中央第三生态环境保护督察组' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(128) issuer!: string;
  @ApiProperty({ example: '2026-10-15' }) @Matches(DATE, { message: 'issuedDate must be a date (YYYY-MM-DD)' }) issuedDate!: string;
  @ApiProperty({ example: '2027-06-30', description: 'when the ledger must be reported back (交账)' }) @Matches(DATE, { message: 'dueDate must be a date (YYYY-MM-DD)' }) dueDate!: string;
  @ApiPropertyOptional({ description: 'the region it is handed to; defaults to the creator’s jurisdiction' }) @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
}

export class ListLedgersQueryDto {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
}

/** POST /ledgers/:id/items/:itemId/progress (序时进展). */
export class CreateProgressDto {
  @ApiProperty({ example: '2026-Q4', description: 'YYYY, YYYY-H1/H2, YYYY-Q1…Q4 or YYYY-MM' })
  @Matches(/^\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/, { message: 'period must be like 2026, 2026-H2, 2026-Q4 or 2026-11' })
  period!: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(5000) note!: string;
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
  @ApiProperty({ enum: LEDGER_KINDS }) kind!: LedgerKind;
  @ApiProperty({ enum: CASE_SOURCES }) source!: CaseSource;
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
  @ApiProperty({ enum: CASE_STATES }) state!: CaseState;
  @ApiProperty({ enum: ITEM_STATUSES }) status!: ItemStatus | 'other';
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ nullable: true }) countyCode!: string | null;
  @ApiProperty({ nullable: true }) countyName!: string | null;
  @ApiProperty({ nullable: true }) leadUnitId!: string | null;
  @ApiProperty({ nullable: true }) leadUnitName!: string | null;
  @ApiProperty({ nullable: true }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true }) closedAt!: string | null;
}

export class LedgerProgressDto {
  @ApiProperty() id!: string;
  @ApiProperty() itemId!: string;
  @ApiProperty() period!: string;
  @ApiProperty() note!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['lead', 'co'] }) unitRole!: 'lead' | 'co';
  @ApiProperty() authorName!: string;
  @ApiProperty() createdAt!: string;
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
  @ApiProperty({ nullable: true }) target!: string | null;
  @ApiProperty({ enum: ITEM_STATUSES, description: 'of the cases the caller may see' }) status!: ItemStatus;
  @ApiProperty({ description: 'open past its deadline, or signed off after it' }) overdue!: boolean;
  @ApiProperty({ description: 'every case of the item is closed (销号)' }) signedOff!: boolean;
  @ApiProperty({ nullable: true }) signedOffAt!: string | null;
  @ApiProperty({ type: [LedgerItemCaseDto] }) cases!: LedgerItemCaseDto[];
  @ApiProperty({ type: [LedgerProgressDto] }) progress!: LedgerProgressDto[];
}

export class CountyProgressDto extends ProgressCountsDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ nullable: true }) reportedBackAt!: string | null;
}

export class ReportBackViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() comment!: string;
  @ApiProperty({ type: [Object] }) explanations!: { itemId: string; seq: number; note: string }[];
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
