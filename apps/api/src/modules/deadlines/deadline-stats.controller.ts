import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { DeadlinesAdminService } from './deadlines-admin.service.js';
import { DeadlineStatsDto, DeadlineStatsQueryDto } from './dto/deadlines.dto.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

@ApiTags('stats')
@ApiBearerAuth()
@ApiProtected()
@Controller('stats')
export class DeadlineStatsController {
  constructor(private readonly admin: DeadlinesAdminService) {}

  /** Per deadline kind: overdue against the original due time, and overdue after an extension. */
  @Get('deadlines')
  @Authorize('read', 'Stats')
  @ApiOkResponse({ type: DeadlineStatsDto })
  @ApiSummary('Overdue figures per deadline kind')
  @ApiErrors(400)
  deadlines(@CurrentUser() user: RequestUser, @Query() q: DeadlineStatsQueryDto): Promise<DeadlineStatsDto> {
    return this.admin.stats(user, q.regionCode);
  }
}
