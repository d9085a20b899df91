import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ITEM_STATUSES, LedgerProgressDto, UnitRefDto, type ItemStatus } from './ledger.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const QUARTER = /^\d{4}-Q[1-4]$/;

/** GET /ledgers/:id/task-table. */
export class TaskTableQueryDto {
  @ApiPropertyOptional({ example: '2026-Q4', description: 'the quarter whose reports are checked; defaults to the current quarter' })
  @IsOptional()
  @Matches(QUARTER, { message: 'quarter 须为季度，如 2026-Q4' })
  quarter?: string;
}

/** POST /ledgers/:id/items/:itemId/quarterly-reports (季度报告 of a 主要任务). */
export class CreateQuarterlyReportDto {
  @ApiProperty({ example: '2026-Q4', description: 'the quarter reported on: not after the current one, not before the ledger was issued' })
  @Matches(QUARTER, { message: 'quarter 须为季度，如 2026-Q4' })
  quarter!: string;
  @ApiProperty({ description: '本季度工作进展' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(5000) note!: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, description: 'progress of the task reached (percent)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percent?: number;
  @ApiPropertyOptional({ type: [String], description: 'uploaded attachments (POST /attachments)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class TaskRowDto {
  @ApiProperty() id!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true, description: '整改目标 / 任务目标' }) target!: string | null;
  @ApiProperty({ type: [UnitRefDto], description: 'the units leading its cases (the first listed unit of the row leads)' }) leadUnits!: UnitRefDto[];
  @ApiProperty({ type: [UnitRefDto] }) coUnits!: UnitRefDto[];
  @ApiProperty() dueDate!: string;
  @ApiProperty({ enum: ITEM_STATUSES, enumName: 'ItemStatus' }) status!: ItemStatus;
  @ApiProperty() signedOff!: boolean;
  @ApiProperty({ enum: ['yellow', 'red'], enumName: 'LagLevel', nullable: true }) lagLevel!: 'yellow' | 'red' | null;
  @ApiProperty({ type: [LedgerProgressDto], description: 'its quarterly reports, oldest quarter first' }) reports!: LedgerProgressDto[];
  @ApiProperty({ description: 'a report is expected for the quarter (the task is not signed off)' }) reportDue!: boolean;
  @ApiProperty({ description: 'every lead unit has reported for the quarter' }) reported!: boolean;
  @ApiProperty({ type: [UnitRefDto], description: 'lead units that have not reported for the quarter' }) missingUnits!: UnitRefDto[];
  @ApiProperty({ description: 'the caller’s unit works on the task and has not reported for the quarter' }) canReport!: boolean;
}

export class TaskActionDto {
  @ApiProperty() id!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: UnitRefDto, description: '牵头单位: the office the quarterly reports go to' }) leadUnit!: UnitRefDto;
  @ApiProperty({ type: [TaskRowDto] }) tasks!: TaskRowDto[];
  @ApiProperty({ description: 'tasks with a report due for the quarter and not reported' }) missing!: number;
}

/** An 811 task table: 专项行动 → 主要任务 with each quarter's reports. */
export class TaskTableDto {
  @ApiProperty() ledgerId!: string;
  @ApiProperty({ example: '2026-Q4' }) quarter!: string;
  @ApiProperty({ example: '2026-Q4' }) currentQuarter!: string;
  @ApiProperty({ type: [String], description: 'from the quarter the ledger was issued in up to the current one' }) quarters!: string[];
  @ApiProperty({ type: [TaskActionDto] }) actions!: TaskActionDto[];
  @ApiProperty({ type: [TaskRowDto], description: 'tasks of the table that belong to no 专项行动' }) ungrouped!: TaskRowDto[];
  @ApiProperty() tasks!: number;
  @ApiProperty({ description: 'tasks not reported for the quarter' }) missing!: number;
}
