import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { asCase, isWithinPath, scopeToSql, type SqlScope } from '@ecoloop/auth';
import {
  CASE_ACTIONS,
  CASE_STATES,
  OPEN_STATES,
  decide,
  openCase,
  possibleActions,
  initialSnapshot,
  type ActionPayload,
  type AdminLevel,
  type CaseAction,
  type CaseState,
  type Effect,
  type RegionLevel,
  type Role,
} from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { DEADLINE_SCHEDULER, type DeadlineScheduler } from '../deadlines/deadline-scheduler.js';
import { DeadlinePlanner, type PlannedDeadline } from '../deadlines/deadline-planner.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { UnitsRepository } from '../units/units.repository.js';
import { toCaseDto, toEventDto } from './case-mapper.js';
import { CASE_SCOPE_COLUMNS, toSnapshot, toSubject, type CaseRow } from './case-row.js';
import { CasesRepository, type NewEvent } from './cases.repository.js';
import { canonicalJson } from './event-hash.js';
import type { CaseActionDto, CaseDto, CaseEventDto, CaseListDto, CreateCaseDto, ListCasesQueryDto } from './dto/case.dto.js';
import { IdempotencyRepository } from './idempotency.repository.js';

/** Which role acts for each action (DESIGN §4 "who"), to record the actor's role on the event. */
const ACTING_ROLES: Record<CaseAction, Role[]> = {
  accept: ['dispatcher'],
  dispatch: ['dispatcher'],
  reject: ['dispatcher'],
  merge: ['dispatcher'],
  resolve_on_spot: ['grid_inspector'],
  escalate: ['dispatcher'],
  sign_for: ['handler'],
  return: ['handler'],
  reassign: ['dispatcher'],
  report_progress: ['handler'],
  request_extension: ['handler'],
  decide_extension: ['dispatcher'],
  submit_completion: ['handler'],
  approve: ['supervisor'],
  reject_completion: ['supervisor'],
  review_pass: ['supervisor'],
  review_fail: ['supervisor'],
  supervise: ['supervisor', 'dispatcher'],
  remind: ['dispatcher', 'supervisor'],
};

/** Actions that put a case on the caller's worklist (remind / supervise / reassign apply to any open case). */
const WORKLIST_ACTIONS = CASE_ACTIONS.filter((a) => !['remind', 'supervise', 'reassign'].includes(a));

export interface ActOptions {
  /** Seeding and tests: the time the action happens (defaults to now). */
  at?: Date;
}

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly regions: RegionsRepository,
    private readonly units: UnitsRepository,
    private readonly planner: DeadlinePlanner,
    @Inject(DEADLINE_SCHEDULER) private readonly scheduler: DeadlineScheduler,
  ) {}

  readScope(user: RequestUser, prefix = 'scope'): SqlScope {
    return scopeToSql(user.ability, 'read', 'Case', CASE_SCOPE_COLUMNS, prefix);
  }

  async create(user: RequestUser, dto: CreateCaseDto, idempotencyKey?: string, opts: ActOptions = {}): Promise<{ case: CaseDto; replayed: boolean }> {
    const regionCode = dto.regionCode ?? (user.roles.includes('grid_inspector') ? user.regionCode : undefined);
    const region = await this.reportRegion(regionCode);
    const snapshot = initialSnapshot({ severity: dto.severity, source: dto.source, category: dto.category });
    const subject = toSubject({ regionPath: region.path, reporterId: user.id, source: dto.source, severity: dto.severity }, snapshot);
    if (!user.ability.can('create', asCase(subject))) throw AppError.forbidden('You may not report cases in this region');
    const outcome = await this.insertReported(dto, region, { ...this.actor(user, 'report'), uploadedBy: user.id }, idempotencyKey, opts.at);
    return { case: await this.get(user, outcome.id), replayed: outcome.replayed };
  }

  /**
   * Public intake (Open311): no account, so no CASL check; the reporter's contact is kept as PII.
   * Returns the new case's id and code.
   */
  async createPublic(dto: CreateCaseDto): Promise<{ id: string; code: string }> {
    const region = await this.reportRegion(dto.regionCode);
    const outcome = await this.insertReported(dto, region, { actorId: null, actorName: '公众', actorRole: 'public', actorUnitId: null, uploadedBy: null });
    const row = await this.cases.findById(outcome.id);
    return { id: outcome.id, code: row!.code };
  }

  private async reportRegion(regionCode: string | undefined) {
    if (!regionCode) throw AppError.unprocessable('region_required', 'regionCode is required', [{ field: 'regionCode', message: 'regionCode is required' }]);
    const region = await this.regions.find(regionCode);
    if (!region) throw AppError.unprocessable('unknown_region', `Region ${regionCode} does not exist`, [{ field: 'regionCode', message: 'unknown region' }]);
    return region;
  }

  /** The `report` transition: case row, first event and first deadlines in one transaction (+ idempotency key). */
  private async insertReported(
    dto: CreateCaseDto,
    region: { code: string; path: string; level: RegionLevel },
    reporter: Pick<NewEvent, 'actorId' | 'actorName' | 'actorRole' | 'actorUnitId'> & { uploadedBy: string | null },
    idempotencyKey?: string,
    at = new Date(),
  ): Promise<{ id: string; replayed: boolean }> {
    const opened = openCase({ severity: dto.severity, source: dto.source, category: dto.category });
    const planned = await this.plan(opened.effects, dto, at, region.level);
    const requestHash = createHash('sha256').update(canonicalJson(dto)).digest('hex');
    const { uploadedBy, ...actor } = reporter;

    const outcome = await this.db.transaction(async (m) => {
      if (idempotencyKey && reporter.actorId) {
        const claim = await this.idempotency.claim(m, reporter.actorId, idempotencyKey, 'create_case', requestHash);
        if (claim.status === 'mismatch') {
          throw AppError.unprocessable('idempotency_key_reused', 'This Idempotency-Key was already used with a different request');
        }
        if (claim.status === 'replay') return { id: claim.resourceId, replayed: true, deadlineIds: [] as string[] };
      }
      const created = await this.cases.create(
        {
          title: dto.title,
          description: dto.description,
          category: dto.category,
          source: dto.source,
          severity: dto.severity,
          regionCode: region.code,
          regionPath: region.path,
          lat: dto.lat ?? null,
          lng: dto.lng ?? null,
          address: dto.address ?? null,
          enterpriseCreditCode: dto.enterpriseCreditCode ?? null,
          reporterId: reporter.actorId,
          reporterName: dto.reporterName ?? null,
          reporterPhone: dto.reporterPhone ?? null,
          snapshot: opened.snapshot,
          createdAt: at,
        },
        {
          ...actor,
          action: 'report',
          fromState: null,
          toState: opened.snapshot.state,
          comment: null,
          payload: { title: dto.title, category: dto.category, source: dto.source, severity: dto.severity, regionCode: region.code },
          attachmentIds: dto.attachmentIds ?? [],
        },
        planned,
        { attachmentIds: dto.attachmentIds ?? [], uploadedBy },
        m,
      );
      if (idempotencyKey && reporter.actorId) await this.idempotency.complete(m, reporter.actorId, idempotencyKey, created.id);
      return { id: created.id, replayed: false, deadlineIds: created.deadlineIds };
    });
    if (outcome.deadlineIds.length) await this.scheduler.scheduleDeadlines(outcome.deadlineIds);
    return outcome;
  }

  async list(user: RequestUser, q: ListCasesQueryDto): Promise<CaseListDto> {
    const { rows, total, totalExact } = await this.cases.list(q, this.readScope(user), q.actionable ? this.actionableScope(user) : undefined);
    return { items: rows.map((r) => toCaseDto(r, user)), total, totalExact, page: q.page, pageSize: q.pageSize };
  }

  async get(user: RequestUser, id: string): Promise<CaseDto> {
    const row = await this.visible(user, id);
    const [deadlines, attachments] = await Promise.all([this.cases.deadlines(id), this.cases.attachments(id)]);
    return {
      ...toCaseDto(row, user),
      deadlines: deadlines.map((d: { dueAt: Date; originalDueAt: Date }) => ({ ...d, dueAt: new Date(d.dueAt).toISOString(), originalDueAt: new Date(d.originalDueAt).toISOString() })),
      attachments,
    };
  }

  async events(user: RequestUser, id: string): Promise<CaseEventDto[]> {
    await this.visible(user, id);
    return (await this.cases.events(id)).map(toEventDto);
  }

  /** Open cases nearby of the same kind, for the dispatcher's merge decision. */
  async duplicates(user: RequestUser, id: string): Promise<(CaseDto & { distanceM: number | null })[]> {
    const row = await this.visible(user, id);
    const found = await this.cases.findDuplicates(row, this.readScope(user));
    return found.map((r) => ({ ...toCaseDto(r, user), distanceM: r.distanceM }));
  }

  /** DESIGN §4: permission (CASL, 403), then the machine (422), then one transaction (409 on a stale version). */
  async act(user: RequestUser, id: string, action: string, body: CaseActionDto, opts: ActOptions = {}): Promise<CaseDto> {
    if (!(CASE_ACTIONS as readonly string[]).includes(action)) throw AppError.notFound(`Action ${action}`);
    const act = action as CaseAction;
    const row = await this.visible(user, id);
    const snapshot = toSnapshot(row);
    if (!user.ability.can(act, asCase(toSubject(row, snapshot)))) throw AppError.forbidden(`You may not ${act} this case`);
    if (body.expectedVersion !== row.version) {
      throw AppError.conflict('stale_version', 'The case was changed by someone else; reload it and try again', [
        { field: 'expectedVersion', message: `current version is ${row.version}` },
      ]);
    }
    const { expectedVersion: _v, ...payload } = body;
    await this.checkUnits(user, payload);

    const now = opts.at ?? new Date();
    const target = act === 'merge' && payload.targetCaseId ? await this.mergeTarget(user, row, payload.targetCaseId) : undefined;
    const result = decide(snapshot, { action: act, payload: payload as ActionPayload, actorLevel: user.regionLevel, now, target });
    if (!result.ok) throw AppError.unprocessable(result.code, result.message, result.details);

    // The change must not move the case out of the actor's sight (e.g. reassign, escalate).
    if (!user.ability.can('read', asCase(toSubject(row, result.next)))) {
      throw AppError.forbidden('This change would move the case outside your jurisdiction');
    }

    const planned = await this.plan(result.effects, row, now, user.regionLevel);
    const started = await this.cases.applyTransition(
      {
        caseId: id,
        expectedVersion: body.expectedVersion,
        next: result.next,
        effects: result.effects,
        planned,
        event: {
          ...this.actor(user, act),
          action: act,
          fromState: row.state,
          toState: result.next.state,
          comment: payload.reason ?? payload.comment ?? payload.note ?? payload.measures ?? null,
          payload: eventPayload(payload),
          attachmentIds: payload.attachmentIds ?? [],
          at: now,
        },
        extra: act === 'merge' ? { duplicateOfId: payload.targetCaseId } : undefined,
      },
      { uploadedBy: user.id },
    );
    if (started.length) await this.scheduler.scheduleDeadlines(started);
    return this.get(user, id);
  }

  private async visible(user: RequestUser, id: string): Promise<CaseRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound('Case');
    const row = await this.cases.findVisible(id, this.readScope(user));
    if (!row) throw AppError.notFound('Case');
    return row;
  }

  /** Worklist: cases where some action of the caller is possible in the case's state. */
  private actionableScope(user: RequestUser): SqlScope {
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    WORKLIST_ACTIONS.forEach((action, i) => {
      const states = statesAllowing(action);
      const scope = scopeToSql(user.ability, action, 'Case', CASE_SCOPE_COLUMNS, `w${i}`);
      if (scope.sql === 'FALSE' || states.length === 0) return;
      const extra = action === 'decide_extension' ? ' AND c.pending_extension IS NOT NULL' : action.startsWith('review_') ? ` AND c.deadline_kind = 'review'` : '';
      parts.push(`(c.state IN (:...w${i}_states) AND (${scope.sql})${extra})`);
      Object.assign(params, scope.params, { [`w${i}_states`]: states });
    });
    return { sql: parts.length ? parts.join(' OR ') : 'FALSE', params };
  }

  /** Units named by dispatch / reassign must exist, be active and lie in the actor's jurisdiction. */
  private async checkUnits(user: RequestUser, payload: { leadUnitId?: string; coUnitIds?: string[] }) {
    const ids = [payload.leadUnitId, ...(payload.coUnitIds ?? [])].filter((x): x is string => !!x);
    for (const unitId of new Set(ids)) {
      const unit = await this.units.find(unitId);
      const field = unitId === payload.leadUnitId ? 'leadUnitId' : 'coUnitIds';
      if (!unit || !unit.active) throw AppError.unprocessable('unknown_unit', 'Unknown or inactive unit', [{ field, message: 'unknown or inactive unit' }]);
      if (!isWithinPath(unit.regionPath, user.regionPath)) {
        throw AppError.unprocessable('unit_outside_jurisdiction', `${unit.name} is outside your jurisdiction`, [{ field, message: 'unit outside your jurisdiction' }]);
      }
    }
  }

  /** Facts about a merge target; one the actor cannot see counts as neither open nor in jurisdiction. */
  private async mergeTarget(user: RequestUser, row: CaseRow, targetId: string) {
    const target = await this.cases.findMergeTarget(targetId, this.readScope(user));
    const county = (path: string) => path.split('.').slice(0, 2).join('.');
    return {
      open: !!target && (OPEN_STATES as readonly string[]).includes(target.state),
      sameJurisdiction: !!target && county(target.regionPath) === county(row.regionPath),
      isSelf: targetId === row.id,
    };
  }

  private async plan(effects: Effect[], c: { source: string; category: string; severity: CaseRow['severity'] }, at: Date, actorLevel: RegionLevel): Promise<PlannedDeadline[]> {
    const planned: PlannedDeadline[] = [];
    for (const e of effects) {
      if (e.type === 'extend_deadline') planned.push(await this.planner.plan(e.kind, c, at, e.dueAt));
      if (e.type !== 'start_deadline') continue;
      const p = await this.planner.plan(e.kind, c, at, e.dueAt);
      planned.push(e.kind === 'supervision' ? { ...p, level: actorLevel as AdminLevel } : p);
    }
    return planned;
  }

  private actor(user: RequestUser, action: CaseAction | 'report'): Pick<NewEvent, 'actorId' | 'actorName' | 'actorRole' | 'actorUnitId'> {
    const roles = action === 'report' ? ['grid_inspector', 'dispatcher'] : ACTING_ROLES[action];
    return {
      actorId: user.id,
      actorName: user.displayName,
      actorRole: user.roles.find((r) => roles.includes(r)) ?? user.roles[0],
      actorUnitId: user.unitId,
    };
  }
}

/** The payload fields that were given, as recorded on the event (attachments have their own column). */
function eventPayload(p: Omit<CaseActionDto, 'expectedVersion'>): Record<string, unknown> {
  const { attachmentIds: _a, ...rest } = p;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

const statesCache = new Map<CaseAction, CaseState[]>();
/** The states from which the machine may accept `action` (for an ordinary case). */
function statesAllowing(action: CaseAction): CaseState[] {
  let states = statesCache.get(action);
  if (!states) {
    states = CASE_STATES.filter((state) =>
      [{}, { pendingExtension: { newDueAt: '2099-01-01T00:00:00Z', reason: 'x' } }].some((extra) =>
        possibleActions({ ...initialSnapshot({ severity: 'general', source: 'grid_patrol', category: 'air' }), state, ...extra }).includes(action),
      ),
    );
    statesCache.set(action, states);
  }
  return states;
}

