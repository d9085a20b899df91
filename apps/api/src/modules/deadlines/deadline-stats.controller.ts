import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { DeadlinesAdminService } from './deadlines-admin.service.js';
import { DeadlineStatsDto, DeadlineStatsQueryDto } from './dto/deadlines.dto.js';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class DeadlineStatsController {
  constructor(private readonly admin: DeadlinesAdminService) {}

  /** Per deadline kind: overdue against the original due time, and overdue after an extension. */
  @Get('deadlines')
  @Authorize('read', 'Stats')
  @ApiOkResponse({ type: DeadlineStatsDto })
  deadlines(@CurrentUser() user: RequestUser, @Query() q: DeadlineStatsQueryDto): Promise<DeadlineStatsDto> {
    return this.admin.stats(user, q.regionCode);
  }
}
