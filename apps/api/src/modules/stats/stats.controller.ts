import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { StatsService } from './stats.service.js';

class OverviewQueryDto {
  @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
}

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  /** Counts by state, county, category and source; overdue and supervision figures; map points. */
  @Get('overview')
  @Authorize('read', 'Stats')
  overview(@CurrentUser() user: RequestUser, @Query() q: OverviewQueryDto) {
    return this.stats.overview(user, q);
  }
}
