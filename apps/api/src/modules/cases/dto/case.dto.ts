import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
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
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ADMIN_LEVELS,
  CASE_LEVELS,
  CASE_ACTIONS,
  CASE_SOURCES,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  SYSTEM_ACTIONS,
  CASE_STATES,
  CATEGORY_PATTERN,
  KNOWN_CATEGORIES,
  FINDINGS,
  HEALTH_CODES,
  PETITION_ACTIONS,
  PETITION_STATES,
  SATISFACTIONS,
  SEVERITIES,
  type AdminLevel,
  type CaseLevel,
  type PetitionAction,
  type PetitionState,
  type Satisfaction,
  type CaseAction,
  type CaseSource,
  type CaseState,
  type DeadlineKind,
  type Finding,
  type HealthCode,
  type Severity,
} from '@ecoloop/workflow';

import { PetitionDto } from '../../petitions/dto/petition.dto.js';

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
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(5000) description!: string;
  @ApiProperty({ example: 'air.open_burning', enum: KNOWN_CATEGORIES, enumName: 'Category' }) @IsString() @IsIn(KNOWN_CATEGORIES, { message: 'category must be a known category such as air or air.open_burning' }) category!: string;
  @ApiProperty({ enum: CASE_SOURCES, enumName: 'CaseSource' }) @IsIn(CASE_SOURCES) source!: CaseSource;
  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity' }) @IsIn(SEVERITIES) severity!: Severity;
  @ApiPropertyOptional({ description: 'defaults to a grid inspector’s own grid' }) @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
  @IsOptional() @Type(() => Number) @IsLatitude() lat?: number;
  @IsOptional() @Type(() => Number) @IsLongitude() lng?: number;
  @IsOptional() @Transform(trim) @IsString() @MaxLength(255) address?: string;
  @IsOptional() @IsString() @Matches(CREDIT_CODE, { message: 'enterpriseCreditCode must be an 18-character unified social credit code' }) enterpriseCreditCode?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) attachmentIds?: string[];
  @IsOptional() @Transform(trim) @IsString() @MaxLength(64) reporterName?: string;
  @IsOptional() @IsString() @Matches(/^[0-9+\- ]{5,32}$/, { message: 'reporterPhone must be a phone number' }) reporterPhone?: string;
}

/** POST /cases/:id/actions/:action — the version read, plus the action's payload (DESIGN §6). */
export class CaseActionDto {
  @Type(() => Number) @IsInt() @Min(1) expectedVersion!: number;
  @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) reason?: string;
  @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) comment?: string;
  @IsOptional() @Transform(trim) @IsString() @MaxLength(5000) note?: string;
  @IsOptional() @IsUUID() leadUnitId?: string;
  @ApiPropertyOptional({ description: 'reported at or after this time (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) createdFrom?: string;
  @ApiPropertyOptional({ description: 'reported before this time (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) createdTo?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) coUnitIds?: string[];
  @IsOptional() @IsISO8601({ strict: true }) dueAt?: string;
  @IsOptional() @IsISO8601({ strict: true }) newDueAt?: string;
  @IsOptional() @IsBoolean() approve?: boolean;
  @IsOptional() @Transform(trim) @IsString() @MaxLength(5000) measures?: string;
  @IsOptional() @IsUUID() targetCaseId?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) attachmentIds?: string[];
  @ApiPropertyOptional({ enum: FINDINGS, enumName: 'Finding', description: 'submit_completion: confirmed = a real violation (counts in the enterprise health code)' }) @IsOptional() @IsIn(FINDINGS) finding?: Finding;
  @ApiPropertyOptional({ description: 'transfer_enforcement: 立案号' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(64) caseNumber?: string;
  @ApiPropertyOptional({ description: 'transfer_enforcement: 行政处罚决定书文号' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(64) penaltyDecisionNo?: string;
  @ApiPropertyOptional({ description: 'transfer_enforcement: fine in yuan', minimum: 0 }) @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1e12) fine?: number;
  @ApiPropertyOptional({ description: 'transfer_enforcement: referred to the police (移送公安)' }) @IsOptional() @IsBoolean() policeReferral?: boolean;
  @ApiPropertyOptional({ enum: SATISFACTIONS, description: 'petition follow_up (回访) result' }) @IsOptional() @IsIn(SATISFACTIONS) satisfaction?: Satisfaction;
}

export const CASE_SORTS = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'dueAt', '-dueAt', 'code', '-code', 'severity', '-severity'] as const;

/** GET /cases filters (DESIGN §6). */
export class ListCasesQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATES, enumName: 'CaseState', isArray: true, description: 'one state or several, comma-separated' }) @IsOptional() @Transform(toList) @IsArray() @IsIn(CASE_STATES, { each: true }) state?: CaseState[];
  @ApiPropertyOptional({ description: 'air matches every air.*' }) @IsOptional() @IsString() @Matches(CATEGORY_PATTERN) category?: string;
  @ApiPropertyOptional({ enum: CASE_SOURCES, enumName: 'CaseSource', isArray: true, description: 'one source or several, comma-separated' }) @IsOptional() @Transform(toList) @IsArray() @IsIn(CASE_SOURCES, { each: true }) source?: CaseSource[];
  @ApiPropertyOptional({ enum: SEVERITIES, enumName: 'Severity' }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional({ description: 'this region and below' }) @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() overdue?: boolean;
  @IsOptional() @Transform(toBool) @IsBoolean() supervised?: boolean;
  @ApiPropertyOptional({ description: 'cases on which the caller can act now (worklist)' }) @IsOptional() @Transform(toBool) @IsBoolean() actionable?: boolean;
  @ApiPropertyOptional({ description: 'text in the title, code or address' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsUUID() ledgerId?: string;
  @IsOptional() @IsUUID() leadUnitId?: string;
  @ApiPropertyOptional({ type: String, description: 'cases a leader took personally (包案); `me` for the caller' }) @IsOptional() @Matches(/^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i) takenBy?: string;
  @ApiPropertyOptional({ description: 'reported at or after this time (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) createdFrom?: string;
  @ApiPropertyOptional({ description: 'reported before this time (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) createdTo?: string;
  @ApiPropertyOptional({ description: 'petitions in these petition states (信访 worklists: registered 待告知, accepted 待答复, replied 待回访, under_review,under_recheck 复查中)', enum: PETITION_STATES, enumName: 'PetitionState', isArray: true }) @IsOptional() @Transform(toList) @IsArray() @IsIn(PETITION_STATES, { each: true }) petitionState?: PetitionState[];
  @ApiPropertyOptional({ type: 'integer', default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 20;
  @ApiPropertyOptional({ enum: CASE_SORTS, default: '-createdAt', description: '-field for descending; field:desc also accepted' }) @IsOptional() @Transform(toSort) @IsIn(CASE_SORTS) sort: (typeof CASE_SORTS)[number] = '-createdAt';
}

/** GET /cases/nearby: open cases of the same kind near a point, before a report is sent. */
export class NearbyCasesQueryDto {
  @ApiProperty() @Type(() => Number) @IsLatitude() lat!: number;
  @ApiProperty() @Type(() => Number) @IsLongitude() lng!: number;
  @ApiProperty({ description: 'air matches every air.*; air.dust matches the other air.* too (same top-level kind)' }) @IsString() @Matches(CATEGORY_PATTERN) category!: string;
  @ApiPropertyOptional({ type: 'integer', default: 300, minimum: 50, maximum: 2000, description: 'metres' }) @IsOptional() @Type(() => Number) @IsInt() @Min(50) @Max(2000) radiusM = 300;
}

export class DeadlineDto {
  id!: string;
  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind' }) kind!: DeadlineKind;
  dueAt!: string;
  originalDueAt!: string;
  @ApiProperty({ enum: DEADLINE_STATUSES, enumName: 'DeadlineStatus' }) status!: string;
  @ApiProperty({ enum: ADMIN_LEVELS, enumName: 'AdminLevel', nullable: true }) level!: AdminLevel | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'when it was met (met / late) or stopped (cancelled)' }) settledAt?: string | null;
}

/** The most recently due deadline that was missed: what `overdue` is about. */
export class MissedDeadlineDto {
  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind' }) kind!: DeadlineKind;
  dueAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null while still overdue' }) settledAt!: string | null;
  @ApiProperty({ enum: ['late', 'overdue'] }) status!: string;
}

export class AttachmentRefDto {
  id!: string;
  originalName!: string;
  mime!: string;
  size!: number;
  @ApiProperty({ type: Number, nullable: true }) eventSeq!: number | null;
}

export class PendingExtensionDto {
  newDueAt!: string;
  reason!: string;
}

/** The case as every client sees it (DESIGN §6 "case"). */
@ApiExtraModels(PendingExtensionDto)
export class CaseDto {
  id!: string;
  code!: string;
  title!: string;
  description!: string;
  category!: string;
  @ApiProperty({ enum: CASE_SOURCES, enumName: 'CaseSource' }) source!: CaseSource;
  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity' }) severity!: Severity;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState' }) state!: CaseState;
  regionCode!: string;
  regionName!: string;
  @ApiProperty({ type: Number, nullable: true }) lat!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lng!: number | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) enterpriseCreditCode!: string | null;
  @ApiProperty({ enum: HEALTH_CODES, enumName: 'HealthCode', nullable: true, description: 'the enterprise’s health code as last computed; green = 正面清单 (无事不扰)' }) enterpriseHealthCode!: HealthCode | null;
  @ApiProperty({ type: String, nullable: true }) leadUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '包案: the leader who took the case personally' }) takenById!: string | null;
  @ApiProperty({ type: String, nullable: true }) takenByName!: string | null;
  @ApiProperty({ type: String, nullable: true }) leadUnitName!: string | null;
  @ApiProperty({ type: [String] }) coUnitIds!: string[];
  @ApiProperty({ type: String, nullable: true }) dueAt!: string | null;
  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind', nullable: true }) deadlineKind!: DeadlineKind | null;
  overdue!: boolean;
  @ApiProperty({ enum: ADMIN_LEVELS, enumName: 'AdminLevel', nullable: true }) supervisionLevel!: AdminLevel | null;
  @ApiProperty({ enum: CASE_LEVELS, enumName: 'CaseLevel' }) ownerLevel!: CaseLevel;
  @ApiProperty({ enum: CASE_LEVELS, enumName: 'CaseLevel', isArray: true }) signoffSteps!: CaseLevel[];
  signoffIndex!: number;
  reworkCount!: number;
  reopenCount!: number;
  @ApiProperty({ nullable: true, allOf: [{ $ref: getSchemaPath(PendingExtensionDto) }] }) pendingExtension!: PendingExtensionDto | null;
  @ApiProperty({ type: String, nullable: true }) ledgerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) duplicateOfId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reporterId!: string | null;
  version!: number;
  createdAt!: string;
  updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ enum: [...CASE_ACTIONS, ...PETITION_ACTIONS], enumName: 'AllowedAction', isArray: true, description: 'case actions and, for petitions, petition actions' })
  allowedActions!: (CaseAction | PetitionAction)[];
  @ApiPropertyOptional({ type: String, nullable: true }) reporterName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reporterPhone?: string | null;
  @ApiPropertyOptional({ type: [DeadlineDto] }) deadlines?: DeadlineDto[];
  @ApiPropertyOptional({ type: () => MissedDeadlineDto, nullable: true, description: 'for overdue cases: the missed deadline (list and detail)' })
  missedDeadline?: MissedDeadlineDto | null;
  @ApiPropertyOptional({ type: [AttachmentRefDto] }) attachments?: AttachmentRefDto[];
  @ApiPropertyOptional({ type: () => PetitionDto, nullable: true, description: 'the detail of a petition (DESIGN §9)' }) petition?: PetitionDto | null;
}

export class CaseListDto {
  @ApiProperty({ type: [CaseDto] }) items!: CaseDto[];
  @ApiProperty({ description: 'exact up to 1,000 matches, or ten pages past this one when further; beyond that a lower bound' }) total!: number;
  @ApiProperty({ description: 'false when `total` is a lower bound (shown as "1000+")' }) totalExact!: boolean;
  page!: number;
  pageSize!: number;
}

export class CaseEventDto {
  seq!: number;
  @ApiProperty({ enum: [...CASE_ACTIONS, ...SYSTEM_ACTIONS], enumName: 'CaseEventAction' }) action!: string;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState', nullable: true }) fromState!: string | null;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState' }) toState!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for the system actor' }) actorId!: string | null;
  actorName!: string;
  @ApiProperty({ description: "a role, or 'public' / 'system'" }) actorRole!: string;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty({ type: [String] }) attachmentIds!: string[];
  at!: string;
  hash!: string;
}

/** GET /cases/:id/duplicates: an open case nearby that may be the same problem. */
export class DuplicateCaseDto extends CaseDto {
  @ApiProperty({ type: Number, nullable: true, description: 'metres from the case, null without coordinates' }) distanceM!: number | null;
}
