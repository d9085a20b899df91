import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { REGION_LEVELS, type RegionLevel } from '@ecoloop/workflow';

export class RegionNodeDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: REGION_LEVELS }) level!: RegionLevel;
  @ApiProperty({ nullable: true }) parentCode!: string | null;
  @ApiProperty() path!: string;
  @ApiProperty({ type: () => [RegionNodeDto] }) children!: RegionNodeDto[];
}

export class CreateRegionDto {
  @ApiProperty({ example: '330402103' }) @IsString() @Matches(/^\d{6,12}$/, { message: 'code must be 6-12 digits' }) code!: string;
  @ApiProperty() @IsString() @Length(1, 64) name!: string;
  @ApiProperty({ enum: REGION_LEVELS }) @IsIn(REGION_LEVELS) level!: RegionLevel;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^\d{6,12}$/) parentCode?: string;
  @ApiPropertyOptional({ description: 'GeoJSON geometry' }) @IsOptional() @IsObject() boundary?: object;
}

export class UpdateRegionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsObject() boundary?: object;
}

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  path: string;
}

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
