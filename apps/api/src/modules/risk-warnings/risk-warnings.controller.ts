import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CONTROL_INDEX_FORMULA } from '@ecoloop/workflow';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { ControlIndexFormulaDto, IssueResultDto, IssueWarningsDto, MonthQueryDto, RiskWarningDto } from './dto/risk-warning.dto.js';
import { RiskWarningsService } from './risk-warnings.service.js';
import { shanghaiMonth } from '../../core/months.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

@ApiTags('risk-warnings')
@ApiBearerAuth()
@ApiProtected()
@Controller('risk-warnings')
export class RiskWarningsController {
  constructor(private readonly warnings: RiskWarningsService) {}

  @Get()
  @Authorize('read', 'RiskWarning')
  @ApiSummary('Monthly risk warnings of every county and function zone in the caller’s jurisdiction (风险预警): issued and frozen, or a preview')
  @ApiOkResponse({ type: [RiskWarningDto] })
  @ApiErrors(400)
  list(@CurrentUser() user: RequestUser, @Query() q: MonthQueryDto): Promise<RiskWarningDto[]> {
    return this.warnings.list(user, q.month ?? shanghaiMonth(new Date()));
  }

  @Get('formula')
  @Authorize('read', 'RiskWarning')
  @ApiSummary('How the 管控力指数 and the warning level are computed')
  @ApiOkResponse({ type: ControlIndexFormulaDto })
  formula(): ControlIndexFormulaDto {
    return { formula: CONTROL_INDEX_FORMULA };
  }

  @Post('issue')
  @HttpCode(200)
  @Authorize('manage', 'RiskWarning')
  @ApiSummary('Issue (and freeze) a finished month’s warnings for every county not issued yet; the monthly job runs the same code')
  @ApiOkResponse({ type: IssueResultDto })
  @ApiErrors(400, 422)
  issue(@Body() body: IssueWarningsDto): Promise<IssueResultDto> {
    return this.warnings.issue(body.month);
  }
}
