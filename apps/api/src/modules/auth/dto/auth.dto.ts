import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { UserDto } from '../../users/dto/user.dto.js';

export class LoginDto {
  @ApiProperty({ example: 'dispatcher.nanhu' }) @IsString() @IsNotEmpty() @MaxLength(64) username!: string;
  @ApiProperty({ example: 'demo1234' }) @IsString() @IsNotEmpty() @MaxLength(256) password!: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(512) refreshToken!: string;
}

export class TokensDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty() expiresIn!: number;
  @ApiProperty({ type: UserDto }) user!: UserDto;
}

export class MeDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({ description: 'CASL rules packed with @casl/ability/extra packRules' }) rules!: unknown[];
}
