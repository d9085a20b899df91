import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { asCase, canSeePetitioners } from '@ecoloop/auth';
import {
  CHANNEL_SOURCES,
  PETITION_DEADLINE_KINDS,
  PETITION_LIMITS,
  actingRole,
  decidePetition,
  initialSnapshot,
  isPetitionAction,
  openPetition,
  petitionPeriodEnd,
  possiblePetitionActions,
  type Effect,
  type PetitionAction,
  type PetitionEffect,
  type PetitionPayload,
  type PetitionSnapshot,
  type PolicySubject,
  type Severity,
  type WorkCalendar,
  PETITION_SOURCES,
} from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { CaseExtensions, type CaseExtension, type TransitionContext } from '../cases/case-extensions.js';
import { toSnapshot, toSubject, type CaseRow } from '../cases/case-row.js';
import { CaseChange } from '../cases/writer/case-change.js';
import { CaseWriter, staleVersion } from '../cases/writer/case-writer.js';
import { CasesRepository, toHead, type CaseDetailRow } from '../cases/cases.repository.js';
import { CasesService, eventPayload } from '../cases/cases.service.js';
import type { CaseActionDto, CaseDto } from '../cases/dto/case.dto.js';
import { DEADLINE_SCHEDULER, type DeadlineScheduler } from '../deadlines/deadline-scheduler.js';
import { DeadlinePlanner, type PlannedDeadline } from '../deadlines/deadline-planner.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { CreatePetitionDto, PetitionDto } from './dto/petition.dto.js';
import { DOCUMENT_TITLES, renderPetitionDocument, type PetitionDocument } from './petition-documents.js';
import { PetitionsRepository, type PetitionRow } from './petitions.repository.js';

/** A little leeway for clocks when checking that a receipt time is not in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The case title of a petition: its content's first sentence, shortened. */
export function petitionTitle(content: string): string {
  const first = content.split(/[。！？\n]/)[0].trim() || content.trim();
  return first.length > 60 ? `${first.slice(0, 59)}…` : first;
}

/**
 * Petitions (DESIGN §9): registration, the petition actions on the case action endpoint, and the
 * petition's part in case details and merges. Every petition change is one case write: the case
 * row (version checked), its hash-chained event, its deadlines and the petition row together.
 */
@Injectable()
export class PetitionsService implements CaseExtension {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly writer: CaseWriter,
    private readonly caseRows: CasesRepository,
    private readonly petitions: PetitionsRepository,
    private readonly regions: RegionsRepository,
    private readonly planner: DeadlinePlanner,
    private readonly extensions: CaseExtensions,
    @Inject(DEADLINE_SCHEDULER) private readonly scheduler: DeadlineScheduler,
  ) {
    // At construction, not on module init: the demo seeders run before app.init() at startup (main.ts).
    this.extensions.register(this);
  }

  /** POST /petitions: the case (reported), its petition (registered) and the acceptance clock, in one transaction. */
  async create(user: RequestUser, dto: CreatePetitionDto, opts: { at?: Date } = {}): Promise<CaseDto> {
    const at = opts.at ?? new Date();
    const receivedAt = new Date(dto.receivedAt);
    if (receivedAt.getTime() > at.getTime() + CLOCK_SKEW_MS) {
      throw AppError.unprocessable('received_in_future', '收件时间不能晚于现在', [{ field: 'receivedAt', message: '收件时间不能晚于现在' }]);
    }
    const anonymousOnly = dto.petitioners.every((p) => p.anonymous);
    const unnamed = dto.petitioners.find((p) => !p.anonymous && !p.name);
    if (unnamed && !anonymousOnly) {
      throw AppError.unprocessable('petitioner_name_required', '请填写信访人姓名，或勾选匿名', [{ field: 'petitioners', message: '非匿名信访人应有姓名' }]);
    }
    const region = await this.regions.find(dto.regionCode);
    if (!region) throw AppError.unprocessable('unknown_region', `行政区划 ${dto.regionCode} 不存在`, [{ field: 'regionCode', message: '行政区划不存在' }]);

    const source = CHANNEL_SOURCES[dto.channel];
    const severity: Severity = dto.grade === 'group' ? 'major' : 'general';
    const subject = { source, category: dto.category, severity };
    const probe = toSubject({ regionPath: region.path, reporterId: user.id, source, severity }, initialSnapshot(subject));
    if (!user.ability.can('accept_petition', asCase(probe))) throw AppError.forbidden('只有本辖区的信访受理人员可以登记信访件');

    const calendar = await this.planner.calendar();
    const opened = openPetition({ channel: dto.channel, grade: dto.grade, receivedAt, calendar });
    const planned = await this.plan(opened.effects, subject, at);
    const { case: created } = await this.cases.create(
      user,
      {
        title: petitionTitle(dto.content),
        description: `${dto.content}\n\n信访请求：${dto.request}`,
        category: dto.category,
        source,
        severity,
        regionCode: dto.regionCode,
        lat: dto.lat,
        lng: dto.lng,
        address: dto.address,
        enterpriseCreditCode: dto.enterpriseCreditCode,
        attachmentIds: dto.attachmentIds,
      },
      undefined,
      {
        at,
        extraDeadlines: planned,
        within: (m, caseId) =>
          this.petitions.insert(m, caseId, { channel: dto.channel, grade: dto.grade, content: dto.content, request: dto.request, snapshot: opened.snapshot }, dto.petitioners),
      },
    );
    return created;
  }

  /** A printable document for the petitioners (HTML): only for those who may see the petitioners. */
  async document(user: RequestUser, caseId: string, document: PetitionDocument): Promise<string> {
    const row = await this.cases.visible(user, caseId);
    if (!canSeePetitioners(user.ability, toSubject(row, toSnapshot(row)))) throw AppError.forbidden('只有本辖区的信访受理人员可以打印信访文书');
    const petition = await this.petitions.find(row.id);
    if (!petition) throw AppError.notFound('信访件');
    const available =
      document === 'acceptance-notice' ? petition.acceptedAt !== null : document === 'non-acceptance-notice' ? petition.state === 'declined' : petition.replyCount > 0;
    if (!available) throw AppError.unprocessable('document_not_available', `本信访件尚不能出具${DOCUMENT_TITLES[document]}`);
    const events = await this.caseRows.events(row.id);
    const last = (action: PetitionAction) => [...events].reverse().find((e) => e.action === action);
    const decision = document === 'non-acceptance-notice' ? last('decline_petition') : document === 'handling-opinion' ? last('reply') : undefined;
    return renderPetitionDocument({
      document,
      code: row.code,
      bureau: await this.petitions.bureauName(row.regionPath),
      petition,
      petitioners: await this.petitions.petitioners(row.id),
      text: decision?.comment ?? null,
      decidedAt: decision ? new Date(decision.at).toISOString() : petition.acceptedAt,
      extensionReason: petition.extensionUsed ? (last('extend_reply')?.comment ?? null) : null,
    });
  }

  handles(action: string): boolean {
    return isPetitionAction(action);
  }

  /**
   * A petition action: CASL (403), version (409), the petition machine (422), then one case write
   * (CaseWriter: case row, event, deadlines, attachments) and the petition row in one transaction.
   */
  async act(user: RequestUser, first: CaseDetailRow, action: string, body: CaseActionDto, at: Date): Promise<void> {
    const act = action as PetitionAction;
    const { expectedVersion: _v, ...payload } = body;
    let row = first;
    // A reminder may have moved the chain without changing the version: read again and retry.
    for (let attempt = 1; ; attempt++) {
      if (!user.ability.can(act, asCase(toSubject(row, toSnapshot(row))))) throw AppError.forbidden('您无权办理此信访件');
      if (body.expectedVersion !== row.version) throw staleVersion([{ field: 'expectedVersion', message: `当前版本为 ${row.version}` }]);
      const petition = await this.petitions.find(row.id);
      if (!petition) throw AppError.unprocessable('not_a_petition', '此案件不是信访件');
      if (row.state === 'merged') throw AppError.unprocessable('not_possible', '已合并的信访件由合并后的信访件继续办理');

      const calendar = await this.planner.calendar();
      const result = decidePetition(snapshotOf(petition), { action: act, payload: payload as PetitionPayload, now: at, calendar });
      if (!result.ok) throw AppError.unprocessable(result.code, result.message, result.details);

      const planned = await this.plan(result.effects, row, at);
      const next = withPlannedReplyDue(result.next, result.effects, planned);
      const change = CaseChange.of(toHead(row));
      change.record(
        toSnapshot(row),
        toCaseEffects(result.effects, planned),
        planned,
        {
          actorId: user.id,
          actorName: user.displayName,
          actorRole: actingRole(user.roles, act),
          actorUnitId: user.unitId,
          action: act,
          fromState: row.state,
          toState: row.state,
          comment: payload.reason ?? payload.comment ?? payload.note ?? null,
          payload: { ...eventPayload(payload), petitionFrom: petition.state, petitionTo: next.state },
          attachmentIds: payload.attachmentIds ?? [],
          at,
        },
        { attachmentIds: payload.attachmentIds ?? [], uploadedBy: user.id },
      );
      const caseId = row.id;
      const written = await this.db.transaction(async (m) => {
        const outcome = await this.writer.write([change], m);
        if (!outcome.written.has(caseId)) return false;
        await this.petitions.update(m, caseId, next);
        return true;
      });
      if (written) {
        const ids = change.scheduleIds();
        if (ids.length) await this.scheduler.scheduleDeadlines(ids);
        return;
      }
      if (attempt >= 3) throw staleVersion();
      row = await this.cases.visible(user, caseId);
    }
  }

  /** The petition part of the detail: petitioners for those allowed, its actions in allowedActions. */
  async decorate(user: RequestUser, row: CaseRow, dto: CaseDto, now: Date): Promise<void> {
    // Most cases are no petition: no query for them on every case read and action.
    if (!PETITION_SOURCES.includes(row.source)) return;
    const petition = await this.petitions.find(row.id);
    if (!petition) return;
    const calendar = await this.planner.calendar();
    const subject = toSubject(row, toSnapshot(row));
    const view: PetitionDto = { ...toPetitionDto(petition), reviewWindowEndsAt: reviewWindowEnd(petition, calendar) };
    if (canSeePetitioners(user.ability, subject)) {
      view.petitioners = (await this.petitions.petitioners(row.id)).map(({ caseId: _c, ...p }) => p);
    }
    dto.petition = view;
    if (row.state !== 'merged') {
      const tagged = asCase(subject);
      dto.allowedActions = [...dto.allowedActions, ...possiblePetitionActions(snapshotOf(petition), now, calendar).filter((a) => user.ability.can(a, tagged))];
    }
  }

  /** A merged duplicate's petition clocks stop with the merge (its petitioners are answered on the surviving petition). */
  async effects(t: TransitionContext): Promise<Effect[]> {
    if (!this.takesPart(t) || !(await this.petitions.exists(t.row.id))) return [];
    return [{ type: 'settle_deadlines', kinds: [...PETITION_DEADLINE_KINDS], status: 'cancelled' }];
  }

  takesPart(t: TransitionContext): boolean {
    return t.action === 'merge' && !!t.payload.targetCaseId;
  }

  /** A merged duplicate petition hands its petitioners to the surviving one, in the merge's transaction. */
  async onTransition(m: EntityManager, t: TransitionContext): Promise<void> {
    if (!t.payload.targetCaseId) return;
    if (!(await this.petitions.exists(t.row.id, m))) return;
    await this.petitions.mergeInto(m, t.row.id, t.payload.targetCaseId);
  }

  /** Due and reminder times for the start / extend effects, in order (statutory, or by policy for hotlines). */
  private async plan(effects: PetitionEffect[], subject: PolicySubject, at: Date): Promise<PlannedDeadline[]> {
    const planned: PlannedDeadline[] = [];
    for (const e of effects) {
      if (e.type === 'start_deadline') planned.push(await this.planner.plan(e.kind, subject, new Date(e.from), e.dueAt));
      if (e.type === 'extend_deadline') planned.push(await this.planner.plan(e.kind, subject, at, e.dueAt));
    }
    return planned;
  }
}

function snapshotOf(p: PetitionRow): PetitionSnapshot {
  const { caseId: _c, content: _t, request: _r, petitionerCount: _n, ...snapshot } = p;
  return snapshot;
}

function toPetitionDto(p: PetitionRow): Omit<PetitionDto, 'reviewWindowEndsAt'> {
  const { caseId: _c, ...rest } = p;
  return rest;
}

/** Until when 复查 (or 复核) may be requested, or null when neither is open. */
function reviewWindowEnd(p: PetitionSnapshot, calendar: WorkCalendar): string | null {
  if ((p.state === 'replied' || p.state === 'concluded') && p.repliedAt) {
    return petitionPeriodEnd(p.repliedAt, PETITION_LIMITS.reviewRequestDays, calendar).toISOString();
  }
  if (p.state === 'reviewed' && p.reviewDecidedAt) return petitionPeriodEnd(p.reviewDecidedAt, PETITION_LIMITS.recheckRequestDays, calendar).toISOString();
  return null;
}

/** Hotline reply limits come from the policy: the planned due time is the one the petition keeps. */
function withPlannedReplyDue(next: PetitionSnapshot, effects: PetitionEffect[], planned: PlannedDeadline[]): PetitionSnapshot {
  const starts = effects.filter((e) => e.type === 'start_deadline' || e.type === 'extend_deadline');
  const i = starts.findIndex((e) => e.kind === 'petition_reply');
  return i >= 0 && next.replyDueAt === null && next.state === 'accepted' ? { ...next, replyDueAt: planned[i].dueAt.toISOString() } : next;
}

/** The petition's effects as the case write applies them (every due time already planned). */
function toCaseEffects(effects: PetitionEffect[], planned: PlannedDeadline[]): Effect[] {
  let next = 0;
  return effects.map((e): Effect => {
    switch (e.type) {
      case 'start_deadline':
        return { type: 'start_deadline', kind: e.kind, dueAt: planned[next++].dueAt.toISOString() };
      case 'extend_deadline':
        next += 1;
        return { type: 'extend_deadline', kind: e.kind, dueAt: e.dueAt };
      case 'settle_deadlines':
        return { type: 'settle_deadlines', kinds: e.kinds, status: e.status };
    }
  });
}
