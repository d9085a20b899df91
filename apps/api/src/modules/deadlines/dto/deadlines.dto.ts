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
  year!: number;
  @ApiProperty({ description: 'false when the year has no data yet: holidays are then the statutory ones the planner falls back to, without 调休' }) stored!: boolean;
}

/** POST /admin/deadline-policies. source / category / severity absent or null = any. */
export class CreateDeadlinePolicyDto {
  @ApiPropertyOptional({ enum: CASE_SOURCES, enumName: 'CaseSource', nullable: true }) @IsOptional() @IsIn(CASE_SOURCES) source?: CaseSource | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'air.open_burning', description: "a category, or a top-level one ('air' matches every air.*)" })
  @IsOptional() @IsString() @Matches(CATEGORY_PATTERN, { message: 'category must be a known category such as air or air.open_burning' })
  category?: string | null;
  @ApiPropertyOptional({ enum: SEVERITIES, enumName: 'Severity', nullable: true }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity | null;
  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind' }) @IsIn(DEADLINE_KINDS) kind!: DeadlineKind;
  @ApiProperty({ example: 15 }) @Type(() => Number) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.001) @Max(100_000) amount!: number;
  @ApiProperty({ enum: DEADLINE_UNITS, enumName: 'DeadlineUnit' }) @IsIn(DEADLINE_UNITS) unit!: DeadlineUnit;
  @ApiPropertyOptional({ default: 0, description: 'minutes before the due time that the reminder goes out' })
  @IsOptional() @Type(() => Number) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1_000_000) reminderLeadMinutes?: number;
}

/** PATCH /admin/deadline-policies/:id — the fields to change. */
export class UpdateDeadlinePolicyDto {
  @ApiPropertyOptional({ enum: CASE_SOURCES, enumName: 'CaseSource', nullable: true }) @IsOptional() @IsIn(CASE_SOURCES) source?: CaseSource | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @Matches(CATEGORY_PATTERN, { message: 'category must be a known category such as air or air.open_burning' }) category?: string | null;
  @ApiPropertyOptional({ enum: SEVERITIES, enumName: 'Severity', nullable: true }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity | null;
  @ApiPropertyOptional({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind' }) @IsOptional() @IsIn(DEADLINE_KINDS) kind?: DeadlineKind;
  @IsOptional() @Type(() => Number) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.001) @Max(100_000) amount?: number;
  @ApiPropertyOptional({ enum: DEADLINE_UNITS, enumName: 'DeadlineUnit' }) @IsOptional() @IsIn(DEADLINE_UNITS) unit?: DeadlineUnit;
  @IsOptional() @Type(() => Number) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1_000_000) reminderLeadMinutes?: number;
}

export class DeadlinePolicyDto {
  id!: string;
  @ApiProperty({ enum: CASE_SOURCES, enumName: 'CaseSource', nullable: true }) source!: CaseSource | null;
  @ApiProperty({ nullable: true, type: String }) category!: string | null;
  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity', nullable: true }) severity!: Severity | null;
  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind' }) kind!: DeadlineKind;
  amount!: number;
  @ApiProperty({ enum: DEADLINE_UNITS, enumName: 'DeadlineUnit' }) unit!: DeadlineUnit;
  reminderLeadMinutes!: number;
}

/** GET /stats/deadlines */
export class DeadlineStatsQueryDto {
  @ApiPropertyOptional({ description: 'this region and below; defaults to the caller’s own region' })
  @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
}

export class DeadlineKindStatsDto {
  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind' }) kind!: DeadlineKind;
  @ApiProperty({ description: 'deadlines set (superseded ones excluded)' }) total!: number;
  @ApiProperty({ description: 'still running' }) pending!: number;
  @ApiProperty({ description: 'settled by their due time' }) met!: number;
  @ApiProperty({ description: 'settled after their due time (whether or not the timer had fired)' }) late!: number;
  @ApiProperty({ description: 'overdue and not yet settled' }) overdueOpen!: number;
  @ApiProperty({ description: 'obligations not met by their original due time (original_due_at before settlement, or before now)' })
  overdueAgainstOriginal!: number;
  @ApiProperty({ description: 'extended deadlines whose extended due time passed too' }) overdueAfterExtension!: number;
  @ApiProperty({ description: 'deadlines whose due time was extended' }) extended!: number;
}

export class DeadlineStatsDto {
  regionCode!: string;
  regionName!: string;
  @ApiProperty({ type: [DeadlineKindStatsDto] }) byKind!: DeadlineKindStatsDto[];
}
