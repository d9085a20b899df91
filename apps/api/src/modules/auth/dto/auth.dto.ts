import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { UserDto } from '../../users/dto/user.dto.js';

export class LoginDto {
  @ApiProperty({ example: 'dispatcher.nanhu' }) @IsString() @IsNotEmpty() @MaxLength(64) username!: string;
  @ApiProperty({ example: 'demo1234' }) @IsString() @IsNotEmpty() @MaxLength(256) password!: string;
}

export class RefreshDto {
  @IsString() @IsNotEmpty() @MaxLength(512) refreshToken!: string;
}

export class TokensDto {
  accessToken!: string;
  refreshToken!: string;
  expiresIn!: number;
  @ApiProperty({ type: UserDto }) user!: UserDto;
}

export class MeDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({ type: 'array', items: { type: 'array', items: {} }, description: 'CASL rules packed with @casl/ability/extra packRules' }) rules!: unknown[];
}
