import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsInt, IsISO8601, IsLatitude, IsLongitude, IsObject, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';

/** An empty parameter is the same as an absent one (GeoReport v2 "Optional Arguments"). */
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' || value === null ? undefined : value);
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value === null ? undefined : value);

export class JurisdictionQueryDto {
  @ApiPropertyOptional({ description: 'the configured domain id (e.g. jiaxing.gov.cn) or a region code' })
  @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(64) jurisdiction_id?: string;
  @IsOptional() @IsString() @MaxLength(128) api_key?: string;
}

/** GeoReport v2 "POST Service Request" (form-encoded, multipart with `media`, or JSON). */
export class Open311RequestDto {
  @ApiProperty({ example: 'air.open_burning' }) @IsString() @MaxLength(64) service_code!: string;
  @ApiPropertyOptional({ description: 'the configured domain id (e.g. jiaxing.gov.cn) or a region code' })
  @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(64) jurisdiction_id?: string;
  @IsOptional() @Transform(emptyToUndefined) @Type(() => Number) @IsLatitude() lat?: number;
  @IsOptional() @Transform(emptyToUndefined) @Type(() => Number) @IsLongitude() long?: number;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(255) address_string?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(128) address_id?: string;
  @ApiPropertyOptional({
    description: 'answers to the service definition’s attributes: attribute[code]=value',
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  })
  @IsOptional() @IsObject() attribute?: Record<string, string | string[]>;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(4000) description?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(32) first_name?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(32) last_name?: string;
  @IsOptional() @Transform(trimmed) @IsString() @Matches(/^[0-9+\- ]{5,32}$/) phone?: string;
  @IsOptional() @Transform(trimmed) @IsEmail() @MaxLength(254) email?: string;
  @IsOptional() @Transform(trimmed) @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2048) media_url?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(128) device_id?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(128) account_id?: string;
  @ApiPropertyOptional({ description: 'required of clients that post on behalf of others (issued by admins, source open311)' })
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(128) api_key?: string;
}

/** GeoReport v2 "GET Service Requests". */
export class Open311RequestsQueryDto extends JurisdictionQueryDto {
  @ApiPropertyOptional({ description: 'comma-separated ids; overrides every other parameter' })
  @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(4000) service_request_id?: string;
  @ApiPropertyOptional({ description: 'comma-separated service codes' }) @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(1000) service_code?: string;
  @ApiPropertyOptional({ description: 'open, closed, or both comma-separated' })
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^(open|closed)(,(open|closed))*$/, { message: 'status 须为 open 或 closed' }) status?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsISO8601() start_date?: string;
  @IsOptional() @Transform(emptyToUndefined) @IsISO8601() end_date?: string;
  @ApiPropertyOptional({ type: 'integer', default: 1 }) @IsOptional() @Transform(emptyToUndefined) @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 100, maximum: 1000 }) @IsOptional() @Transform(emptyToUndefined) @Type(() => Number) @IsInt() @Min(1) @Max(1000) page_size = 100;
}

/** GeoReport v2 endpoint of the discovery document. */
export class Open311EndpointDto {
  specification!: string;
  url!: string;
  changeset!: string;
  type!: string;
  @ApiProperty({ type: [String] }) formats!: string[];
}

/** GeoReport v2 service discovery. */
export class Open311DiscoveryDto {
  changeset!: string;
  contact!: string;
  key_service!: string;
  @ApiProperty({ type: [Open311EndpointDto] }) endpoints!: Open311EndpointDto[];
}

/** GeoReport v2 service (services.json). */
export class Open311ServiceDto {
  service_code!: string;
  service_name!: string;
  description!: string;
  @ApiProperty({ description: 'true when the service asks questions (see its service definition)' }) metadata!: boolean;
  @ApiProperty({ enum: ['realtime', 'batch', 'blackbox'], enumName: 'Open311ServiceType' }) type!: string;
  keywords!: string;
  group!: string;
}

export class Open311AttributeValueDto {
  key!: string;
  name!: string;
}

/** A question a service asks (GeoReport v2 service definition attribute). */
export class Open311AttributeDto {
  variable!: boolean;
  code!: string;
  @ApiProperty({ enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'], enumName: 'Open311AttributeDatatype' }) datatype!: string;
  required!: boolean;
  @ApiProperty({ type: String, nullable: true }) datatype_description!: string | null;
  order!: number;
  description!: string;
  @ApiProperty({ type: [Open311AttributeValueDto] }) values!: Open311AttributeValueDto[];
}

/** GeoReport v2 service definition. */
export class Open311ServiceDefinitionDto {
  service_code!: string;
  @ApiProperty({ type: [Open311AttributeDto] }) attributes!: Open311AttributeDto[];
}

/** GeoReport v2 answer to POST requests. */
export class Open311CreatedDto {
  @ApiProperty({ example: 'JX-2026-000123' }) service_request_id!: string;
  service_notice!: string;
  @ApiProperty({ type: String, nullable: true }) account_id!: string | null;
  @ApiProperty({ description: 'GET tokens/{token} answers the service_request_id' }) token!: string;
}

/** GeoReport v2 service request (status only: no reporter data, no internal notes). */
export class Open311StatusDto {
  service_request_id!: string;
  @ApiProperty({ enum: ['open', 'closed'], enumName: 'Open311Status' }) status!: 'open' | 'closed';
  status_notes!: string;
  service_name!: string;
  service_code!: string;
  description!: string;
  @ApiProperty({ type: String, nullable: true }) agency_responsible!: string | null;
  @ApiProperty({ type: String, nullable: true }) service_notice!: string | null;
  @ApiProperty({ type: String, nullable: true }) requested_datetime!: string | null;
  @ApiProperty({ type: String, nullable: true }) updated_datetime!: string | null;
  @ApiProperty({ type: String, nullable: true }) expected_datetime!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) address_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) zipcode!: string | null;
  @ApiProperty({ type: Number, nullable: true }) lat!: number | null;
  @ApiProperty({ type: Number, nullable: true }) long!: number | null;
  @ApiProperty({ type: String, nullable: true }) media_url!: string | null;
}

/** GeoReport v2 answer to GET tokens/{token}. */
export class Open311TokenDto {
  service_request_id!: string;
  token!: string;
}
