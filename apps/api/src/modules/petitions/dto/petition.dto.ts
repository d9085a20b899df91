import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CATEGORY_PATTERN,
  PETITION_CHANNELS,
  PETITION_GRADES,
  PETITION_STATES,
  SATISFACTIONS,
  type PetitionChannel,
  type PetitionGrade,
  type PetitionState,
  type Satisfaction,
} from '@ecoloop/workflow';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
/** 居民身份证号码: 17 digits and a digit or X. */
const ID_NUMBER = /^\d{17}[\dX]$/;

export class PetitionerInputDto {
  @ApiPropertyOptional({ description: 'omitted for an anonymous petitioner' }) @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64) name?: string;
  @IsOptional() @IsString() @Matches(/^[0-9+\- ]{5,32}$/, { message: 'phone must be a phone number' }) phone?: string;
  @ApiPropertyOptional({ description: '居民身份证号码' }) @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)) @IsString() @Matches(ID_NUMBER, { message: 'idNumber must be an 18-character resident id number' }) idNumber?: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() anonymous?: boolean;
}

/** POST /petitions (DESIGN §9). */
export class CreatePetitionDto {
  @ApiProperty({ enum: PETITION_CHANNELS }) @IsIn(PETITION_CHANNELS) channel!: PetitionChannel;
  @ApiProperty({ enum: PETITION_GRADES }) @IsIn(PETITION_GRADES) grade!: PetitionGrade;
  @ApiProperty({ description: 'when the bureau received it (ISO 8601); not in the future' }) @IsISO8601({ strict: true }) receivedAt!: string;
  @ApiProperty({ description: '信访内容' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(5000) content!: string;
  @ApiProperty({ description: '信访请求' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(2000) request!: string;
  @ApiProperty({ type: [PetitionerInputDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PetitionerInputDto) petitioners!: PetitionerInputDto[];
  @ApiProperty({ example: 'water.black_odorous' }) @IsString() @Matches(CATEGORY_PATTERN, { message: 'category must be a known category such as air or air.odor' }) category!: string;
  @IsString() @Matches(/^\d{6,12}$/) regionCode!: string;
  @IsOptional() @Type(() => Number) @IsLatitude() lat?: number;
  @IsOptional() @Type(() => Number) @IsLongitude() lng?: number;
  @IsOptional() @Transform(trim) @IsString() @MaxLength(255) address?: string;
  @IsOptional() @IsString() @Matches(CREDIT_CODE, { message: 'enterpriseCreditCode must be an 18-character unified social credit code' }) enterpriseCreditCode?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) attachmentIds?: string[];
}

export class PetitionerDto {
  id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) idNumber!: string | null;
  anonymous!: boolean;
  @ApiProperty({ description: 'the petition this person filed (differs after a merge)' }) originalCaseId!: string;
}

/** The petition part of a case detail. `petitioners` only for dispatchers of the jurisdiction (DESIGN §5). */
export class PetitionDto {
  @ApiProperty({ enum: PETITION_CHANNELS }) channel!: PetitionChannel;
  @ApiProperty({ enum: PETITION_GRADES }) grade!: PetitionGrade;
  @ApiProperty({ enum: PETITION_STATES }) state!: PetitionState;
  receivedAt!: string;
  content!: string;
  request!: string;
  @ApiProperty({ type: String, nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the reply limit now running' }) replyDueAt!: string | null;
  replyCount!: number;
  extensionUsed!: boolean;
  @ApiProperty({ type: String, nullable: true }) repliedAt!: string | null;
  @ApiProperty({ enum: SATISFACTIONS, nullable: true }) satisfaction!: Satisfaction | null;
  @ApiProperty({ type: String, nullable: true }) reviewRequestedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewDecidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) recheckRequestedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) recheckDecidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'until when 复查 (or, after a 复查 decision, 复核) may be requested' }) reviewWindowEndsAt!: string | null;
  petitionerCount!: number;
  @ApiPropertyOptional({ type: [PetitionerDto] }) petitioners?: PetitionerDto[];
}

export class PetitionStatsQueryDto {
  @ApiPropertyOptional({ description: 'this region and below' }) @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
  @ApiPropertyOptional({ example: '2026-01', description: 'first month (by receipt), YYYY-MM' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/) from?: string;
  @ApiPropertyOptional({ example: '2026-12', description: 'last month, YYYY-MM' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/) to?: string;
}

export class PetitionStatsRowDto {
  regionCode!: string;
  regionName!: string;
  @ApiProperty({ example: '2026-10' }) month!: string;
  @ApiProperty({ description: 'petitions received' }) received!: number;
  @ApiProperty({ description: 'acceptance notices due (settled, or past due)' }) acceptanceDue!: number;
  acceptanceOnTime!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'acceptanceOnTime / acceptanceDue' }) onTimeAcceptanceRate!: number | null;
  @ApiProperty({ description: 'reply limits due (settled, or past due), each new reply counted' }) replyDue!: number;
  replyOnTime!: number;
  @ApiProperty({ type: Number, nullable: true }) onTimeReplyRate!: number | null;
  @ApiProperty({ description: 'petitions with a 回访 result' }) followedUp!: number;
  @ApiProperty({ description: 'satisfied or basically satisfied' }) satisfied!: number;
  @ApiProperty({ type: Number, nullable: true }) satisfactionRate!: number | null;
  @ApiProperty({ description: 'merged duplicates, or a petitioner who petitioned in the 365 days before' }) repeat!: number;
  @ApiProperty({ type: Number, nullable: true }) repeatRate!: number | null;
}
