import { Body, Controller, Get, Param, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../core/auth/access.decorators.js';
import { byIp, RateLimit, type RateRule } from '../../core/http/rate-limit.guard.js';
import { ApiErrors, ApiPublic, ApiSummary } from '../../core/openapi/api-docs.decorators.js';
import {
  JurisdictionQueryDto,
  Open311CreatedDto,
  Open311DiscoveryDto,
  Open311RequestDto,
  Open311RequestsQueryDto,
  Open311ServiceDefinitionDto,
  Open311ServiceDto,
  Open311StatusDto,
  Open311TokenDto,
} from './open311.dto.js';
import { formatOf, send, splitFormat } from './open311.format.js';
import { Open311Service } from './open311.service.js';
import { isService, serviceAttributes, serviceList } from './open311.services.js';

const SPEC = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint's interface last changed (GeoReport v2 discovery `changeset`). */
const CHANGESET = '2026-12-02T00:00:00Z';
/** Reads by one address: walking request codes meets 429 (answered as GeoReport errors, as every error under /open311/). */
const READ_LIMIT: RateRule = { name: 'open311-read', limit: 60, windowMs: 60_000, blockMs: 300_000, key: byIp, message: '查询过于频繁，请 5 分钟后再试' };

/**
 * Open311 GeoReport v2 for public intake (DESIGN §6): every resource as `.json` and `.xml`, errors
 * as [{code, description}], so existing GeoReport v2 clients work unchanged.
 */
@ApiTags('open311')
@Public()
@ApiPublic()
@ApiProduces('application/json', 'text/xml')
@Controller('open311/v2')
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get(['discovery.json', 'discovery.xml'])
  @ApiSummary('Open311: service discovery (endpoints, formats, how to get an api_key)')
  @ApiOkResponse({ type: Open311DiscoveryDto })
  discovery(@Req() req: FastifyRequest, @Res() res: FastifyReply) {
    const endpoint = { specification: SPEC, url: `${req.protocol}://${req.host}/open311/v2`, changeset: CHANGESET, type: 'production', formats: ['application/json', 'text/xml'] };
    const body = { changeset: CHANGESET, contact: '12369 环保举报热线', key_service: '向市生态环境局申请 api_key（代他人提交的客户端需要）', endpoints: [endpoint] };
    send(res, formatOf(req), 200, body, 'discovery', undefined, { ...body, endpoints: { endpoint: { ...endpoint, formats: { format: endpoint.formats } } } });
  }

  @Get(['services.json', 'services.xml'])
  @ApiSummary('Open311: the service list (categories)')
  @ApiOkResponse({ type: [Open311ServiceDto] })
  @ApiErrors(404)
  async services(@Req() req: FastifyRequest, @Res() res: FastifyReply, @Query() q: JurisdictionQueryDto) {
    await this.open311.region(q.jurisdiction_id);
    send(res, formatOf(req), 200, serviceList(), 'services', 'service');
  }

  /** A service definition: the questions (attributes) the service asks. */
  @Get('services/:file')
  @ApiSummary('Open311: a service definition (`{service_code}.json` or `.xml`)')
  @ApiOkResponse({ type: Open311ServiceDefinitionDto })
  @ApiErrors(404)
  async definition(@Param('file') file: string, @Res() res: FastifyReply, @Query() q: JurisdictionQueryDto) {
    const [code, format] = splitFormat(file);
    await this.open311.region(q.jurisdiction_id);
    if (!isService(code)) return send(res, format, 404, [{ code: 404, description: `service_code ${code} 不存在` }], 'errors', 'error');
    const attributes = serviceAttributes(code).map((a) => ({ ...a, values: a.values ?? [] }));
    const xmlAttributes = attributes.map((a) => ({ ...a, values: a.values.length ? { value: a.values } : '' }));
    send(res, format, 200, { service_code: code, attributes }, 'service_definition', undefined, { service_code: code, attributes: attributes.length ? { attribute: xmlAttributes } : '' });
  }

  @Post(['requests.json', 'requests.xml'])
  @UseInterceptors(FileInterceptor('media'))
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data', 'application/json')
  @ApiSummary('Open311: a member of the public (or a client with an api_key) reports a problem')
  @ApiCreatedResponse({ type: [Open311CreatedDto] })
  @ApiErrors(400, 403, 404, 413, 415, 429)
  async create(@Req() req: FastifyRequest, @Res() res: FastifyReply, @Body() dto: Open311RequestDto, @UploadedFile() media: { path: string; originalname: string; size: number } | undefined) {
    const created = await this.open311.create(dto, byIp(req), media);
    send(res, formatOf(req), 201, created, 'service_requests', 'request');
  }

  @Get(['requests.json', 'requests.xml'])
  @RateLimit(READ_LIMIT)
  @ApiSummary('Open311: public reports of a jurisdiction (status only)')
  @ApiOkResponse({ type: [Open311StatusDto] })
  @ApiErrors(400, 404, 429)
  async list(@Req() req: FastifyRequest, @Res() res: FastifyReply, @Query() q: Open311RequestsQueryDto) {
    send(res, formatOf(req), 200, await this.open311.list(q), 'service_requests', 'request');
  }

  /** Status only: no reporter data, no internal notes. */
  @Get('requests/:file')
  @RateLimit(READ_LIMIT)
  @ApiSummary('Open311: the status of a public report (`{service_request_id}.json` or `.xml`)')
  @ApiOkResponse({ type: [Open311StatusDto] })
  @ApiErrors(404, 429)
  async find(@Param('file') file: string, @Res() res: FastifyReply, @Query() q: JurisdictionQueryDto) {
    const [code, format] = splitFormat(file);
    await this.open311.region(q.jurisdiction_id);
    send(res, format, 200, await this.open311.find(code), 'service_requests', 'request');
  }

  @Get('tokens/:file')
  @RateLimit(READ_LIMIT)
  @ApiSummary('Open311: the service_request_id of a token (`{token}.json` or `.xml`)')
  @ApiOkResponse({ type: [Open311TokenDto] })
  @ApiErrors(404, 429)
  async token(@Param('file') file: string, @Res() res: FastifyReply, @Query() q: JurisdictionQueryDto) {
    const [token, format] = splitFormat(file);
    await this.open311.region(q.jurisdiction_id);
    send(res, format, 200, await this.open311.token(token), 'service_requests', 'request');
  }
}
