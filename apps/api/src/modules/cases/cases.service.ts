import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { asCase, isWithinPath, scopeToSql, type SqlScope } from '@ecoloop/auth';
import {
  CASE_ACTIONS,
  actingRole,
  decide,
  handsCaseAway,
  isOpenState,
  statesAllowing,
  openCase,
  initialSnapshot,
  type ActionPayload,
  type AdminLevel,
  type CaseAction,
  type Effect,
  type RegionLevel,
} from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { DEADLINE_SCHEDULER, type DeadlineScheduler } from '../deadlines/deadline-scheduler.js';
import { DeadlinePlanner, type PlannedDeadline } from '../deadlines/deadline-planner.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { UnitsRepository } from '../units/units.repository.js';
import { CaseExtensions, type TransitionContext } from './case-extensions.js';
import { CaseNotifications } from './case-notifications.js';
import { latestMissed, toMissedDto } from './missed-deadline.js';
import { toCaseDto, toEventDto } from './case-mapper.js';
import { CASE_SCOPE_COLUMNS, toSnapshot, toSubject, type CaseRow } from './case-row.js';
import { CasesRepository, toHead, type CaseDetailRow } from './cases.repository.js';
import { CaseChange, type NewEvent } from './writer/case-change.js';
import { CaseWriter, staleVersion, type Written } from './writer/case-writer.js';
import { canonicalJson, verifyChain, type ChainCheck } from './event-hash.js';
import type { CaseActionDto, CaseDto, CaseEventDto, CaseListDto, CreateCaseDto, ListCasesQueryDto, NearbyCasesQueryDto } from './dto/case.dto.js';
import { EnforcementRepository } from './enforcement.repository.js';
import { CROSS_JURISDICTION_KINDS } from '../units/dto/unit.dto.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { RecentCases } from './recent-cases.js';
import { WORKLIST_ACTIONS, WORKLIST_EXTRA, eventPayload, toSnapshotColumns } from './case-rules.js';
import { isUuid } from '../../core/http/uuid.js';

export { eventPayload } from './case-rules.js';


export interface ActOptions {
  /** Seeding and tests: the time the action happens (defaults to now). */
  at?: Date;
}

/** An action written: the case as it was read (with the new lead unit's name), the change and what the write returned. */
interface ActWrite {
  row: CaseDetailRow;
  change: CaseChange;
  written: Written;
  taken: Pick<CaseDetailRow, 'takenById' | 'takenByName'>;
}

export interface CreateOptions extends ActOptions {
  /** Deadlines started with the case besides the loop's (e.g. a petition's acceptance notice). */
  extraDeadlines?: PlannedDeadline[];
  /** Writes of records beside the new case, in its creation transaction (e.g. the petition). */
  within?: (m: EntityManager, caseId: string) => Promise<void>;
}

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesRepository,
    private readonly writer: CaseWriter,
    private readonly idempotency: IdempotencyRepository,
    private readonly regions: RegionsRepository,
    private readonly units: UnitsRepository,
    private readonly planner: DeadlinePlanner,
    @Inject(DEADLINE_SCHEDULER) private readonly scheduler: DeadlineScheduler,
    private readonly enforcement: EnforcementRepository,
    private readonly extensions: CaseExtensions,
    private readonly caseNotifications: CaseNotifications,
    private readonly recent: RecentCases,
  ) {}

  readScope(user: RequestUser, prefix = 'scope'): SqlScope {
    return scopeToSql(user.ability, 'read', 'Case', CASE_SCOPE_COLUMNS, prefix);
  }

  async create(user: RequestUser, dto: CreateCaseDto, idempotencyKey?: string, opts: CreateOptions = {}): Promise<{ case: CaseDto; replayed: boolean }> {
    const regionCode = dto.regionCode ?? (user.roles.includes('grid_inspector') ? user.regionCode : undefined);
    const region = await this.reportRegion(regionCode);
    const snapshot = initialSnapshot({ severity: dto.severity, source: dto.source, category: dto.category, regionLevel: region.level });
    const subject = toSubject({ regionPath: region.path, reporterId: user.id, source: dto.source, severity: dto.severity }, snapshot);
    if (!user.ability.can('create', asCase(subject))) throw AppError.forbidden('您无权在该区域上报案件');
    const outcome = await this.insertReported(dto, region, { ...this.actor(user, 'report'), uploadedBy: user.id }, idempotencyKey, opts);
    if (outcome.replayed) return { case: await this.get(user, outcome.id), replayed: true };
    this.recent.remember(outcome.row);
    return { case: await this.detail(outcome.row, user), replayed: false };
  }

  /**
   * Public intake (Open311): no account, so no CASL check; the reporter's contact is kept as PII.
   * Returns the new case's id and code.
   */
  async createPublic(dto: CreateCaseDto): Promise<{ id: string; code: string }> {
    const region = await this.reportRegion(dto.regionCode);
    const outcome = await this.insertReported(dto, region, { actorId: null, actorName: '公众', actorRole: 'public', actorUnitId: null, uploadedBy: null });
    if (outcome.replayed) throw new Error('a public report carries no idempotency key');
    return { id: outcome.id, code: outcome.row.code };
  }

  private async reportRegion(regionCode: string | undefined) {
    if (!regionCode) throw AppError.unprocessable('region_required', '请选择所属区域', [{ field: 'regionCode', message: '必填' }]);
    const region = await this.regions.find(regionCode);
    if (!region) throw AppError.unprocessable('unknown_region', `区域 ${regionCode} 不存在`, [{ field: 'regionCode', message: '区域不存在' }]);
    return region;
  }

  /** The `report` transition through the writer: case row, first event and first deadlines together (+ idempotency key). */
  private async insertReported(
    dto: CreateCaseDto,
    region: { code: string; name: string; path: string; level: RegionLevel },
    reporter: Pick<NewEvent, 'actorId' | 'actorName' | 'actorRole' | 'actorUnitId'> & { uploadedBy: string | null },
    idempotencyKey?: string,
    opts: CreateOptions = {},
  ): Promise<{ id: string; replayed: true } | { id: string; replayed: false; row: CaseDetailRow }> {
    const at = opts.at ?? new Date();
    const change = await this.reportChange(dto, region, reporter, at, opts.extraDeadlines);
    const opened = { snapshot: change.snapshot };

    let written: Written;
    if (idempotencyKey && reporter.actorId) {
      const actorId = reporter.actorId;
      const requestHash = createHash('sha256').update(canonicalJson(dto)).digest('hex');
      const claimed = await this.db.transaction(async (m) => {
        const claim = await this.idempotency.claim(m, actorId, idempotencyKey, 'create_case', requestHash);
        if (claim.status === 'mismatch') throw AppError.unprocessable('idempotency_key_reused', '该 Idempotency-Key 已用于另一个请求');
        if (claim.status === 'replay') return { replayed: claim.resourceId };
        const w = await this.writer.writeOne(change, m);
        if (opts.within) await opts.within(m, w.id);
        await this.idempotency.complete(m, actorId, idempotencyKey, w.id);
        return { written: w };
      });
      if ('replayed' in claimed) return { id: claimed.replayed!, replayed: true };
      written = claimed.written;
    } else if (opts.within) {
      const within = opts.within;
      written = await this.db.transaction(async (m) => {
        const w = await this.writer.writeOne(change, m);
        await within(m, w.id);
        return w;
      });
    } else {
      written = await this.writer.writeOne(change);
    }
    await this.schedule(change);
    const f = change.fields!;
    const base: CaseDetailRow = {
      ...f,
      id: written.id,
      code: written.code,
      regionName: region.name,
      leadUnitName: null,
      ledgerId: null,
      ledgerItemId: null,
      duplicateOfId: null,
      takenById: null,
      takenByName: null,
      closedAt: null,
      updatedAt: at,
      ...toSnapshotColumns(opened.snapshot),
      dueAt: null,
      deadlineKind: null,
      overdue: false,
      version: written.version,
      lastSeq: 0,
      lastHash: '',
      deadlines: [],
      attachments: [],
    };
    return { id: written.id, replayed: false, row: await this.afterWrite(base, change, written) };
  }

  /** The `report` transition as an unwritten CaseChange (case row, first event, deadlines from `at`); callers
   *  writing rows of their own with it (alerts, Open311) pass it to CaseWriter in their transaction, then `schedule`. */
  async reportChange(
    dto: CreateCaseDto,
    region: { code: string; path: string; level: RegionLevel },
    reporter: Pick<NewEvent, 'actorId' | 'actorName' | 'actorRole' | 'actorUnitId'> & { uploadedBy: string | null },
    at = new Date(),
    extraDeadlines: PlannedDeadline[] = [],
  ): Promise<CaseChange> {
    const opened = openCase({ severity: dto.severity, source: dto.source, category: dto.category, regionLevel: region.level });
    const effects: Effect[] = [...opened.effects, ...extraDeadlines.map((d): Effect => ({ type: 'start_deadline', kind: d.kind, dueAt: d.dueAt.toISOString() }))];
    const planned = [...(await this.planner.planEffects(opened.effects, dto, at, region.level)), ...extraDeadlines];
    const { uploadedBy, ...actor } = reporter;
    const change = CaseChange.create(
      {
        title: dto.title, description: dto.description, category: dto.category, source: dto.source, severity: dto.severity,
        regionCode: region.code, regionPath: region.path, lat: dto.lat ?? null, lng: dto.lng ?? null, address: dto.address ?? null,
        enterpriseCreditCode: dto.enterpriseCreditCode ?? null, reporterId: reporter.actorId, reporterName: dto.reporterName ?? null, reporterPhone: dto.reporterPhone ?? null,
        ledgerId: null, ledgerItemId: null, createdAt: at,
      },
      opened.snapshot,
    );
    change.record(
      opened.snapshot,
      effects,
      planned,
      {
        ...actor,
        action: 'report',
        fromState: null,
        toState: opened.snapshot.state,
        comment: null,
        payload: { title: dto.title, category: dto.category, source: dto.source, severity: dto.severity, regionCode: region.code },
        attachmentIds: dto.attachmentIds ?? [],
        at,
      },
      { attachmentIds: dto.attachmentIds ?? [], uploadedBy },
    );

    return change;
  }

  async list(user: RequestUser, q: ListCasesQueryDto): Promise<CaseListDto> {
    if (q.takenBy === 'me') q = { ...q, takenBy: user.id };
    const { rows, total, totalExact } = await this.cases.list(q, this.readScope(user), q.actionable ? this.actionableScope(user) : undefined);
    const missed = await this.cases.missedDeadlines(rows.filter((r) => r.overdue).map((r) => r.id));
    const items = rows.map((r) => ({ ...toCaseDto(r, user), ...(r.overdue ? { missedDeadline: toMissedDto(missed.get(r.id) ?? null) } : {}) }));
    return { items, total, totalExact, page: q.page, pageSize: q.pageSize };
  }

  async get(user: RequestUser, id: string): Promise<CaseDto> {
    return this.detail(await this.visible(user, id), user);
  }

  async events(user: RequestUser, id: string): Promise<CaseEventDto[]> {
    await this.visible(user, id);
    return (await this.cases.events(id)).map(toEventDto);
  }

  /** The case's SHA-256 event chain recomputed (404 outside the caller's scope). */
  async verifyChain(user: RequestUser, id: string): Promise<ChainCheck> {
    await this.visible(user, id);
    return verifyChain(await this.cases.events(id));
  }

  /** Open cases nearby of the same kind, for the dispatcher's merge decision. */
  async duplicates(user: RequestUser, id: string): Promise<(CaseDto & { distanceM: number | null })[]> {
    const row = await this.visible(user, id);
    const found = await this.cases.findDuplicates(row, this.readScope(user));
    return found.map((r) => ({ ...toCaseDto(r, user), distanceM: r.distanceM }));
  }

  /** Open cases of the same kind near a point, for the reporter before sending (scoped like the list). */
  async nearby(user: RequestUser, q: NearbyCasesQueryDto): Promise<(CaseDto & { distanceM: number })[]> {
    const found = await this.cases.findNearby(q, this.readScope(user));
    return found.map((r) => ({ ...toCaseDto(r, user), distanceM: r.distanceM }));
  }

  /**
   * DESIGN §4: permission (CASL, 403), then the machine (422), then one write (409 on a stale
   * version). One read and one statement: the case is read with its deadlines and chain head, the
   * change is worked out in memory and written by CaseWriter, and the answer is built from it.
   */
  async act(user: RequestUser, id: string, action: string, body: CaseActionDto, opts: ActOptions = {}): Promise<CaseDto> {
    const extension = this.extensions.handling(action);
    if (extension) {
      await extension.act(user, await this.visible(user, id), action, body, opts.at ?? new Date());
      return this.get(user, id);
    }
    if (!(CASE_ACTIONS as readonly string[]).includes(action)) throw AppError.notFound('操作');
    const act = action as CaseAction;
    // A system event (a reminder) may have moved the chain without changing the version: try again.
    for (let attempt = 1; ; attempt++) {
      const remembered = attempt === 1 ? this.remembered(user, id, body.expectedVersion) : undefined;
      let done: ActWrite | null;
      try {
        done = await this.actOn(user, remembered ?? (await this.visible(user, id)), act, body, opts);
      } catch (err) {
        // A refusal decided on the remembered case is decided again on the stored one, which may have moved on.
        if (remembered && err instanceof AppError) {
          this.recent.forget(id);
          continue;
        }
        throw err;
      }
      if (done) return this.afterAct(user, act, done);
      this.recent.forget(id);
      if (attempt >= 3) throw staleVersion();
    }
  }

  /** One attempt of `act` on the case as read (or remembered): decided and written, or null when the compare-and-set failed. */
  private async actOn(user: RequestUser, row: CaseDetailRow, act: CaseAction, body: CaseActionDto, opts: ActOptions): Promise<ActWrite | null> {
    const id = row.id;
    const snapshot = toSnapshot(row);
    if (!user.ability.can(act, asCase(toSubject(row, snapshot)))) throw AppError.forbidden('您无权对该案件执行此操作');
    if (body.expectedVersion !== row.version) throw staleVersion([{ field: 'expectedVersion', message: `当前版本为 ${row.version}` }]);
    const { expectedVersion: _v, ...payload } = body;
    const units = await this.checkUnits(user, payload, row.regionPath);

    const now = opts.at ?? new Date();
    const target = act === 'merge' && payload.targetCaseId ? await this.mergeTarget(user, row, payload.targetCaseId) : undefined;
    const result = decide(snapshot, { action: act, payload: payload as ActionPayload, actorLevel: user.regionLevel, now, target });
    if (!result.ok) throw AppError.unprocessable(result.code, result.message, result.details);

    // The change must not move the case out of the actor's sight (e.g. reassign, escalate) — except
    // by an action that hands the case away by design (a handler's return).
    if (!handsCaseAway(act) && !user.ability.can('read', asCase(toSubject(row, result.next)))) throw AppError.forbidden('此操作会使案件移出您的管辖范围');

    const context: TransitionContext = { row, action: act, payload, at: now };
    const change = CaseChange.of(toHead(row));
    if (act === 'merge') change.duplicateOfId = payload.targetCaseId ?? null;
    if (act === 'take_charge') change.takenById = user.id;
    change.record(
      result.next,
      [...result.effects, ...(await this.extensions.effects(context))],
      await this.planner.planEffects(result.effects, row, now, user.regionLevel),
      {
        ...this.actor(user, act),
        action: act,
        fromState: row.state,
        toState: result.next.state,
        comment: payload.reason ?? payload.comment ?? payload.note ?? payload.measures ?? null,
        payload: eventPayload(payload),
        attachmentIds: payload.attachmentIds ?? [],
        at: now,
      },
      { attachmentIds: payload.attachmentIds ?? [], uploadedBy: user.id },
    );
    // 移交执法 keeps its record in its own table, in the event's transaction (DESIGN §13); extensions (the petition) likewise.
    const transfer = act === 'transfer_enforcement';
    const outcome =
      transfer || this.extensions.takePart(context)
        ? await this.db.transaction(async (m) => {
            const o = await this.writer.write([change], m);
            if (o.written.has(id)) {
              if (transfer) {
                const record = { caseId: id, eventSeq: change.lastSeq, enterpriseCreditCode: row.enterpriseCreditCode, actorId: user.id, at: now };
                await this.enforcement.record(m, { ...record, payload: payload as ActionPayload });
              }
              await this.extensions.onTransition(m, context);
            }
            return o;
          })
        : await this.writer.write([change]);
    const written = outcome.written.get(id);
    if (!written) return null;
    const leadUnitName = result.next.leadUnitId === row.leadUnitId ? row.leadUnitName : (units.get(result.next.leadUnitId ?? '')?.name ?? null);
    const taken = act === 'take_charge' ? { takenById: user.id, takenByName: user.displayName } : row;
    return { row: { ...row, leadUnitName }, change, written, taken };
  }

  /** After a committed action: timers, notifications, and the case as it now is (remembered for the next action). */
  private async afterAct(user: RequestUser, act: CaseAction, { row, change, written, taken }: ActWrite): Promise<CaseDto> {
    await this.schedule(change);
    await this.caseNotifications.afterAct(row, act, change.snapshot, change.lastSeq, user);
    const after = await this.afterWrite(row, change, written, taken);
    this.recent.remember(after);
    return this.detail(after, user);
  }

  /** The stored case as it is after `change` was written (no read, except newly bound attachments). */
  private async afterWrite(row: CaseDetailRow, change: CaseChange, written: Written, taken: Pick<CaseDetailRow, 'takenById' | 'takenByName'> = row): Promise<CaseDetailRow> {
    const createdAt = new Map(row.deadlines.map((d) => [d.id, d.createdAt]));
    const now = new Date();
    return {
      ...row,
      ...toSnapshotColumns(change.snapshot),
      ...change.summary(),
      version: written.version,
      closedAt: change.closedAt,
      duplicateOfId: change.duplicateOfId,
      takenById: taken.takenById,
      takenByName: taken.takenByName,
      updatedAt: change.updatedAt ?? row.updatedAt,
      lastSeq: change.lastSeq,
      lastHash: change.lastHash,
      deadlines: change.deadlines().map((d) => ({ ...d, createdAt: createdAt.get(d.id) ?? now })),
      attachments: change.attachments.length ? await this.cases.attachments(row.id) : row.attachments,
    };
  }

  /** The detail with the parts of the extensions (the petition, DESIGN §9). */
  private async detail(row: CaseDetailRow, user: RequestUser): Promise<CaseDto> {
    const dto = this.detailDto(row, user);
    await this.extensions.decorate(user, row, dto);
    return dto;
  }

  private detailDto(row: CaseDetailRow, user: RequestUser): CaseDto {
    return {
      ...toCaseDto(row, user),
      deadlines: row.deadlines.map((d) => ({
        id: d.id,
        kind: d.kind,
        dueAt: d.dueAt.toISOString(),
        originalDueAt: d.originalDueAt.toISOString(),
        status: d.status,
        level: d.level,
        settledAt: d.settledAt ? d.settledAt.toISOString() : null,
      })),
      missedDeadline: toMissedDto(latestMissed(row.deadlines)),
      attachments: row.attachments,
    };
  }

  /** Wakes the timers of the deadlines a change started or moved (after commit; the reconciler covers a failure). */
  async schedule(change: CaseChange): Promise<void> {
    const ids = change.scheduleIds();
    if (ids.length) await this.scheduler.scheduleDeadlines(ids);
  }

  /** The case with its deadlines and chain head if the user may read it; 404 otherwise. */
  async visible(user: RequestUser, id: string): Promise<CaseDetailRow> {
    if (!isUuid(id)) throw AppError.notFound('案件');
    const row = await this.cases.findDetail(id, this.readScope(user));
    if (!row) throw AppError.notFound('案件');
    this.recent.remember(row);
    return row;
  }

  /** The case as this process last read or wrote it, if it is at `version` and the user may read it (RecentCases). */
  private remembered(user: RequestUser, id: string, version: number): CaseDetailRow | undefined {
    const row = this.recent.at(id, version);
    return row && user.ability.can('read', asCase(toSubject(row, toSnapshot(row)))) ? row : undefined;
  }

  /** Worklist: cases where some action of the caller is possible in the case's state. */
  private actionableScope(user: RequestUser): SqlScope {
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    WORKLIST_ACTIONS.forEach((action, i) => {
      const states = statesAllowing(action);
      const scope = scopeToSql(user.ability, action, 'Case', CASE_SCOPE_COLUMNS, `w${i}`);
      if (scope.sql === 'FALSE' || states.length === 0) return;
      const extra = WORKLIST_EXTRA[action] ?? '';
      parts.push(`(c.state IN (:...w${i}_states) AND (${scope.sql})${extra})`);
      Object.assign(params, scope.params, { [`w${i}_states`]: states });
    });
    return { sql: parts.length ? parts.join(' OR ') : 'FALSE', params };
  }

  /** Units named by dispatch / reassign must exist, be active and lie in the actor's jurisdiction. */
  /**
   * Lead and co-units of a dispatch or reassignment (DESIGN §4, §11): units in the dispatcher's
   * jurisdiction, or departments and outside bodies registered where the case lies or above it
   * (市住建局 for any case of the city, 南湖区住建局 for cases of 南湖区).
   */
  private async checkUnits(user: RequestUser, payload: { leadUnitId?: string; coUnitIds?: string[] }, caseRegionPath: string) {
    const ids = [payload.leadUnitId, ...(payload.coUnitIds ?? [])].filter((x): x is string => !!x);
    const found = new Map<string, { name: string }>();
    for (const unitId of new Set(ids)) {
      const unit = await this.units.find(unitId);
      const field = unitId === payload.leadUnitId ? 'leadUnitId' : 'coUnitIds';
      if (!unit || !unit.active) throw AppError.unprocessable('unknown_unit', 'Unknown or inactive unit', [{ field, message: '单位不存在或已停用' }]);
      const crossing = CROSS_JURISDICTION_KINDS.includes(unit.kind) && isWithinPath(caseRegionPath, unit.regionPath);
      if (!crossing && !isWithinPath(unit.regionPath, user.regionPath)) {
        throw AppError.unprocessable('unit_outside_jurisdiction', `${unit.name}不在您的管辖范围内`, [{ field, message: '单位不在管辖范围内' }]);
      }
      found.set(unitId, unit);
    }
    return found;
  }

  /** Facts about a merge target; one the actor cannot see counts as neither open nor in jurisdiction. */
  private async mergeTarget(user: RequestUser, row: CaseRow, targetId: string) {
    const target = await this.cases.findMergeTarget(targetId, this.readScope(user));
    const county = (path: string) => path.split('.').slice(0, 2).join('.');
    return {
      open: !!target && isOpenState(target.state),
      sameJurisdiction: !!target && county(target.regionPath) === county(row.regionPath),
      isSelf: targetId === row.id,
    };
  }


  private actor(user: RequestUser, action: CaseAction | 'report'): Pick<NewEvent, 'actorId' | 'actorName' | 'actorRole' | 'actorUnitId'> {
    return {
      actorId: user.id,
      actorName: user.displayName,
      actorRole: actingRole(user.roles, action),
      actorUnitId: user.unitId,
    };
  }
}
