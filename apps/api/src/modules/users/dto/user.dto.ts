import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MinLength } from 'class-validator';
import { ROLES, type RegionLevel, type Role } from '@ecoloop/workflow';

/** The public view of a user (never the password hash). */
export class UserDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ nullable: true }) unitId!: string | null;
  @ApiProperty({ nullable: true }) unitName!: string | null;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() regionLevel!: RegionLevel;
  @ApiPropertyOptional() active?: boolean;
}

export interface UserDtoSource {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  unitName: string | null;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  active?: boolean;
}

export function toUserDto(u: UserDtoSource): UserDto {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    unitId: u.unitId,
    unitName: u.unitName,
    regionCode: u.regionCode,
    regionName: u.regionName,
    regionLevel: u.regionLevel,
    ...(u.active === undefined ? {} : { active: u.active }),
  };
}

export class CreateUserDto {
  @ApiProperty() @IsString() @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username must be 3-64 of a-z 0-9 . _ -' }) username!: string;
  @ApiProperty() @IsString() @MinLength(8) password!: string;
  @ApiProperty() @IsString() @Length(1, 64) displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) @IsArray() @ArrayNotEmpty() @IsIn(ROLES, { each: true }) roles!: Role[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string | null;
  @ApiProperty() @IsString() @Matches(/^\d{6,12}$/) regionCode!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(8) password?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true }) @IsOptional() @IsArray() @ArrayNotEmpty() @IsIn(ROLES, { each: true }) roles?: Role[];
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Boolean) @IsBoolean() active?: boolean;
}
