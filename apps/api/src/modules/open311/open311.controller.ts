import { Body, CanActivate, Controller, ExecutionContext, Get, HttpCode, Injectable, Param, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CATEGORIES, SUB_CATEGORIES, categoryLabel } from '@ecoloop/workflow';
import { Public } from '../../core/auth/access.decorators.js';
import { AppError } from '../../core/errors/app-error.js';
import { RedisThrottlerStorage } from '../../core/redis/redis-throttler.storage.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { CasesService } from '../cases/cases.service.js';
import { Open311RequestDto } from './open311.dto.js';

/** The region public reports go to when the client names none (the deployment's city). */
export const DEFAULT_PUBLIC_REGION = '330400';
const PUBLIC_LIMIT_PER_HOUR = 30;

/** Public intake is anonymous: at most 30 requests an hour from one address. */
@Injectable()
export class PublicIntakeLimit implements CanActivate {
  constructor(private readonly storage: RedisThrottlerStorage) {}
  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const ip = ctx.switchToHttp().getRequest<{ ip?: string }>().ip ?? 'unknown';
    const { totalHits } = await this.storage.increment(ip, 3_600_000, PUBLIC_LIMIT_PER_HOUR, 0, 'open311');
    if (totalHits > PUBLIC_LIMIT_PER_HOUR) throw new AppError(429, 'too_many_requests', 'Too many reports from this address; try again later');
    return true;
  }
}

/** Open311 GeoReport v2 for public intake (DESIGN §6). */
@ApiTags('open311')
@Controller('open311/v2')
export class Open311Controller {
  constructor(
    private readonly cases: CasesService,
    private readonly rows: CasesRepository,
  ) {}

  @Public()
  @Get('services.json')
  services() {
    return [...CATEGORIES, ...SUB_CATEGORIES].map((code) => ({
      service_code: code,
      service_name: categoryLabel(code),
      description: `生态环境问题：${categoryLabel(code)}`,
      metadata: false,
      type: 'realtime',
      keywords: code.replace('.', ','),
      group: categoryLabel(code.split('.')[0]),
    }));
  }

  @Public()
  @Post('requests.json')
  @HttpCode(201)
  @UseGuards(PublicIntakeLimit)
  async create(@Body() dto: Open311RequestDto) {
    const name = [dto.last_name, dto.first_name].filter(Boolean).join('') || undefined;
    const created = await this.cases.createPublic({
      title: `公众举报：${categoryLabel(dto.service_code)}${dto.address_string ? `（${dto.address_string}）` : ''}`.slice(0, 200),
      description: dto.description,
      category: dto.service_code,
      source: 'public',
      severity: 'general',
      regionCode: dto.jurisdiction_id ?? DEFAULT_PUBLIC_REGION,
      lat: dto.lat,
      lng: dto.long,
      address: dto.address_string,
      reporterName: name,
      reporterPhone: dto.phone,
    });
    return [{ service_request_id: created.code, service_notice: '已收到您的举报，我们将尽快核实处理。', account_id: null }];
  }

  /** Status only: no reporter data, no internal notes. */
  @Public()
  @Get('requests/:id.json')
  async find(@Param('id') code: string) {
    const row = /^JX-\d{4}-\d{6}$/.test(code) ? await this.rows.findByCode(code) : null;
    if (!row || row.source !== 'public') throw AppError.notFound('Service request');
    const closed = ['closed', 'rejected', 'merged'].includes(row.state);
    return [
      {
        service_request_id: row.code,
        status: closed ? 'closed' : 'open',
        status_notes: { reported: '待受理', pending_dispatch: '待交办', assigned: '已交办', rectifying: '整改中', pending_verification: '待核查', closed: '已办结', rejected: '不予受理', merged: '已合并处理' }[row.state],
        service_name: categoryLabel(row.category),
        service_code: row.category,
        requested_datetime: new Date(row.createdAt).toISOString(),
        updated_datetime: new Date(row.updatedAt).toISOString(),
        address: row.address,
        lat: row.lat,
        long: row.lng,
      },
    ];
  }
}


