import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { REGION_LEVELS, type RegionLevel } from '@ecoloop/workflow';

export class RegionDto {
  code!: string;
  name!: string;
  @ApiProperty({ enum: REGION_LEVELS, enumName: 'RegionLevel' }) level!: RegionLevel;
  @ApiProperty({ type: String, nullable: true }) parentCode!: string | null;
  path!: string;
}

export class RegionNodeDto extends RegionDto {
  @ApiProperty({ type: () => [RegionNodeDto] }) children!: RegionNodeDto[];
}

export class CreateRegionDto {
  @ApiProperty({ example: '330402103' }) @IsString() @Matches(/^\d{6,12}$/, { message: 'code must be 6-12 digits' }) code!: string;
  @IsString() @Length(1, 64) name!: string;
  @ApiProperty({ enum: REGION_LEVELS, enumName: 'RegionLevel' }) @IsIn(REGION_LEVELS) level!: RegionLevel;
  @IsOptional() @IsString() @Matches(/^\d{6,12}$/) parentCode?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'GeoJSON geometry' }) @IsOptional() @IsObject() boundary?: Record<string, unknown>;
}

export class UpdateRegionDto {
  @IsOptional() @IsString() @Length(1, 64) name?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'GeoJSON geometry' }) @IsOptional() @IsObject() boundary?: Record<string, unknown>;
}

export type RegionRow = RegionDto;

/** Builds the tree from rows ordered by path (parents before children). */
export function toRegionTree(rows: RegionRow[]): RegionNodeDto[] {
  const byCode = new Map<string, RegionNodeDto>();
  const roots: RegionNodeDto[] = [];
  for (const r of rows) {
    const node: RegionNodeDto = { ...r, children: [] };
    byCode.set(r.code, node);
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
