import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class VerifyQueryDto {
  @IsUUID() caseId!: string;
}

export class BrokenLinkDto {
  seq!: number;
  @ApiProperty({ enum: ['seq_gap', 'prev_hash_mismatch', 'hash_mismatch'] }) reason!: 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch';
  expected!: string;
  actual!: string;
}

/** GET /audit/verify: the case's SHA-256 event chain, checked. */
export class ChainCheckDto {
  caseId!: string;
  ok!: boolean;
  @ApiProperty({ description: 'events checked' }) events!: number;
  @ApiPropertyOptional({ type: BrokenLinkDto, description: 'the first event whose link does not hold' }) brokenAt?: BrokenLinkDto;
}
