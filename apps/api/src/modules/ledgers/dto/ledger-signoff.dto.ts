import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const SIGNOFF_ACTIONS = ['accept', 'publish', 'review'] as const;
export type SignoffAction = (typeof SIGNOFF_ACTIONS)[number];
export const SIGNOFF_STAGES = ['accepted', 'notice', 'signed_off'] as const;
export type SignoffStage = (typeof SIGNOFF_STAGES)[number];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** POST /ledgers/:id/items/:itemId/signoff: one step of an inspection row's sign-off (验收 → 公示 → 复核销号). */
export class ItemSignoffDto {
  @ApiProperty({ enum: SIGNOFF_ACTIONS, enumName: 'LedgerSignoffAction', description: 'accept 验收 (with materials), publish 公示, review 上级复核' })
  @IsIn(SIGNOFF_ACTIONS)
  action!: SignoffAction;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(2000) comment!: string;
  @ApiPropertyOptional({ type: [String], description: '验收材料 (accept)' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) attachmentIds?: string[];
  @ApiPropertyOptional({ type: Boolean, description: 'review: passed (销号) or not (back to 验收)' }) @IsOptional() @IsBoolean() passed?: boolean;
}

export class ItemSignoffViewDto {
  @ApiProperty() itemId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: SIGNOFF_STAGES, enumName: 'LedgerSignoffStage', nullable: true }) stage!: SignoffStage | null;
  @ApiProperty({ type: String, nullable: true, description: 'the last day of the 公示' }) noticeEndsOn!: string | null;
  @ApiProperty() comment!: string;
  @ApiProperty() at!: string;
}

/** PUT /ledgers/:id/items/:itemId/plan: the row's 整改方案 (an uploaded attachment). */
export class ItemPlanDto {
  @ApiProperty() @IsUUID() attachmentId!: string;
}

export class ItemPlanViewDto {
  @ApiProperty() itemId!: string;
  @ApiProperty() planAttachmentId!: string;
}
