import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsLatitude, IsLongitude, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { CATEGORY_PATTERN } from '@ecoloop/workflow';

/** GeoReport v2 "POST Service Request" (form-encoded or JSON). */
export class Open311RequestDto {
  @ApiProperty({ example: 'air.open_burning' }) @IsString() @Matches(CATEGORY_PATTERN, { message: 'service_code must be one of services.json' }) service_code!: string;
  @ApiPropertyOptional({ description: 'region code; defaults to the deployment’s city' }) @IsOptional() @IsString() @Matches(/^\d{6,12}$/) jurisdiction_id?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsLatitude() lat?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsLongitude() long?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) address_string?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) description!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) first_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) last_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[0-9+\- ]{5,32}$/) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsUrl() media_url?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) device_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) account_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) api_key?: string;
}
