import type { TokenUser } from '../../../core/auth/auth.guard.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MinLength } from 'class-validator';
import { REGION_LEVELS, ROLES, type RegionLevel, type Role } from '@ecoloop/workflow';

/** The public view of a user (never the password hash). */
export class UserDto {
  id!: string;
  username!: string;
  displayName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: Role[];
  @ApiProperty({ type: String, nullable: true }) unitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName!: string | null;
  regionCode!: string;
  regionName!: string;
  @ApiProperty({ enum: REGION_LEVELS, enumName: 'RegionLevel' }) regionLevel!: RegionLevel;
  active?: boolean;
}

/** A user as read for the API: what a token carries about them (but the path), with id and status. */
export interface UserDtoSource extends Omit<TokenUser, 'regionPath'> {
  id: string;
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
  @IsString() @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username must be 3-64 of a-z 0-9 . _ -' }) username!: string;
  @IsString() @MinLength(8) password!: string;
  @IsString() @Length(1, 64) displayName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) @IsArray() @ArrayNotEmpty() @IsIn(ROLES, { each: true }) roles!: Role[];
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() unitId?: string | null;
  @IsString() @Matches(/^\d{6,12}$/) regionCode!: string;
}

export class UpdateUserDto {
  @IsOptional() @IsString() @MinLength(8) password?: string;
  @IsOptional() @IsString() @Length(1, 64) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role', isArray: true }) @IsOptional() @IsArray() @ArrayNotEmpty() @IsIn(ROLES, { each: true }) roles?: Role[];
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() unitId?: string | null;
  @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
  @IsOptional() @Type(() => Boolean) @IsBoolean() active?: boolean;
}
