import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsLatitude, IsLongitude, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { KNOWN_CATEGORIES } from '@ecoloop/workflow';

/** Device sources of machine alerts (DESIGN §10). */
export const ALERT_SOURCES = ['online_monitoring', 'mobile_survey', 'camera', 'drone', 'satellite'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];
/** Who may hold an API key: the device sources, and Open311 clients that post on behalf of others. */
export const KEY_SOURCES = [...ALERT_SOURCES, 'open311'] as const;
export const ALERT_GRADES = ['short', 'sustained', 'repeated'] as const;
export type AlertGrade = (typeof ALERT_GRADES)[number];

export class CreateApiKeyDto {
  @IsString() @IsNotEmpty() @MaxLength(64) name!: string;
  @ApiProperty({ enum: KEY_SOURCES, enumName: 'ApiKeySource' }) @IsIn(KEY_SOURCES) source!: (typeof KEY_SOURCES)[number];
  @ApiPropertyOptional({ description: 'where alerts that name no region or enterprise belong; defaults to the admin’s region' })
  @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
}

export class ApiKeyDto {
  id!: string;
  name!: string;
  @ApiProperty({ enum: KEY_SOURCES, enumName: 'ApiKeySource' }) source!: string;
  regionCode!: string;
  @ApiProperty({ description: 'the first characters of the key' }) keyPrefix!: string;
  createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
}

export class IssuedApiKeyDto {
  id!: string;
  name!: string;
  @ApiProperty({ enum: KEY_SOURCES, enumName: 'ApiKeySource' }) source!: string;
  @ApiProperty({ description: 'shown only in this answer' }) key!: string;
}

export class CreateAlertDto {
  @ApiProperty({ enum: ALERT_SOURCES, enumName: 'AlertSource' }) @IsIn(ALERT_SOURCES) source!: AlertSource;
  @IsString() @IsNotEmpty() @MaxLength(128) externalId!: string;
  @IsOptional() @IsString() @MaxLength(64) pointId?: string;
  @IsOptional() @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'enterpriseCreditCode must be an 18-character credit code' }) enterpriseCreditCode?: string;
  @IsOptional() @IsString() @MaxLength(32) pollutant?: string;
  @IsOptional() @IsNumber() value?: number;
  @IsOptional() @IsNumber() limit?: number;
  @IsOptional() @IsString() @MaxLength(16) unit?: string;
  @IsISO8601({ strict: true }) observedAt!: string;
  @IsOptional() @IsInt() @Min(0) @Max(525_600) durationMinutes?: number;
  @Type(() => Number) @IsLatitude() lat!: number;
  @Type(() => Number) @IsLongitude() lng!: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1 }) @IsOptional() @IsNumber() @Min(0) @Max(1) confidence?: number;
  @ApiProperty({ enum: KNOWN_CATEGORIES, enumName: 'Category' }) @IsIn(KNOWN_CATEGORIES) category!: string;
  @IsOptional() @IsUUID() imageAttachmentId?: string;
  @ApiPropertyOptional({ description: 'the region of the point; defaults to the enterprise’s, then the key’s' })
  @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
}

export class AlertOutcomeDto {
  alertId!: string;
  @ApiProperty({ nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ enum: ALERT_GRADES, enumName: 'AlertGrade' }) grade!: AlertGrade;
  folded!: boolean;
}

export class ListAlertsQueryDto {
  @ApiPropertyOptional({ enum: ALERT_SOURCES, enumName: 'AlertSource' }) @IsOptional() @IsIn(ALERT_SOURCES) source?: string;
  @IsOptional() @IsString() @MaxLength(64) pointId?: string;
  @IsOptional() @IsString() @MaxLength(18) enterpriseCreditCode?: string;
  @ApiPropertyOptional({ enum: ALERT_GRADES, enumName: 'AlertGrade' }) @IsOptional() @IsIn(ALERT_GRADES) grade?: string;
  @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ type: 'integer', default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 20;
}

export class AlertDto {
  id!: string;
  @ApiProperty({ enum: ALERT_SOURCES, enumName: 'AlertSource' }) source!: string;
  externalId!: string;
  @ApiProperty({ nullable: true, type: String }) pointId!: string | null;
  @ApiProperty({ nullable: true, type: String }) enterpriseCreditCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) pollutant!: string | null;
  @ApiProperty({ nullable: true, type: Number }) value!: number | null;
  @ApiProperty({ nullable: true, type: Number }) limit!: number | null;
  @ApiProperty({ nullable: true, type: String }) unit!: string | null;
  observedAt!: string;
  @ApiProperty({ nullable: true, type: Number }) durationMinutes!: number | null;
  lat!: number;
  lng!: number;
  category!: string;
  regionCode!: string;
  @ApiProperty({ enum: ALERT_GRADES, enumName: 'AlertGrade' }) grade!: string;
  @ApiProperty({ nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) caseCode!: string | null;
  folded!: boolean;
  receivedAt!: string;
}

export class AlertListDto {
  @ApiProperty({ type: [AlertDto] }) items!: AlertDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}

export class AlertPolicyDto {
  @ApiProperty({ description: 'a device source or `default`' }) source!: string;
  sustainedMinutes!: number;
  foldWindowHours!: number;
  repeatCount!: number;
  repeatWindowDays!: number;
  foldRadiusMeters!: number;
}

export class PutAlertPolicyDto {
  @IsInt() @Min(1) @Max(10_080) sustainedMinutes!: number;
  @IsInt() @Min(1) @Max(720) foldWindowHours!: number;
  @IsInt() @Min(2) @Max(100) repeatCount!: number;
  @IsInt() @Min(1) @Max(366) repeatWindowDays!: number;
  @IsInt() @Min(10) @Max(10_000) foldRadiusMeters!: number;
}

export class FastTrackQueryDto {
  @ApiPropertyOptional({ example: '2026-11', description: 'a month (Asia/Shanghai); the current one by default' })
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/) month?: string;
}

export class FastTrackRowDto {
  regionCode!: string;
  regionName!: string;
  detected!: number;
  closedWithin30Min!: number;
  @ApiProperty({ nullable: true, type: Number }) rate!: number | null;
}

export class FastTrackDto {
  month!: string;
  detected!: number;
  closedWithin30Min!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'closedWithin30Min / detected; null when nothing was detected' }) rate!: number | null;
  @ApiProperty({ type: [FastTrackRowDto] }) byCounty!: FastTrackRowDto[];
}
