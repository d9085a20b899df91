import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../core/auth/access.decorators.js';
import { AppError } from '../../core/errors/app-error.js';
import { DeadlinesAdminService } from './deadlines-admin.service.js';
import { CalendarYearBodyDto, CalendarYearDto } from './dto/deadlines.dto.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

function checkYear(year: number): number {
  if (year < 2000 || year > 2100) throw AppError.badRequest('invalid_year', 'year must be between 2000 and 2100', [{ field: 'year', message: '年份须在 2000 至 2100 之间' }]);
  return year;
}

/** The working-day calendar (DESIGN §7): statutory holidays and make-up working days per year. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProtected()
@Controller('admin/calendar')
export class CalendarController {
  constructor(private readonly admin: DeadlinesAdminService) {}

  @Get(':year')
  @Authorize('manage', 'Calendar')
  @ApiOkResponse({ type: CalendarYearDto })
  @ApiSummary('The working-day calendar of a year')
  @ApiErrors(400)
  get(@Param('year', ParseIntPipe) year: number): Promise<CalendarYearDto> {
    return this.admin.calendar(checkYear(year));
  }

  @Put(':year')
  @Authorize('manage', 'Calendar')
  @ApiOkResponse({ type: CalendarYearDto })
  @ApiSummary('Replace the working-day calendar of a year')
  @ApiErrors(400)
  put(@Param('year', ParseIntPipe) year: number, @Body() body: CalendarYearBodyDto): Promise<CalendarYearDto> {
    return this.admin.saveCalendar(checkYear(year), body);
  }
}
