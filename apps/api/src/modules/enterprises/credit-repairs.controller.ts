import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { CREDIT_REPAIR_ACTIONS } from '@ecoloop/workflow';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { CreateCreditRepairDto, CreditRepairActionDto, CreditRepairDto, ListCreditRepairsQueryDto } from './dto/enterprise.dto.js';
import { CreditRepairsService } from './credit-repairs.service.js';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

@ApiTags('enterprises')
@ApiBearerAuth()
@ApiProtected()
@Controller('credit-repairs')
export class CreditRepairsController {
  constructor(private readonly repairs: CreditRepairsService) {}

  @Post()
  @Authorize('create', 'CreditRepair')
  @ApiCreatedResponse({ type: CreditRepairDto })
  @ApiSummary('Apply for credit repair (信用修复) with a commitment and evidence')
  @ApiErrors(400, 404, 409, 422)
  apply(@CurrentUser() user: RequestUser, @Body() dto: CreateCreditRepairDto): Promise<CreditRepairDto> {
    return this.repairs.apply(user, dto);
  }

  /** The repair queue: applications the caller may read, by state. */
  @Get()
  @Authorize('read', 'CreditRepair')
  @ApiOkResponse({ type: [CreditRepairDto] })
  @ApiSummary('The credit repair queue in the caller’s scope')
  @ApiErrors(400)
  list(@CurrentUser() user: RequestUser, @Query() q: ListCreditRepairsQueryDto): Promise<CreditRepairDto[]> {
    return this.repairs.list(user, q);
  }

  @Get(':id')
  @Authorize('read', 'CreditRepair')
  @ApiOkResponse({ type: CreditRepairDto })
  @ApiSummary('A credit repair application with its steps')
  @ApiErrors(404)
  get(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string): Promise<CreditRepairDto> {
    return this.repairs.get(user, id);
  }

  /** review_pass (starts the 7-day 公示), approve (after it ends), refuse (comment required). */
  @Post(':id/actions/:action')
  @HttpCode(200)
  @Authorize('read', 'CreditRepair')
  @ApiParam({ name: 'action', enum: CREDIT_REPAIR_ACTIONS, enumName: 'CreditRepairAction' })
  @ApiOkResponse({ type: CreditRepairDto })
  @ApiSummary('Review, approve or refuse a credit repair application')
  @ApiErrors(400, 404, 409, 422)
  act(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string, @Param('action') action: string, @Body() dto: CreditRepairActionDto): Promise<CreditRepairDto> {
    return this.repairs.act(user, id, action, dto);
  }
}
