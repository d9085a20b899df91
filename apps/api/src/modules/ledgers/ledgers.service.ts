import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { asCase, asLedger, type SqlScope } from '@ecoloop/auth';
import { type ActionPayload, type CaseSnapshot, type PolicySubject, type Severity } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError, type ErrorDetail } from '../../core/errors/app-error.js';
import { toSubject } from '../cases/case-row.js';
import { CaseChange, type NewEvent } from '../cases/writer/case-change.js';
import { DEADLINE_SCHEDULER, type DeadlineScheduler } from '../deadlines/deadline-scheduler.js';
import { DeadlinePlanner } from '../deadlines/deadline-planner.service.js';
import type {
  CountyProgressDto,
  CreateLedgerDto,
  CreateProgressDto,
  ImportResultDto,
  LedgerDetailDto,
  LedgerListDto,
  LedgerProgressDto,
  ListLedgersQueryDto,
  ReportBackDto,
  ReportBackViewDto,
} from './dto/ledger.dto.js';
import { caseStatus, countCase, emptyCounts, itemDueAt, itemStatus, type Counts } from './ledger-progress.js';
import { isInspectionLedger, rowKindOf, sortByRow, toLedgerDto } from './ledger-mappers.js';
import { duplicatesOfExisting, parseRows, resolveActions, type ParsedItem, type RawRow } from './ledger-rows.js';
import { STATE_LABELS, textDate } from './ledger-template.js';
import { templateListsFor, type TemplateLists } from './ledger-template-file.js';
import { MemoMachine } from './ledger-memo-machine.js';
import { reportedProgress, reportingUnit } from './ledger-reporting.js';
import { caseSubject, groupBy, toItemDto, toSheetRow, unique, type ItemView, type Refs } from './ledger-views.js';
import { readLedgerRowsIsolated } from './ledger-file-guard.js';
import type { LedgerSheetRow } from './ledger-xlsx.js';
import {
  ALL_CASES,
  casesWithin,
  exportScope,
  importRefused,
  ledgerScopes,
  LedgersRepository,
  type ItemCaseRow,
  type LedgerEventRow,
  type LedgerRow,
  type LedgerScopes,
} from './ledgers.repository.js';
import { isUuid } from '../../core/http/uuid.js';

export interface LedgerClock {
  /** Seeding and tests: when the change happens (defaults to now). */
  at?: Date;
}


/**
 * 台账 (DESIGN §3, §6): create, import with fan-out to cases, progress per row and per county,
 * export, 序时进展 and 交账. Permission first (CASL), then the machine, then one repository write.
 */
@Injectable()
export class LedgersService {
  constructor(
    private readonly repo: LedgersRepository,
    private readonly planner: DeadlinePlanner,
    @Inject(DEADLINE_SCHEDULER) private readonly scheduler: DeadlineScheduler,
  ) {}

  /** What the caller may read: ledgers handed to their jurisdiction, and ledgers with rows in it. */
  scopes(user: RequestUser): LedgerScopes {
    return ledgerScopes(user.ability);
  }

  async create(user: RequestUser, dto: CreateLedgerDto, clock: LedgerClock = {}): Promise<LedgerDetailDto> {
    const region = dto.regionCode ? await this.repo.region(dto.regionCode) : await this.repo.region(user.regionCode);
    if (!region) throw AppError.unprocessable('unknown_region', `Region ${dto.regionCode} does not exist`, [{ field: 'regionCode', message: '行政区划不存在' }]);
    if (!user.ability.can('create', asLedger({ regionPath: region.path }))) throw AppError.forbidden('You may not create ledgers for this region');
    const details: ErrorDetail[] = [];
    if (textDate(dto.issuedDate) !== dto.issuedDate) details.push({ field: 'issuedDate', message: '下发日期不是有效日期' });
    if (textDate(dto.dueDate) !== dto.dueDate) details.push({ field: 'dueDate', message: '交账日期不是有效日期' });
    else if (dto.dueDate < dto.issuedDate) details.push({ field: 'dueDate', message: '交账日期不能早于下发日期' });
    if (details.length) throw AppError.unprocessable('invalid_dates', details.map((d) => d.message).join('; '), details);

    const id = await this.repo.insertLedger(
      { ...dto, regionCode: region.code, regionPath: region.path, createdBy: user.id, at: clock.at ?? new Date() },
      { kind: 'created', regionCode: region.code, ...this.actor(user, 'dispatcher'), comment: null, payload: { title: dto.title, kind: dto.kind, source: dto.source } },
    );
    return this.get(user, id);
  }

  async list(user: RequestUser, q: ListLedgersQueryDto): Promise<LedgerListDto> {
    const { rows, total } = await this.repo.list(this.scopes(user), q.pageSize, (q.page - 1) * q.pageSize);
    return {
      items: rows.map((r) => ({ ...toLedgerDto(r), items: r.items, cases: r.cases, signedOff: r.signedOff, overdue: r.overdue })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(user: RequestUser, id: string, now = new Date()): Promise<LedgerDetailDto> {
    const ledger = await this.visible(user, id);
    const scopes = this.scopes(user);
    const [views, refs, events] = await Promise.all([this.itemViews(ledger, scopes.rows, now), this.refs(), this.repo.events(id, 'report_back')]);

    const total = emptyCounts();
    const counties = new Map<string, Counts & { regionName: string; itemIds: Set<string>; openItemIds: Set<string> }>();
    for (const v of views) {
      total.items++;
      if (itemStatus(v.statuses) === 'signed_off') total.itemsSignedOff++;
      v.cases.forEach((c, i) => {
        countCase(total, v.statuses[i]);
        const key = c.countyCode ?? c.regionCode;
        let county = counties.get(key);
        if (!county) counties.set(key, (county = { ...emptyCounts(), regionName: c.countyName ?? c.regionName, itemIds: new Set(), openItemIds: new Set() }));
        countCase(county, v.statuses[i]);
        county.itemIds.add(v.item.id);
        if (c.state !== 'closed') county.openItemIds.add(v.item.id);
      });
    }
    const reportBacks = this.visibleReportBacks(user, ledger, events);
    const lastReport = new Map<string, string>();
    for (const r of reportBacks) lastReport.set(r.regionCode, r.at);
    const countyDtos: CountyProgressDto[] = [...counties.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, c]) => ({
        regionCode: code,
        regionName: c.regionName,
        cases: c.cases,
        dispatched: c.dispatched,
        rectifying: c.rectifying,
        overdue: c.overdue,
        signedOff: c.signedOff,
        items: c.itemIds.size,
        itemsSignedOff: c.itemIds.size - c.openItemIds.size,
        reportedBackAt: lastReport.get(code) ?? null,
      }));

    const allowed: string[] = [];
    if (user.ability.can('import', asLedger(ledger))) allowed.push('import');
    if (user.ability.can('export', 'Ledger')) allowed.push('export');
    if (user.ability.can('report_back', 'Ledger')) allowed.push('report_back');
    return {
      ...toLedgerDto(ledger),
      progress: total,
      counties: countyDtos,
      items: views.map((v) => toItemDto(v, refs, now)),
      reportBacks,
      allowedActions: allowed,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Import

  /** POST /ledgers/:id/import: streams the uploaded .xlsx, then imports its rows (all or none). */
  async importFile(user: RequestUser, id: string, file: { path: string } | undefined): Promise<ImportResultDto> {
    if (!file) throw AppError.badRequest('file_required', 'A file is required in the multipart field "file"');
    const started = performance.now();
    const ledger = await this.importable(user, id);
    // Zip directory check, then parsing in a worker thread with a heap limit (bombs: 413).
    const read = await readLedgerRowsIsolated(file.path);
    if (!Array.isArray(read)) throw importRefused(read.fileErrors);
    const rows: RawRow[] = read;
    return this.importRows(user, ledger, rows, {}, started);
  }

  /**
   * Imports rows into a ledger: every row is checked first (units, regions, dates, duplicates in the
   * file and in the ledger); any error refuses the whole import with every row's errors (422).
   * Each row becomes a ledger_item and one case per county, built by the machine: `report` then
   * `dispatch` to the row's lead unit with the row's deadline, by the importing user. One transaction.
   */
  async importRows(user: RequestUser, ledgerOrId: LedgerRow | string, rows: RawRow[], clock: LedgerClock = {}, started = performance.now()): Promise<ImportResultDto> {
    const ledger = typeof ledgerOrId === 'string' ? await this.importable(user, ledgerOrId) : ledgerOrId;
    const at = clock.at ?? new Date();
    const [regions, units, ledgerRegion] = await Promise.all([this.repo.regionRefs(), this.repo.unitRefs(), this.repo.region(ledger.regionCode)]);
    const parsed = parseRows(rows, { regions, units, ledgerRegion: ledgerRegion!, jurisdictionPath: user.regionPath, now: at, ledgerDueDate: ledger.dueDate, rowKind: rowKindOf(ledger.kind) });
    const { items } = parsed;
    if (rows.length === 0) throw importRefused([{ row: 0, message: '没有数据行' }]);
    // Row errors name the sheet the rows were read from.
    const sheetOf = new Map(rows.map((r) => [r.row, r.sheet]));
    const withSheet = (list: ErrorDetail[]) => list.map((e) => (sheetOf.get(e.row ?? 0) ? { ...e, sheet: sheetOf.get(e.row ?? 0) } : e));
    const errors = withSheet(parsed.errors);
    // 811 task tables: rows under their 专项行动 (new actions are created with the import).
    const actions = ledger.kind === 'task_plan' ? resolveActions(items, await this.repo.actions(ledger.id)) : { errors: [], newActions: [] };
    errors.push(...withSheet(actions.errors));
    const newActions = actions.newActions.map((a) => ({ ...a, id: randomUUID() }));
    for (const item of items) {
      const created = item.action && !item.parentId ? newActions.find((a) => a.title === item.action!.title) : undefined;
      if (created) item.parentId = created.id;
    }

    const severity: Severity = isInspectionLedger(ledger.kind, ledger.source) ? 'major' : 'general';
    const drafts: CaseChange[] = [];
    const withIds = items.map((item) => ({ ...item, id: randomUUID() }));
    const machine = new MemoMachine(this.planner);
    for (const item of withIds) {
      for (const planned of item.cases) {
        const built = await this.buildCase(user, ledger, item, planned, severity, at, machine);
        if (typeof built === 'string') errors.push(...withSheet([{ row: item.row, column: '县（市、区）', message: built }]));
        else drafts.push(built);
      }
    }
    if (errors.length) throw importRefused(sortByRow(errors));
    await this.repo.writeImport(
      ledger.id,
      withIds,
      drafts,
      {
        kind: 'imported',
        regionCode: null,
        ...this.actor(user, 'dispatcher'),
        comment: null,
        payload: { items: withIds.length, cases: drafts.length, seqFrom: Math.min(...withIds.map((i) => i.seq)), seqTo: Math.max(...withIds.map((i) => i.seq)) },
        at,
      },
      (existing) => sortByRow(withSheet(duplicatesOfExisting(items, existing))),
      newActions,
    );
    const durationMs = Math.round(performance.now() - started);
    // After commit. Not awaited: a large import has thousands of timers, and the scheduler's
    // reconciler enqueues from the database whatever this misses.
    const deadlineIds = drafts.flatMap((d) => d.scheduleIds());
    if (deadlineIds.length) void this.scheduler.scheduleDeadlines(deadlineIds).catch(() => undefined);
    return { ledgerId: ledger.id, items: withIds.length, cases: drafts.length, durationMs };
  }

  /** One case of a row, opened and dispatched by the machine; a string when the user may not. */
  private async buildCase(
    user: RequestUser,
    ledger: LedgerRow,
    item: ParsedItem & { id: string },
    planned: ParsedItem['cases'][number],
    severity: Severity,
    at: Date,
    machine: MemoMachine,
  ): Promise<CaseChange | string> {
    const opened = machine.open({ severity, source: ledger.source, category: item.category });
    const subjectOf = (s: CaseSnapshot) => asCase(toSubject({ regionPath: planned.regionPath, reporterId: user.id, source: ledger.source, severity }, s));
    if (!user.ability.can('create', subjectOf(opened.snapshot))) return `您无权在「${planned.regionName}」建立案件`;
    if (!user.ability.can('dispatch', subjectOf(opened.snapshot))) return `您无权交办「${planned.regionName}」的案件`;

    const policy: PolicySubject = { source: ledger.source, category: item.category, severity };
    const draft = CaseChange.create(
      {
        lat: null,
        lng: null,
        enterpriseCreditCode: null,
        reporterName: null,
        reporterPhone: null,
        ledgerId: ledger.id,
        ledgerItemId: item.id,
        title: item.title,
        description: item.description,
        category: item.category,
        source: ledger.source,
        severity,
        regionCode: planned.regionCode,
        regionPath: planned.regionPath,
        address: planned.address,
        reporterId: user.id,
        createdAt: at,
      },
      opened.snapshot,
    );
    const actor = this.actor(user, 'dispatcher');
    draft.record(opened.snapshot, opened.effects, await machine.plan(opened.effects, policy, at), {
      ...actor,
      action: 'report',
      fromState: null,
      toState: opened.snapshot.state,
      comment: null,
      payload: { title: item.title, category: item.category, source: ledger.source, severity, regionCode: planned.regionCode, ledgerId: ledger.id, ledgerItemId: item.id },
      attachmentIds: [],
      at,
    });

    const payload: ActionPayload = {
      leadUnitId: planned.leadUnitId,
      ...(planned.coUnitIds.length ? { coUnitIds: planned.coUnitIds } : {}),
      dueAt: item.dueAt,
    };
    const comment = `${ledger.title} 第 ${item.seq} 项`;
    const result = machine.decide(draft.snapshot, { action: 'dispatch', payload, actorLevel: user.regionLevel, now: at });
    if (!result.ok) return `无法交办：${result.message}`;
    draft.record(result.next, result.effects, await machine.plan(result.effects, policy, at), {
      ...actor,
      action: 'dispatch',
      fromState: draft.snapshot.state,
      toState: result.next.state,
      comment,
      payload: { ...payload, comment },
      attachmentIds: [],
      at,
    });
    return draft;
  }

  private async importable(user: RequestUser, id: string): Promise<LedgerRow> {
    const ledger = await this.visible(user, id);
    if (!user.ability.can('import', asLedger(ledger))) throw AppError.forbidden('You may not import into this ledger');
    return ledger;
  }

  // -------------------------------------------------------------------------------------------
  // Export

  /** The rows of GET /ledgers/:id/export: the rows with cases in the caller's export scope. */
  async exportRows(user: RequestUser, id: string, now = new Date()): Promise<{ ledger: LedgerRow; rows: LedgerSheetRow[] }> {
    const ledger = await this.visible(user, id);
    const scope = exportScope(user.ability);
    if (scope.sql === 'FALSE') throw AppError.forbidden('You may not export this ledger');
    const [views, refs, actions] = await Promise.all([this.itemViews(ledger, scope, now), this.refs(), ledger.kind === 'task_plan' ? this.repo.actions(ledger.id) : []]);
    refs.actions = new Map(actions.map((a) => [a.id, a]));
    return { ledger, rows: views.map((v) => toSheetRow(v, refs, now)) };
  }

  // -------------------------------------------------------------------------------------------
  // 序时进展 and 交账

  async addProgress(user: RequestUser, id: string, itemId: string, dto: CreateProgressDto, clock: LedgerClock = {}): Promise<LedgerProgressDto> {
    await this.visible(user, id);
    const item = isUuid(itemId) ? await this.repo.item(id, itemId) : null;
    if (!item) throw AppError.notFound('台账事项');
    const cases = await this.repo.cases(id, ALL_CASES, itemId);
    const mine = cases.filter((c) => user.ability.can('report_progress', asCase(caseSubject(c))));
    const unit = reportingUnit(user, cases, mine, {
      notAUnit: 'Only the lead unit or a co-unit of this item may report its progress',
      signedOff: 'The item is signed off; no more progress reports',
    });
    const at = clock.at ?? new Date();
    const percent = dto.percent ?? null;
    const progressId = await this.repo.insertProgress({ ledgerId: id, itemId, period: dto.period, note: dto.note, percent, ...unit, authorId: user.id, authorName: user.displayName, at });
    return reportedProgress(user, { id: progressId, itemId, period: dto.period, note: dto.note, percent, at, quarterly: false, attachmentIds: [] }, unit);
  }

  /**
   * 交账: a county's supervisor reports the county's part back once every row case in the county is
   * signed off or explicitly explained; otherwise 422 listing the open rows.
   */
  async reportBack(user: RequestUser, id: string, dto: ReportBackDto, clock: LedgerClock = {}): Promise<ReportBackViewDto> {
    const ledger = await this.visible(user, id);
    const county = await this.repo.region(dto.regionCode);
    if (!county || county.level !== 'county') {
      throw AppError.unprocessable('not_a_county', 'regionCode must be a county (县（市、区）)', [{ field: 'regionCode', message: '须为县（市、区）' }]);
    }
    if (!user.ability.can('report_back', asLedger({ regionPath: county.path }))) throw AppError.forbidden(`You may not report back for ${county.name}`);
    const [cases, items] = await Promise.all([this.repo.cases(id, casesWithin(county.path)), this.repo.items(id)]);
    if (cases.length === 0) throw AppError.unprocessable('nothing_to_report', `This ledger has no rows in ${county.name}`);

    const itemById = new Map(items.map((i) => [i.id, i]));
    const countyItems = new Map<string, ItemCaseRow[]>();
    for (const c of cases) countyItems.set(c.itemId, [...(countyItems.get(c.itemId) ?? []), c]);
    const explained = new Map<string, string>();
    const details: ErrorDetail[] = [];
    for (const e of dto.explanations ?? []) {
      if (!countyItems.has(e.itemId)) details.push({ field: 'explanations', message: `item ${e.itemId} is not a row of this ledger in ${county.name}` });
      else explained.set(e.itemId, e.note);
    }
    if (details.length) throw AppError.unprocessable('unknown_item', 'Explanations name rows that are not in this county', details);

    const open = [...countyItems.entries()]
      .filter(([itemId, list]) => list.some((c) => c.state !== 'closed') && !explained.has(itemId))
      .map(([itemId, list]) => ({ item: itemById.get(itemId)!, list }))
      .sort((a, b) => a.item.seq - b.item.seq);
    if (open.length) {
      throw AppError.unprocessable(
        'ledger_items_open',
        `${open.length} row(s) in ${county.name} are neither signed off nor explained`,
        open.map(({ item, list }) => ({
          row: item.seq,
          field: 'explanations',
          message: `序号 ${item.seq}「${item.title}」尚未销号（${[...new Set(list.filter((c) => c.state !== 'closed').map((c) => STATE_LABELS[c.state]))].join('、')}）`,
        })),
      );
    }
    const at = clock.at ?? new Date();
    const signedOffItems = [...countyItems.values()].filter((list) => list.every((c) => c.state === 'closed')).length;
    const explanations = [...explained.entries()].map(([itemId, note]) => ({ itemId, seq: itemById.get(itemId)!.seq, note }));
    const eventId = await this.repo.appendEvent(ledger.id, {
      kind: 'report_back',
      regionCode: county.code,
      ...this.actor(user, 'supervisor'),
      comment: dto.comment,
      payload: { items: countyItems.size, signedOffItems, explanations },
      at,
    });
    return { id: eventId, regionCode: county.code, regionName: county.name, comment: dto.comment, explanations, signedOffItems, actorName: user.displayName, at: at.toISOString() };
  }

  // -------------------------------------------------------------------------------------------

  /** The template's dropdowns: categories, and the counties and active units of the caller's jurisdiction. */
  async templateLists(user: RequestUser): Promise<TemplateLists> {
    const [regions, units] = await Promise.all([this.repo.regionRefs(), this.repo.unitRefs()]);
    return templateListsFor(user.regionPath, regions, units);
  }

  /** A ledger the caller may see (404 otherwise). */
  visibleLedger(user: RequestUser, id: string): Promise<LedgerRow> {
    return this.visible(user, id);
  }

  private async visible(user: RequestUser, id: string): Promise<LedgerRow> {
    if (!isUuid(id)) throw AppError.notFound('台账');
    const ledger = await this.repo.findVisible(id, this.scopes(user));
    if (!ledger) throw AppError.notFound('台账');
    return ledger;
  }

  /** The rows of a ledger the caller may read, each cut down to the part they cover. */
  readableViews(user: RequestUser, ledger: LedgerRow, now: Date): Promise<ItemView[]> {
    return this.itemViews(ledger, this.scopes(user).rows, now);
  }

  /** The rows of a ledger with cases in `scope`, each cut down to the part the scope covers. */
  private async itemViews(ledger: LedgerRow, scope: SqlScope, now: Date): Promise<ItemView[]> {
    const [items, cases, progress] = await Promise.all([this.repo.items(ledger.id), this.repo.cases(ledger.id, scope), this.repo.progress(ledger.id)]);
    const casesByItem = groupBy(cases, (c) => c.itemId);
    const progressByItem = groupBy(progress, (p) => p.itemId);
    const views: ItemView[] = [];
    for (const item of items) {
      const list = casesByItem.get(item.id);
      if (!list) continue;
      const dueAt = itemDueAt(item.dueDate);
      const whole = list.length === item.caseCount;
      const countyCodes = whole ? item.countyCodes : item.countyCodes.filter((code) => list.some((c) => c.countyCode === code));
      const unitsOf = (c: ItemCaseRow) => [c.leadUnitId, ...c.coUnitIds];
      const involved = new Set(list.flatMap(unitsOf));
      const leadUnitIds = unique(list.map((c) => c.leadUnitId).filter((x): x is string => !!x));
      views.push({
        item,
        cases: list,
        statuses: list.map((c) => caseStatus(c, dueAt, now)),
        whole,
        countyCodes,
        townCodes: item.townCodes,
        leadUnitIds: leadUnitIds.length ? leadUnitIds : item.leadUnitIds,
        coUnitIds: unique(list.flatMap((c) => c.coUnitIds)).filter((u) => !leadUnitIds.includes(u)),
        progress: (progressByItem.get(item.id) ?? []).filter((p) => whole || involved.has(p.unitId)),
        dueAt,
      });
    }
    return views;
  }

  private async refs(): Promise<Refs> {
    const [regions, units] = await Promise.all([this.repo.regionRefs(), this.repo.unitRefs()]);
    return { regions: new Map(regions.map((r) => [r.code, r])), units: new Map(units.map((u) => [u.id, u])) };
  }

  /** Report-backs of counties the caller may see (all for whoever sees the whole ledger). */
  private visibleReportBacks(user: RequestUser, ledger: LedgerRow, events: LedgerEventRow[]): ReportBackViewDto[] {
    const whole = user.ability.can('read', asLedger(ledger));
    return events
      .filter((e) => e.regionCode && (whole || (e.regionPath && user.ability.can('read', asLedger({ regionPath: e.regionPath })))))
      .map((e) => ({
        id: e.id,
        regionCode: e.regionCode!,
        regionName: e.regionName ?? e.regionCode!,
        comment: e.comment ?? '',
        explanations: (e.payload.explanations as ReportBackViewDto['explanations']) ?? [],
        signedOffItems: Number(e.payload.signedOffItems ?? 0),
        actorName: e.actorName,
        at: new Date(e.at).toISOString(),
      }));
  }

  private actor(user: RequestUser, preferred: string): Pick<NewEvent, 'actorName' | 'actorRole' | 'actorUnitId'> & { actorId: string } {
    return { actorId: user.id, actorName: user.displayName, actorRole: user.roles.includes(preferred as never) ? preferred : user.roles[0], actorUnitId: user.unitId };
  }
}
