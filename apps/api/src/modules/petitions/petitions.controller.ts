import { Body, Controller, Get, Header, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';
import { CaseDto } from '../cases/dto/case.dto.js';
import { CreatePetitionDto, PetitionStatsQueryDto, PetitionStatsRowDto } from './dto/petition.dto.js';
import { PETITION_DOCUMENTS, type PetitionDocument } from './petition-documents.js';
import { PetitionStatsService } from './petition-stats.service.js';
import { PetitionsService } from './petitions.service.js';

@ApiTags('petitions')
@ApiBearerAuth()
@ApiProtected()
@Controller('petitions')
export class PetitionsController {
  constructor(
    private readonly petitions: PetitionsService,
    private readonly statistics: PetitionStatsService,
  ) {}

  /** Registers a petition (来信/来访 desk): 201 with the case and its `petition`. */
  @Post()
  @Authorize('create', 'Case')
  @ApiSummary('Register a petition (信访登记): the case with its petition')
  @ApiCreatedResponse({ type: CaseDto })
  @ApiErrors(400, 403, 422)
  create(@CurrentUser() user: RequestUser, @Body() dto: CreatePetitionDto): Promise<CaseDto> {
    return this.petitions.create(user, dto);
  }

  /** On-time acceptance, on-time reply, satisfaction and repeat-petition rate, by county and month. */
  @Get('stats')
  @Authorize('read', 'Stats')
  @ApiSummary('Petition figures by county and month (on-time acceptance and reply, satisfaction, repeats)')
  @ApiOkResponse({ type: [PetitionStatsRowDto] })
  @ApiErrors(400, 404)
  stats(@CurrentUser() user: RequestUser, @Query() q: PetitionStatsQueryDto): Promise<PetitionStatsRowDto[]> {
    return this.statistics.stats(user, q);
  }

  /** 受理告知书 / 不予受理告知书 / 处理意见书 as printable HTML (one page per petitioner). */
  @Get(':caseId/documents/:document')
  @Authorize('read', 'Case')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiSummary('A printable petition document (受理告知书, 不予受理告知书, 处理意见书)')
  @ApiParam({ name: 'document', enum: PETITION_DOCUMENTS, enumName: 'PetitionDocument' })
  @ApiOkResponse({ description: 'printable HTML', schema: { type: 'string' } })
  @ApiErrors(404, 422)
  document(
    @CurrentUser() user: RequestUser,
    @Param('caseId', UuidParamPipe) caseId: string,
    @Param('document', new ParseEnumPipe(PETITION_DOCUMENTS)) document: PetitionDocument,
  ): Promise<string> {
    return this.petitions.document(user, caseId, document);
  }
}
