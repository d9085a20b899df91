import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { STATE_LABELS, categoryLabel, isOpenState, type CaseState } from '@ecoloop/workflow';
import { AppConfig } from '../../core/config/app-config.js';
import { AppError } from '../../core/errors/app-error.js';
import { ApiKeysService } from '../alerts/api-keys.service.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { CasesService } from '../cases/cases.service.js';
import { CaseWriter } from '../cases/writer/case-writer.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { Open311CreatedDto, Open311RequestDto, Open311RequestsQueryDto } from './open311.dto.js';
import { Open311Repository, type PublicRequestRow } from './open311.repository.js';
import { checkAttributes, isService } from './open311.services.js';
import { PublicIntakeLimit } from './public-intake-limit.js';
import { PublicReportFolder } from './public-report-folder.js';
import { publicReportRegion } from './public-report-region.js';

const DAY = 86_400_000;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const fail = (status: HttpStatus, description: string) => new AppError(status, 'open311_error', description);

type UploadedMedia = { path: string; originalname: string; size: number };

/** GeoReport v2 public intake and status (DESIGN §6). */
@Injectable()
export class Open311Service {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly writer: CaseWriter,
    private readonly regions: RegionsRepository,
    private readonly reports: Open311Repository,
    private readonly keys: ApiKeysService,
    private readonly attachments: AttachmentsService,
    private readonly limit: PublicIntakeLimit,
    private readonly folder: PublicReportFolder,
  ) {}

  /** The region a `jurisdiction_id` names: the configured domain (or none) is the city; else a region code. 404 when unknown. */
  async region(jurisdictionId: string | undefined) {
    let code = jurisdictionId;
    if (!code || code === this.config.open311JurisdictionId) {
      const [city] = await this.db.query(`SELECT code FROM region WHERE level = 'city' ORDER BY code LIMIT 1`);
      code = city?.code as string | undefined;
    }
    const region = code && /^\d{6,12}$/.test(code) ? await this.regions.find(code) : null;
    if (!region) throw fail(HttpStatus.NOT_FOUND, `jurisdiction_id ${jurisdictionId} 不存在（可用 ${this.config.open311JurisdictionId} 或行政区划代码）`);
    return region;
  }

  /**
   * POST requests: checks as the spec lists them, then the case, its report row and media in one
   * transaction. The same report sent again by the same client (double submit, retry, flooding)
   * within the fold window answers the first one's request instead of opening another case.
   */
  async create(dto: Open311RequestDto, client: string, media: UploadedMedia | undefined): Promise<Open311CreatedDto[]> {
    try {
      let apiKeyId: string | null = null;
      if (dto.api_key) {
        const key = await this.keys.authenticate(dto.api_key);
        if (!key || key.source !== 'open311') throw fail(HttpStatus.FORBIDDEN, 'api_key 无效或已吊销');
        apiKeyId = key.id;
      } else {
        await this.limit.hit(client);
      }
      const content = { ...dto, media: media ? `${media.originalname}:${media.size}` : undefined };
      // The folder keeps one string per report: here the whole answer, so a folded copy gets the same one.
      const { code: answer } = await this.folder.fold(client, content, async () => JSON.stringify(await this.report(dto, media, apiKeyId)));
      return JSON.parse(answer) as Open311CreatedDto[];
    } finally {
      // An upload not stored (refused request) leaves nothing behind.
      if (media) await rm(media.path, { force: true });
    }
  }

  private async report(dto: Open311RequestDto, media: UploadedMedia | undefined, apiKeyId: string | null): Promise<Open311CreatedDto[]> {
    if (!isService(dto.service_code)) throw fail(HttpStatus.NOT_FOUND, `service_code ${dto.service_code} 不存在，请从 services 列表中选择`);
    // The configured domain (or none) means "the city": the report then lands in the county its place lies in (DESIGN §8).
    const cityWide = !dto.jurisdiction_id || dto.jurisdiction_id === this.config.open311JurisdictionId;
    const region = await this.region(cityWide ? publicReportRegion({ lat: dto.lat, long: dto.long }) : dto.jurisdiction_id);
    if ((dto.lat === undefined) !== (dto.long === undefined)) throw fail(HttpStatus.BAD_REQUEST, 'lat 与 long 须同时提供');
    if (dto.lat === undefined && !dto.address_string && !dto.address_id) throw fail(HttpStatus.BAD_REQUEST, '须提供位置：lat/long、address_string 或 address_id');
    const answers = checkAttributes(dto.service_code, dto.attribute);
    if (answers.problems.length) throw fail(HttpStatus.BAD_REQUEST, answers.problems.join('；'));

    const stored = media ? await this.attachments.upload(null, media, 'media') : null;
    const name = categoryLabel(dto.service_code);
    const text = dto.description ?? `（未填写描述）${name}`;
    const extra = [...answers.lines, ...(dto.media_url ? [`图片链接：${dto.media_url}`] : [])];
    const description = extra.length ? `${text}\n${extra.join('\n')}` : text;
    const reporterName = [dto.last_name, dto.first_name].filter(Boolean).join('') || undefined;
    const at = new Date();
    const change = await this.cases.reportChange(
      {
        title: `公众举报：${name}${dto.address_string ? `（${dto.address_string}）` : ''}`.slice(0, 200),
        description,
        category: dto.service_code,
        source: 'public',
        severity: 'general',
        lat: dto.lat,
        lng: dto.long,
        address: dto.address_string,
        reporterName,
        reporterPhone: dto.phone,
        attachmentIds: stored ? [stored.id] : [],
      },
      region,
      { actorId: null, actorName: reporterName ?? '公众', actorRole: 'public', actorUnitId: null, uploadedBy: null },
      at,
    );
    const token = randomUUID();
    const written = await this.db.transaction(async (m) => {
      // Reports of one kind one at a time, so two copies of the same report link to one first report.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`open311:${dto.service_code}`]);
      const original = await this.reports.duplicateOf(m, { category: dto.service_code, lat: dto.lat ?? null, lng: dto.long ?? null, address: dto.address_string ?? null, description: text, at });
      if (original) {
        change.duplicateOfId = original.id;
        change.note({
          actorId: null,
          actorName: '系统',
          actorRole: 'system',
          actorUnitId: null,
          action: 'duplicate_linked',
          fromState: change.snapshot.state,
          toState: change.snapshot.state,
          comment: `疑似重复举报，已关联 ${original.code}（同类、相近位置、相似描述）`,
          payload: { duplicateOfId: original.id, duplicateOfCode: original.code },
          attachmentIds: [],
          at,
        });
      }
      const w = await this.writer.writeOne(change, m);
      await this.reports.insert(m, {
        caseId: w.id,
        token,
        email: dto.email ?? null,
        mediaUrl: dto.media_url ?? null,
        deviceId: dto.device_id ?? null,
        accountId: dto.account_id ?? null,
        addressId: dto.address_id ?? null,
        attributes: dto.attribute ?? {},
        apiKeyId,
      });
      return { ...w, original };
    });
    await this.cases.schedule(change);
    const notice = written.original ? `已收到您的举报。该问题此前已有人反映（${written.original.code}），将一并办理。` : '已收到您的举报，我们将尽快核实处理。';
    return [{ service_request_id: written.code, service_notice: notice, account_id: dto.account_id ?? null, token }];
  }

  async find(code: string) {
    const row = /^JX-\d{4}-\d{6}$/.test(code) ? await this.reports.find(code) : null;
    if (!row) throw fail(HttpStatus.NOT_FOUND, `service_request_id ${code} 不存在`);
    return [toRequest(row)];
  }

  async list(q: Open311RequestsQueryDto) {
    const region = await this.region(q.jurisdiction_id);
    const end = q.end_date ? new Date(q.end_date) : new Date();
    const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - 90 * DAY);
    if (start.getTime() > end.getTime()) throw fail(HttpStatus.BAD_REQUEST, 'start_date 不能晚于 end_date');
    const split = (s: string | undefined) => (s ? [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))] : undefined);
    const rows = await this.reports.list({
      regionPath: region.path,
      codes: split(q.service_request_id),
      serviceCodes: split(q.service_code),
      statuses: split(q.status) as ('open' | 'closed')[] | undefined,
      start,
      end,
      page: q.page,
      pageSize: q.page_size,
    });
    return rows.map(toRequest);
  }

  async token(token: string) {
    const code = /^[0-9a-f-]{36}$/i.test(token) ? await this.reports.codeOfToken(token) : null;
    if (!code) throw fail(HttpStatus.NOT_FOUND, `token ${token} 不存在`);
    return [{ service_request_id: code, token }];
  }
}

/**
 * A case as a GeoReport v2 request. Status: open ← every open state, closed ← closed / rejected /
 * merged, with the Chinese state in `status_notes`. A report linked as a duplicate shows the
 * outcome of the report it repeats; the first report tells how many repeat it.
 */
export function toRequest(r: PublicRequestRow) {
  const followed = r.original ?? { code: r.code, state: r.state, dueAt: r.dueAt ? String(r.dueAt) : null, agency: r.agency };
  const label = STATE_LABELS[followed.state as CaseState] ?? followed.state;
  const notes = r.original ? `重复举报，已与 ${r.original.code} 一并办理：${label}` : r.duplicates > 0 ? `${label}（另有 ${r.duplicates} 件重复举报一并办理）` : label;
  return {
    service_request_id: r.code,
    status: isOpenState(followed.state) ? 'open' : 'closed',
    status_notes: notes,
    service_name: categoryLabel(r.category),
    service_code: r.category,
    description: r.description,
    agency_responsible: followed.agency,
    service_notice: null,
    requested_datetime: iso(r.createdAt),
    updated_datetime: iso(r.updatedAt),
    expected_datetime: iso(followed.dueAt),
    address: r.address,
    address_id: r.addressId,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: r.mediaUrl,
  };
}
