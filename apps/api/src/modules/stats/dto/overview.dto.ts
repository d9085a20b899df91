import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { CASE_SOURCES, CASE_STATES } from '@ecoloop/workflow';

export class OverviewQueryDto {
  @ApiPropertyOptional({ description: 'this region and below; defaults to the caller’s jurisdiction' }) @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
  @ApiPropertyOptional({ description: 'reported at or after (ISO 8601)' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ description: 'reported before (ISO 8601)' }) @IsOptional() @IsISO8601() to?: string;
}

export class CategoryCountDto {
  @ApiProperty() category!: string;
  @ApiProperty() count!: number;
}

export class SourceCountDto {
  @ApiProperty({ enum: CASE_SOURCES, enumName: 'CaseSource' }) source!: string;
  @ApiProperty() count!: number;
}

export class CountyCountDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() total!: number;
  @ApiProperty() open!: number;
  @ApiProperty() closed!: number;
  @ApiProperty() overdue!: number;
}

/** One month of report (Asia/Shanghai): the cases reported in it, as they stand now. */
export class MonthCountDto {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'closed now' }) closed!: number;
  @ApiProperty({ description: 'overdue now' }) overdue!: number;
  @ApiProperty({ description: 'found by the area itself' }) self!: number;
  @ApiProperty({ description: 'found from outside (inspections, media, hotlines, petitions)' }) external!: number;
}

/** County spot checks of one town's closures (DESIGN §11). */
export class TownSpotCheckDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ description: 'town closures the county spot-checked' }) checked!: number;
  @ApiProperty({ description: 'found in order' }) passed!: number;
  @ApiProperty({ description: 'reopened as a relapse' }) failed!: number;
}

export class MapPointDto {
  @ApiProperty() id!: string;
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
  @ApiProperty({ enum: CASE_STATES, enumName: 'CaseState' }) state!: string;
  @ApiProperty() category!: string;
  @ApiProperty() overdue!: boolean;
}

/** GET /stats/overview. */
export class OverviewDto {
  @ApiProperty({ type: String, nullable: true }) regionCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
  @ApiProperty() total!: number;
  @ApiProperty() open!: number;
  @ApiProperty() closed!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() supervised!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'case count per state' }) byState!: Record<string, number>;
  @ApiProperty({ type: [CategoryCountDto] }) byCategory!: CategoryCountDto[];
  @ApiProperty({ type: [SourceCountDto] }) bySource!: SourceCountDto[];
  @ApiProperty({ type: [CountyCountDto], description: 'every county and function zone of the caller’s regions, with or without cases' }) byCounty!: CountyCountDto[];
  @ApiProperty({ type: [MonthCountDto], description: 'by month of report, oldest first (months without cases left out)' }) byMonth!: MonthCountDto[];
  @ApiProperty({ type: [TownSpotCheckDto], description: 'county spot checks of town closures, per town' }) spotChecks!: TownSpotCheckDto[];
  @ApiProperty({ type: [MapPointDto] }) points!: MapPointDto[];
}
