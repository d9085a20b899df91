import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SOURCE_LABELS, categoryLabel, decideAutoSupervise, isHigherLevel, type CaseSource } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { canonicalJson } from '../cases/event-hash.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { CasesService } from '../cases/cases.service.js';
import { CaseChange, type NewEvent } from '../cases/writer/case-change.js';
import { CaseWriter } from '../cases/writer/case-writer.js';
import { DeadlinePlanner } from '../deadlines/deadline-planner.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { regionPaths } from '../stats/stats.service.js';
import { AlertsRepository, type AlertPlace } from './alerts.repository.js';
import type { ApiKeyPrincipal } from './api-keys.service.js';
import type { AlertGrade, AlertListDto, AlertOutcomeDto, AlertPolicyDto, CreateAlertDto, ListAlertsQueryDto } from './dto/alerts.dto.js';

/** The case source of each device source (DESIGN §3 sources). */
const CASE_SOURCE: Record<string, CaseSource> = {
  online_monitoring: 'monitoring_alert',
  mobile_survey: 'mobile_monitoring',
  camera: 'infrared',
  drone: 'drone',
  satellite: 'satellite',
};

/** Sources whose alert is a reading at one moment or over a period: a short exceedance opens no case. */
const READING_SOURCES = ['online_monitoring', 'mobile_survey'];
/** Fire points (秸秆露天焚烧): always a case, on the 1530 clock from the detection time. */
export const FIRE_CATEGORY = 'air.open_burning';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The grade of an alert (DESIGN §10): the n-th at one place within the policy's window is
 * `repeated` (n ≥ repeatCount); fire points and observations (cameras, drones) are `sustained`;
 * a monitoring reading is `sustained` when it lasted at least the policy's minutes, else `short`.
 */
export function gradeAlert(a: Pick<CreateAlertDto, 'source' | 'category' | 'durationMinutes'>, nth: number, policy: AlertPolicyDto): AlertGrade {
  if (nth >= policy.repeatCount) return 'repeated';
  if (a.category === FIRE_CATEGORY || !READING_SOURCES.includes(a.source)) return 'sustained';
  return (a.durationMinutes ?? 0) >= policy.sustainedMinutes ? 'sustained' : 'short';
}

interface Decided {
  outcome: AlertOutcomeDto;
  change: CaseChange | null;
  sms: { phone: string; text: string } | null;
}

/** Machine alerts: intake with idempotency, folding, grading and the cases they open (DESIGN §10). */
@Injectable()
export class AlertsService {
  private readonly logger = new Logger(AlertsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly alerts: AlertsRepository,
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    private readonly writer: CaseWriter,
    private readonly planner: DeadlinePlanner,
    private readonly regions: RegionsRepository,
    private readonly notify: NotificationsService,
  ) {}

  /**
   * One alert, in one transaction with whatever it does to a case. A replay of the same
   * (source, externalId) answers the first outcome (`replayed`); the same id with another body is refused.
   */
  async ingest(key: ApiKeyPrincipal, dto: CreateAlertDto, now = new Date()): Promise<AlertOutcomeDto & { replayed: boolean }> {
    if (dto.source !== key.source) {
      throw AppError.forbidden(`该 API Key 只能上报 ${key.source} 来源的告警`, 'source_mismatch');
    }
    const requestHash = createHash('sha256').update(canonicalJson(dto)).digest('hex');
    const known = await this.alerts.findByExternal(this.db.manager, dto.source, dto.externalId);
    if (known) return this.replay(known, requestHash);

    const policy = await this.alerts.policy(dto.source);
    const observedAt = new Date(Math.min(new Date(dto.observedAt).getTime(), now.getTime()));
    const place: AlertPlace = { source: dto.source, pointId: dto.pointId ?? null, category: dto.category, lat: dto.lat, lng: dto.lng, radiusMeters: policy.foldRadiusMeters };

    const decided = await this.db.transaction(async (m): Promise<Decided | { replay: AlertOutcomeDto & { replayed: boolean } }> => {
      await this.alerts.lockPlace(m, place, dto.externalId);
      const raced = await this.alerts.findByExternal(m, dto.source, dto.externalId);
      if (raced) return { replay: this.replay(raced, requestHash) };

      const enterprise = dto.enterpriseCreditCode ? await this.alerts.enterprise(m, dto.enterpriseCreditCode) : null;
      if (dto.enterpriseCreditCode && !enterprise) {
        throw AppError.unprocessable('unknown_enterprise', `企业 ${dto.enterpriseCreditCode} 未登记`, [{ field: 'enterpriseCreditCode', message: '企业未登记' }]);
      }
      const regionCode = dto.regionCode ?? enterprise?.regionCode ?? key.regionCode;
      const region = await this.regions.find(regionCode);
      if (!region) throw AppError.unprocessable('unknown_region', `区域 ${regionCode} 不存在`, [{ field: 'regionCode', message: '区域不存在' }]);

      const earlier = await this.alerts.countAt(m, place, new Date(observedAt.getTime() - policy.repeatWindowDays * DAY));
      const grade = gradeAlert(dto, earlier + 1, policy);
      const alertId = randomUUID();
      const actor = { actorId: null, actorName: key.name, actorRole: 'system', actorUnitId: null } as const;
      const what = describe(dto, enterprise?.name);

      let change: CaseChange | null = null;
      let folded = false;
      let sms: Decided['sms'] = null;
      const openCaseId = await this.alerts.openCaseAt(m, place, new Date(observedAt.getTime() - policy.foldWindowHours * HOUR));
      if (openCaseId) {
        // Folding: the alert joins the open case (on its timeline); a repeat raises it to city 督办.
        await m.query(`SELECT 1 FROM "case" WHERE id = $1 FOR UPDATE`, [openCaseId]);
        const [head] = await this.caseRows.findHeads(m, [openCaseId]);
        change = CaseChange.of(head);
        change.note({ ...actor, action: 'alert_folded', fromState: head.snapshot.state, toState: head.snapshot.state, comment: `又收到告警：${what}`, payload: alertPayload(alertId, dto, grade), attachmentIds: [], at: now });
        if (grade === 'repeated') await this.superviseAtCity(change, head.row, actor, now);
        folded = true;
      } else if (grade !== 'short') {
        // Fire points run on the 1530 clock from the detection time; other alerts from now.
        const at = dto.category === FIRE_CATEGORY ? observedAt : now;
        change = await this.cases.reportChange(
          {
            title: `【${SOURCE_LABELS[CASE_SOURCE[dto.source]]}】${what}`.slice(0, 200),
            description: `${what}。观测时间 ${observedAt.toISOString()}${dto.durationMinutes != null ? `，持续 ${dto.durationMinutes} 分钟` : ''}${dto.pointId ? `，点位 ${dto.pointId}` : ''}。`,
            category: dto.category,
            source: CASE_SOURCE[dto.source],
            severity: 'general',
            lat: dto.lat,
            lng: dto.lng,
            enterpriseCreditCode: dto.enterpriseCreditCode,
          },
          region,
          { ...actor, uploadedBy: null },
          at,
        );
        if (grade === 'repeated') await this.superviseAtCity(change, { source: CASE_SOURCE[dto.source], category: dto.category, severity: 'general' }, actor, at);
      } else if (enterprise?.contactPhone) {
        sms = { phone: enterprise.contactPhone, text: `【生态环境局】${enterprise.name}：${what}，请立即核查并采取措施。` };
      }

      let caseId: string | null = null;
      if (change) caseId = (await this.writer.writeOne(change, m)).id;
      await this.alerts.insert(m, {
        id: alertId,
        source: dto.source,
        externalId: dto.externalId,
        apiKeyId: key.id,
        requestHash,
        pointId: dto.pointId ?? null,
        enterpriseCreditCode: dto.enterpriseCreditCode ?? null,
        pollutant: dto.pollutant ?? null,
        value: dto.value ?? null,
        limit: dto.limit ?? null,
        unit: dto.unit ?? null,
        observedAt,
        durationMinutes: dto.durationMinutes ?? null,
        lat: dto.lat,
        lng: dto.lng,
        confidence: dto.confidence ?? null,
        category: dto.category,
        imageAttachmentId: dto.imageAttachmentId ?? null,
        regionCode: region.code,
        regionPath: region.path,
        grade,
        caseId,
        folded,
        notifiedPhone: sms?.phone ?? null,
      });
      // An exceedance is a fact of the enterprise's health code (DESIGN §13): recomputed before the next read.
      if (dto.enterpriseCreditCode) await this.alerts.markEnterpriseStale(m, dto.enterpriseCreditCode);
      return { outcome: { alertId, caseId, grade, folded }, change, sms };
    });
    if ('replay' in decided) return decided.replay;
    if (decided.change) await this.cases.schedule(decided.change);
    if (decided.sms) await this.sendSms(decided.outcome.alertId, decided.sms);
    return { ...decided.outcome, replayed: false };
  }

  async list(user: RequestUser, q: ListAlertsQueryDto): Promise<AlertListDto> {
    const paths = regionPaths(user, null);
    if (paths === undefined) throw AppError.forbidden('您无权查看告警');
    const { items, total } = await this.alerts.list(q, paths);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  private replay(known: { id: string; requestHash: string; grade: string; caseId: string | null; folded: boolean }, requestHash: string) {
    if (known.requestHash !== requestHash) {
      throw AppError.unprocessable('external_id_reused', '该 externalId 已用于另一条告警', [{ field: 'externalId', message: '同一来源的 externalId 不能重复使用' }]);
    }
    return { alertId: known.id, caseId: known.caseId, grade: known.grade as AlertGrade, folded: known.folded, replayed: true };
  }

  /** The machine's system 督办 at city level (unless the case is already supervised at or above it). */
  private async superviseAtCity(change: CaseChange, c: { source: string; category: string; severity: 'general' | 'major' }, actor: Omit<NewEvent, 'action' | 'fromState' | 'toState' | 'comment' | 'payload' | 'attachmentIds' | 'at'>, at: Date) {
    const current = change.snapshot.supervisionLevel;
    if (current && !isHigherLevel('city', current)) return;
    const plan = await this.planner.plan('supervision', c, at);
    const decided = decideAutoSupervise(change.snapshot, { level: 'city', dueAt: plan.dueAt, now: at });
    if (!decided) return;
    const state = change.snapshot.state;
    change.record(decided.next, decided.effects, [plan], {
      ...actor,
      action: 'auto_supervise',
      fromState: state,
      toState: decided.next.state,
      comment: `同一点位 30 日内多次告警，市级督办`,
      payload: { level: 'city', dueAt: plan.dueAt.toISOString(), reason: 'repeated_alerts' },
      attachmentIds: [],
      at,
    });
  }

  /** The short-exceedance SMS to the enterprise's contact, through the outbound channel (after commit; a failure is logged). */
  private async sendSms(alertId: string, sms: { phone: string; text: string }): Promise<void> {
    this.logger.log(`short exceedance ${alertId}: SMS to the enterprise's contact`);
    await this.notify.sendOutbound([{ kind: 'alert', caseId: '', caseCode: `alert ${alertId}`, text: sms.text, recipients: [], phones: [sms.phone], at: new Date().toISOString() }]);
  }
}

function describe(dto: CreateAlertDto, enterpriseName?: string): string {
  const who = enterpriseName ?? (dto.pointId ? `点位 ${dto.pointId}` : `(${dto.lat.toFixed(4)}, ${dto.lng.toFixed(4)})`);
  if (dto.pollutant && dto.value != null) {
    const limit = dto.limit != null ? `（限值 ${dto.limit}${dto.unit ?? ''}）` : '';
    return `${who} ${dto.pollutant} ${dto.value}${dto.unit ?? ''}${limit}`;
  }
  return `${who} ${categoryLabel(dto.category)}`;
}

function alertPayload(alertId: string, dto: CreateAlertDto, grade: AlertGrade): Record<string, unknown> {
  const { source, externalId, pointId, pollutant, value, limit, unit, observedAt, durationMinutes } = dto;
  return Object.fromEntries(Object.entries({ alertId, grade, source, externalId, pointId, pollutant, value, limit, unit, observedAt, durationMinutes }).filter(([, v]) => v !== undefined));
}

