import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

/** DESIGN §11: the bureau and its branches, town offices, departments, outside bodies, enterprises. */
export const UNIT_KINDS = ['bureau', 'town_office', 'department', 'external', 'enterprise'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
/** Kinds that may be lead or co-units of any case at or below the region they are registered at. */
export const CROSS_JURISDICTION_KINDS: readonly string[] = ['department', 'external'];

export class UnitDto {
  id!: string;
  name!: string;
  @ApiProperty({ enum: UNIT_KINDS, enumName: 'UnitKind' }) kind!: UnitKind;
  regionCode!: string;
}

export class UnitQueryDto {
  @ApiPropertyOptional({ description: 'units in this region and below' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6,12}$/)
  regionCode?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'with regionCode: also the departments and outside bodies registered above it, which may take its cases (DESIGN §11)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean()
  withBodiesAbove?: boolean;
}

export class CreateUnitDto {
  @IsString() @Length(1, 128) name!: string;
  @ApiProperty({ enum: UNIT_KINDS, enumName: 'UnitKind' }) @IsIn(UNIT_KINDS) kind!: UnitKind;
  @IsString() @Matches(/^\d{6,12}$/) regionCode!: string;
}

export class UpdateUnitDto {
  @IsOptional() @IsString() @Length(1, 128) name?: string;
  @ApiPropertyOptional({ enum: UNIT_KINDS, enumName: 'UnitKind' }) @IsOptional() @IsIn(UNIT_KINDS) kind?: UnitKind;
  @IsOptional() @IsBoolean() active?: boolean;
}
