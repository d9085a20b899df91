import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CASE_SOURCES, CATEGORY_PATTERN, DEADLINE_KINDS, DEADLINE_UNITS, SEVERITIES, type CaseSource, type DeadlineKind, type DeadlineUnit, type Severity } from '@ecoloop/workflow';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** PUT /admin/calendar/:year — the statutory days off and the make-up working days (调休). */
export class CalendarYearBodyDto {
  @ApiProperty({ type: [String], example: ['2027-01-01'], description: 'days off (YYYY-MM-DD), weekends included when they are holidays' })
  @IsArray() @ArrayMaxSize(366) @IsString({ each: true }) @Matches(ISO_DATE, { each: true, message: 'holidays must be YYYY-MM-DD dates' })
  holidays!: string[];

  @ApiProperty({ type: [String], example: ['2027-02-06'], description: 'Saturdays or Sundays that are working days (YYYY-MM-DD)' })
  @IsArray() @ArrayMaxSize(366) @IsString({ each: true }) @Matches(ISO_DATE, { each: true, message: 'workdays must be YYYY-MM-DD dates' })
  workdays!: string[];
}

export class CalendarYearDto extends CalendarYearBodyDto {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'false when the year has no data yet (plain Monday–Friday weeks)' }) stored!: boolean;
}

/** POST /admin/deadline-policies. source / category / severity absent or null = any. */
export class CreateDeadlinePolicyDto {
  @ApiPropertyOptional({ enum: CASE_SOURCES, nullable: true }) @IsOptional() @IsIn(CASE_SOURCES) source?: CaseSource | null;
  @ApiPropertyOptional({ nullable: true, example: 'air.open_burning', description: "a category, or a top-level one ('air' matches every air.*)" })
  @IsOptional() @IsString() @Matches(CATEGORY_PATTERN, { message: 'category must be a known category such as air or air.open_burning' })
  category?: string | null;
  @ApiPropertyOptional({ enum: SEVERITIES, nullable: true }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity | null;
  @ApiProperty({ enum: DEADLINE_KINDS }) @IsIn(DEADLINE_KINDS) kind!: DeadlineKind;
  @ApiProperty({ example: 15 }) @Type(() => Number) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.001) @Max(100_000) amount!: number;
  @ApiProperty({ enum: DEADLINE_UNITS }) @IsIn(DEADLINE_UNITS) unit!: DeadlineUnit;
  @ApiPropertyOptional({ default: 0, description: 'minutes before the due time that the reminder goes out' })
  @IsOptional() @Type(() => Number) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1_000_000) reminderLeadMinutes?: number;
}

/** PATCH /admin/deadline-policies/:id — the fields to change. */
export class UpdateDeadlinePolicyDto {
  @ApiPropertyOptional({ enum: CASE_SOURCES, nullable: true }) @IsOptional() @IsIn(CASE_SOURCES) source?: CaseSource | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @Matches(CATEGORY_PATTERN, { message: 'category must be a known category such as air or air.open_burning' }) category?: string | null;
  @ApiPropertyOptional({ enum: SEVERITIES, nullable: true }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity | null;
  @ApiPropertyOptional({ enum: DEADLINE_KINDS }) @IsOptional() @IsIn(DEADLINE_KINDS) kind?: DeadlineKind;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.001) @Max(100_000) amount?: number;
  @ApiPropertyOptional({ enum: DEADLINE_UNITS }) @IsOptional() @IsIn(DEADLINE_UNITS) unit?: DeadlineUnit;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1_000_000) reminderLeadMinutes?: number;
}

export class DeadlinePolicyDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) source!: string | null;
  @ApiProperty({ nullable: true, type: String }) category!: string | null;
  @ApiProperty({ nullable: true, type: String }) severity!: Severity | null;
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: DeadlineKind;
  @ApiProperty() amount!: number;
  @ApiProperty({ enum: DEADLINE_UNITS }) unit!: DeadlineUnit;
  @ApiProperty() reminderLeadMinutes!: number;
}

/** GET /stats/deadlines */
export class DeadlineStatsQueryDto {
  @ApiPropertyOptional({ description: 'this region and below; defaults to the caller’s own region' })
  @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
}

export class DeadlineKindStatsDto {
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: DeadlineKind;
  @ApiProperty({ description: 'deadlines set (superseded ones excluded)' }) total!: number;
  @ApiProperty({ description: 'still running' }) pending!: number;
  @ApiProperty({ description: 'overdue and not yet settled' }) overdueOpen!: number;
  @ApiProperty({ description: 'obligations not met by their original due time (original_due_at before settlement, or before now)' })
  overdueAgainstOriginal!: number;
  @ApiProperty({ description: 'extended deadlines whose extended due time passed too' }) overdueAfterExtension!: number;
  @ApiProperty({ description: 'deadlines whose due time was extended' }) extended!: number;
}

export class DeadlineStatsDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ type: [DeadlineKindStatsDto] }) byKind!: DeadlineKindStatsDto[];
}
