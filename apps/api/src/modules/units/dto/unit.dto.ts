import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export const UNIT_KINDS = ['bureau', 'branch_bureau', 'town_office', 'department', 'enterprise', 'other'] as const;

export class UnitDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: string;
  @ApiProperty() regionCode!: string;
}

export class UnitQueryDto {
  @ApiPropertyOptional({ description: 'units in this region and below' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6,12}$/)
  regionCode?: string;
}

export class CreateUnitDto {
  @ApiProperty() @IsString() @Length(1, 128) name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind!: string;
  @ApiProperty() @IsString() @Matches(/^\d{6,12}$/) regionCode!: string;
}

export class UpdateUnitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 128) name?: string;
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
