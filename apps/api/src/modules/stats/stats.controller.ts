import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { DiscoveryDto, DiscoveryQueryDto } from './dto/discovery.dto.js';
import { OverviewDto, OverviewQueryDto } from './dto/overview.dto.js';
import { DiscoveryService } from './discovery.service.js';
import { shanghaiMonth, twelveMonthsTo } from '../../core/months.js';
import { StatsService } from './stats.service.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

@ApiTags('stats')
@ApiBearerAuth()
@ApiProtected()
@Controller('stats')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly discoveries: DiscoveryService,
  ) {}

  /** Counts by state, county, category and source; overdue and supervision figures; map points. */
  @Get('overview')
  @Authorize('read', 'Stats')
  @ApiSummary('Dashboard figures: counts by state, county, category and source; map points')
  @ApiOkResponse({ type: OverviewDto })
  @ApiErrors(400)
  overview(@CurrentUser() user: RequestUser, @Query() q: OverviewQueryDto): Promise<OverviewDto> {
    return this.stats.overview(user, q);
  }

  /** 问题发现综合评价 (三大十招): self- vs outside-found per county, town or grid, by source and month. */
  @Get('discovery')
  @Authorize('read', 'Stats')
  @ApiSummary('问题发现综合评价: self- vs outside-found problems per county, town or grid, by source and month (from the rollup)')
  @ApiOkResponse({ type: [DiscoveryDto] })
  @ApiErrors(400)
  discovery(@CurrentUser() user: RequestUser, @Query() q: DiscoveryQueryDto): Promise<DiscoveryDto[]> {
    const months = q.month ? [q.month] : twelveMonthsTo(shanghaiMonth(new Date()));
    return this.discoveries.discovery(user, q.level ?? 'county', months);
  }
}
