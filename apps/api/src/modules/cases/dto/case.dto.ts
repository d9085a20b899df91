import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CASE_SOURCES,
  CASE_STATES,
  CATEGORY_PATTERN,
  SEVERITIES,
  type AdminLevel,
  type CaseAction,
  type CaseSource,
  type CaseState,
  type DeadlineKind,
  type Severity,
} from '@ecoloop/workflow';

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);
/** `-createdAt`, and the common spellings `createdAt:desc` / `createdAt,asc` / `createdAt desc`. */
const toSort = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const m = /^([A-Za-z]+)[:, ](asc|desc)$/i.exec(value.trim());
  return m ? `${m[2].toLowerCase() === 'desc' ? '-' : ''}${m[1]}` : value.trim();
};
const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

/** POST /cases (DESIGN §6 "create"). */
export class CreateCaseDto {
  @ApiProperty({ example: '凤桥镇三星村河道边秸秆露天焚烧' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) title!: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(5000) description!: string;
  @ApiProperty({ example: 'air.open_burning' }) @IsString() @Matches(CATEGORY_PATTERN, { message: 'category must be a known category such as air or air.open_burning' }) category!: string;
  @ApiProperty({ enum: CASE_SOURCES }) @IsIn(CASE_SOURCES) source!: CaseSource;
  @ApiProperty({ enum: SEVERITIES }) @IsIn(SEVERITIES) severity!: Severity;
  @ApiPropertyOptional({ description: 'defaults to a grid inspector’s own grid' }) @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsLatitude() lat?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsLongitude() lng?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(255) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(CREDIT_CODE, { message: 'enterpriseCreditCode must be an 18-character unified social credit code' }) enterpriseCreditCode?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) attachmentIds?: string[];
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(64) reporterName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[0-9+\- ]{5,32}$/, { message: 'reporterPhone must be a phone number' }) reporterPhone?: string;
}

/** POST /cases/:id/actions/:action — the version read, plus the action's payload (DESIGN §6). */
export class CaseActionDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) expectedVersion!: number;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) reason?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) comment?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(5000) note?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() leadUnitId?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) coUnitIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) dueAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) newDueAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() approve?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(5000) measures?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() targetCaseId?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) attachmentIds?: string[];
}

export const CASE_SORTS = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'dueAt', '-dueAt', 'code', '-code', 'severity', '-severity'] as const;

/** GET /cases filters (DESIGN §6). */
export class ListCasesQueryDto {
  @ApiPropertyOptional({ description: 'one state or several, comma-separated' }) @IsOptional() @Transform(toList) @IsArray() @IsIn(CASE_STATES, { each: true }) state?: CaseState[];
  @ApiPropertyOptional({ description: 'air matches every air.*' }) @IsOptional() @IsString() @Matches(CATEGORY_PATTERN) category?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toList) @IsArray() @IsIn(CASE_SOURCES, { each: true }) source?: CaseSource[];
  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional({ description: 'this region and below' }) @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() supervised?: boolean;
  @ApiPropertyOptional({ description: 'cases on which the caller can act now (worklist)' }) @IsOptional() @Transform(toBool) @IsBoolean() actionable?: boolean;
  @ApiPropertyOptional({ description: 'text in the title, code or address' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ledgerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() leadUnitId?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 20;
  @ApiPropertyOptional({ enum: CASE_SORTS, default: '-createdAt', description: '-field for descending; field:desc also accepted' }) @IsOptional() @Transform(toSort) @IsIn(CASE_SORTS) sort: (typeof CASE_SORTS)[number] = '-createdAt';
}

export class DeadlineDto {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: DeadlineKind;
  @ApiProperty() dueAt!: string;
  @ApiProperty() originalDueAt!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true }) level!: AdminLevel | null;
}

export class AttachmentRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() originalName!: string;
  @ApiProperty() mime!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ nullable: true }) eventSeq!: number | null;
}

/** The case as every client sees it (DESIGN §6 "case"). */
export class CaseDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: CASE_SOURCES }) source!: CaseSource;
  @ApiProperty({ enum: SEVERITIES }) severity!: Severity;
  @ApiProperty({ enum: CASE_STATES }) state!: CaseState;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ nullable: true }) lat!: number | null;
  @ApiProperty({ nullable: true }) lng!: number | null;
  @ApiProperty({ nullable: true }) address!: string | null;
  @ApiProperty({ nullable: true }) enterpriseCreditCode!: string | null;
  @ApiProperty({ nullable: true }) leadUnitId!: string | null;
  @ApiProperty({ nullable: true }) leadUnitName!: string | null;
  @ApiProperty({ type: [String] }) coUnitIds!: string[];
  @ApiProperty({ nullable: true }) dueAt!: string | null;
  @ApiProperty({ nullable: true }) deadlineKind!: DeadlineKind | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true }) supervisionLevel!: AdminLevel | null;
  @ApiProperty() ownerLevel!: AdminLevel;
  @ApiProperty({ type: [String] }) signoffSteps!: AdminLevel[];
  @ApiProperty() signoffIndex!: number;
  @ApiProperty() reworkCount!: number;
  @ApiProperty() reopenCount!: number;
  @ApiProperty({ nullable: true }) pendingExtension!: { newDueAt: string; reason: string } | null;
  @ApiProperty({ nullable: true }) ledgerId!: string | null;
  @ApiProperty({ nullable: true }) duplicateOfId!: string | null;
  @ApiProperty({ nullable: true }) reporterId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: [String] }) allowedActions!: CaseAction[];
  @ApiPropertyOptional() reporterName?: string | null;
  @ApiPropertyOptional() reporterPhone?: string | null;
  @ApiPropertyOptional({ type: [DeadlineDto] }) deadlines?: DeadlineDto[];
  @ApiPropertyOptional({ type: [AttachmentRefDto] }) attachments?: AttachmentRefDto[];
}

export class CaseListDto {
  @ApiProperty({ type: [CaseDto] }) items!: CaseDto[];
  @ApiProperty({ description: 'exact up to 10,000; beyond that a lower bound (totalExact false)' }) total!: number;
  @ApiProperty() totalExact!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CaseEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true }) fromState!: string | null;
  @ApiProperty() toState!: string;
  @ApiProperty({ nullable: true, description: 'null for the system actor' }) actorId!: string | null;
  @ApiProperty() actorName!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ nullable: true }) comment!: string | null;
  @ApiProperty() payload!: Record<string, unknown>;
  @ApiProperty({ type: [String] }) attachmentIds!: string[];
  @ApiProperty() at!: string;
  @ApiProperty() hash!: string;
}
