import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize, CurrentUser, Public } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe.js';
import { ApiErrors, ApiKeyAuth, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';
import { AlertsRepository } from './alerts.repository.js';
import { AlertsService } from './alerts.service.js';
import { ApiKeyGuard, ApiKeysService, CurrentApiKey, type ApiKeyPrincipal } from './api-keys.service.js';
import {
  ALERT_SOURCES,
  AlertListDto,
  AlertOutcomeDto,
  AlertPolicyDto,
  ApiKeyDto,
  CreateAlertDto,
  CreateApiKeyDto,
  FastTrackDto,
  FastTrackQueryDto,
  IssuedApiKeyDto,
  ListAlertsQueryDto,
  PutAlertPolicyDto,
} from './dto/alerts.dto.js';
import { FastTrackService } from './fast-track.service.js';

/** Device intake and the alerts list (DESIGN §10). */
@ApiTags('alerts')
@Controller()
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly fastTrack: FastTrackService,
  ) {}

  /** 201 with the outcome; a replay of the same (source, externalId) answers 200 with the same body. */
  @Public()
  @Post('alerts')
  @UseGuards(ApiKeyGuard)
  @ApiKeyAuth()
  @ApiSummary('A device reports a machine alert (X-Api-Key)', 'Folded into an open case of the same point, or graded and opened as a case; 200 with the same body for a replay')
  @ApiCreatedResponse({ type: AlertOutcomeDto })
  @ApiOkResponse({ type: AlertOutcomeDto, description: 'a replay of the same (source, externalId)' })
  @ApiErrors(400, 401, 403, 422)
  async create(@CurrentApiKey() key: ApiKeyPrincipal, @Body() dto: CreateAlertDto, @Res({ passthrough: true }) res: FastifyReply): Promise<AlertOutcomeDto> {
    const { replayed, ...outcome } = await this.alerts.ingest(key, dto);
    res.status(replayed ? 200 : 201);
    return outcome;
  }

  @Get('alerts')
  @ApiBearerAuth()
  @Authorize('read', 'Stats')
  @ApiSummary('Machine alerts in the caller’s jurisdiction, newest first')
  @ApiOkResponse({ type: AlertListDto })
  @ApiProtected()
  @ApiErrors(400)
  list(@CurrentUser() user: RequestUser, @Query() q: ListAlertsQueryDto): Promise<AlertListDto> {
    return this.alerts.list(user, q);
  }

  @Get('stats/fast-track')
  @ApiBearerAuth()
  @Authorize('read', 'Stats')
  @ApiSummary('The 1530 figure: machine-detected problems closed within 30 minutes, by county')
  @ApiOkResponse({ type: FastTrackDto })
  @ApiProtected()
  @ApiErrors(400)
  fastTrackFigures(@CurrentUser() user: RequestUser, @Query() q: FastTrackQueryDto): Promise<FastTrackDto> {
    return this.fastTrack.figures(user, q.month);
  }
}

/** API keys of device sources and the grading thresholds, for admins. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProtected()
@Controller('admin')
export class AlertsAdminController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly alerts: AlertsRepository,
  ) {}

  @Post('api-keys')
  @Authorize('manage', 'ApiKey')
  @ApiSummary('Issue an API key to a device source or an Open311 client (the key is shown only here)')
  @ApiCreatedResponse({ type: IssuedApiKeyDto })
  @ApiErrors(400, 422)
  issue(@CurrentUser() user: RequestUser, @Body() dto: CreateApiKeyDto): Promise<IssuedApiKeyDto> {
    return this.keys.issue(user, dto);
  }

  @Get('api-keys')
  @Authorize('manage', 'ApiKey')
  @ApiSummary('The API keys, live and revoked')
  @ApiOkResponse({ type: [ApiKeyDto] })
  listKeys(): Promise<ApiKeyDto[]> {
    return this.keys.list();
  }

  @Delete('api-keys/:id')
  @HttpCode(204)
  @Authorize('manage', 'ApiKey')
  @ApiSummary('Revoke an API key')
  @ApiNoContentResponse()
  @ApiErrors(404)
  async revoke(@Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.keys.revoke(id);
  }

  @Get('alert-policies')
  @Authorize('manage', 'ApiKey')
  @ApiSummary('The grading and folding thresholds of each source')
  @ApiOkResponse({ type: [AlertPolicyDto] })
  policies(): Promise<AlertPolicyDto[]> {
    return this.alerts.policies();
  }

  /** Sets the thresholds of one source (or `default`). */
  @Put('alert-policies/:source')
  @Authorize('manage', 'ApiKey')
  @ApiSummary('Set the thresholds of one source (or `default`)')
  @ApiParam({ name: 'source', enum: ['default', ...ALERT_SOURCES], enumName: 'AlertPolicySource' })
  @ApiOkResponse({ type: AlertPolicyDto })
  @ApiErrors(400, 404)
  async putPolicy(@Param('source') source: string, @Body() dto: PutAlertPolicyDto): Promise<AlertPolicyDto> {
    if (source !== 'default' && !(ALERT_SOURCES as readonly string[]).includes(source)) throw AppError.notFound('告警来源');
    await this.alerts.putPolicy({ source, ...dto });
    return { source, ...dto };
  }
}
