import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { CASE_ACTIONS, PETITION_ACTIONS } from '@ecoloop/workflow';
import type { FastifyReply } from 'fastify';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { assertOwnFields } from './action-fields.js';
import { CasesService } from './cases.service.js';
import { CaseActionDto, CaseDto, CaseEventDto, CaseListDto, CreateCaseDto, DuplicateCaseDto, ListCasesQueryDto, NearbyCasesQueryDto } from './dto/case.dto.js';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

@ApiTags('cases')
@ApiBearerAuth()
@ApiProtected()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Authorize('create', 'Case')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key and body return the same case' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiSummary('Report a case (上报)')
  @ApiErrors(400, 404, 409)
  async create(
    @CurrentUser() user: RequestUser,
    @Body() dto: CreateCaseDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CaseDto> {
    if (key !== undefined && !/^[\w.:-]{8,128}$/.test(key)) {
      throw AppError.badRequest('bad_idempotency_key', 'Idempotency-Key must be 8-128 characters of letters, digits, . _ : -');
    }
    const { case: created, replayed } = await this.cases.create(user, dto, key);
    if (replayed) res.header('Idempotent-Replayed', 'true');
    return created;
  }

  @Get()
  @Authorize('read', 'Case')
  @ApiOkResponse({ type: CaseListDto })
  @ApiSummary('List cases in the caller’s scope, filtered and paged')
  @ApiErrors(400)
  list(@CurrentUser() user: RequestUser, @Query() query: ListCasesQueryDto): Promise<CaseListDto> {
    return this.cases.list(user, query);
  }

  @Get('nearby')
  @Authorize('read', 'Case')
  @ApiOkResponse({ type: [DuplicateCaseDto] })
  @ApiSummary('Open cases of the same kind near a point, nearest first (likely duplicates before reporting)')
  @ApiErrors(400)
  nearby(@CurrentUser() user: RequestUser, @Query() query: NearbyCasesQueryDto): Promise<DuplicateCaseDto[]> {
    return this.cases.nearby(user, query);
  }

  @Get(':id')
  @Authorize('read', 'Case')
  @ApiOkResponse({ type: CaseDto })
  @ApiSummary('One case with its deadlines and attachments')
  @ApiErrors(404)
  get(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string): Promise<CaseDto> {
    return this.cases.get(user, id);
  }

  @Get(':id/events')
  @Authorize('read', 'Case')
  @ApiOkResponse({ type: [CaseEventDto] })
  @ApiSummary('The case’s event log (hash-chained)')
  @ApiErrors(404)
  events(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string): Promise<CaseEventDto[]> {
    return this.cases.events(user, id);
  }

  @Get(':id/duplicates')
  @Authorize('read', 'Case')
  @ApiOkResponse({ type: [DuplicateCaseDto] })
  @ApiSummary('Open cases nearby that may be the same problem')
  @ApiErrors(404)
  duplicates(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string): Promise<DuplicateCaseDto[]> {
    return this.cases.duplicates(user, id);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @Authorize('read', 'Case')
  @ApiOkResponse({ type: CaseDto })
  @ApiSummary('Take a workflow action on a case (optimistic locking via expectedVersion)')
  @ApiParam({ name: 'action', enum: [...CASE_ACTIONS, ...PETITION_ACTIONS] })
  @ApiErrors(400, 404, 409, 422)
  act(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string, @Param('action') action: string, @Body() body: CaseActionDto): Promise<CaseDto> {
    assertOwnFields(action, body);
    return this.cases.act(user, id, action, body);
  }
}
