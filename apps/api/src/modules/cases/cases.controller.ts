import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { CasesService } from './cases.service.js';
import { CaseActionDto, CaseDto, CaseEventDto, CaseListDto, CreateCaseDto, ListCasesQueryDto } from './dto/case.dto.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Authorize('create', 'Case')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key and body return the same case' })
  @ApiCreatedResponse({ type: CaseDto })
  async create(
    @CurrentUser() user: RequestUser,
    @Body() dto: CreateCaseDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseDto> {
    if (key !== undefined && !/^[\w.:-]{8,128}$/.test(key)) {
      throw AppError.badRequest('bad_idempotency_key', 'Idempotency-Key must be 8-128 characters of letters, digits, . _ : -');
    }
    const { case: created, replayed } = await this.cases.create(user, dto, key);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return created;
  }

  @Get()
  @Authorize('read', 'Case')
  @ApiOkResponse({ type: CaseListDto })
  list(@CurrentUser() user: RequestUser, @Query() query: ListCasesQueryDto): Promise<CaseListDto> {
    return this.cases.list(user, query);
  }

  @Get(':id')
  @Authorize('read', 'Case')
  @ApiOkResponse({ type: CaseDto })
  get(@CurrentUser() user: RequestUser, @Param('id') id: string): Promise<CaseDto> {
    return this.cases.get(user, id);
  }

  @Get(':id/events')
  @Authorize('read', 'Case')
  @ApiOkResponse({ type: [CaseEventDto] })
  events(@CurrentUser() user: RequestUser, @Param('id') id: string): Promise<CaseEventDto[]> {
    return this.cases.events(user, id);
  }

  @Get(':id/duplicates')
  @Authorize('read', 'Case')
  @ApiOkResponse({ type: [CaseDto] })
  duplicates(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.cases.duplicates(user, id);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @Authorize('read', 'Case')
  @ApiOkResponse({ type: CaseDto })
  act(@CurrentUser() user: RequestUser, @Param('id') id: string, @Param('action') action: string, @Body() body: CaseActionDto): Promise<CaseDto> {
    return this.cases.act(user, id, action, body);
  }
}
