import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { RiskWarningsService } from './risk-warnings.service.js';

class MonthQueryDto {
  @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' }) month?: string;
}

/** This month in Asia/Shanghai. */
function currentMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

@ApiTags('risk-warnings')
@ApiBearerAuth()
@Controller('risk-warnings')
export class RiskWarningsController {
  constructor(private readonly warnings: RiskWarningsService) {}

  @Get()
  @Authorize('read', 'RiskWarning')
  list(@CurrentUser() user: RequestUser, @Query() q: MonthQueryDto) {
    return this.warnings.list(user, q.month ?? currentMonth());
  }
}
