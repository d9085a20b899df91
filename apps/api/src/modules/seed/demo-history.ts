import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { asCase } from '@ecoloop/auth';
import {
  actingRole,
  decide,
  decideAutoSupervise,
  isDrawnForSpotCheck,
  levelAbove,
  type ActionPayload,
  type AdminLevel,
  type CaseAction,
  type CaseSource,
  type Effect,
  type RegionLevel,
  type Severity,
} from '@ecoloop/workflow';
import { AppConfig } from '../../core/config/app-config.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { addMonths, monthStart, shanghaiMonth } from '../../core/months.js';
import { AttachmentStorage } from '../attachments/attachment-storage.js';
import { eventPayload } from '../cases/case-rules.js';
import { toSubject } from '../cases/case-row.js';
import { CasesService } from '../cases/cases.service.js';
import { CaseChange } from '../cases/writer/case-change.js';
import { CaseWriter } from '../cases/writer/case-writer.js';
import { DEADLINE_SCHEDULER, type DeadlineScheduler } from '../deadlines/deadline-scheduler.js';
import { DeadlinePlanner, type PlannedDeadline } from '../deadlines/deadline-planner.service.js';
import { SYSTEM_ACTOR } from '../deadlines/jobs/timer-messages.js';
import { RiskWarningsService } from '../risk-warnings/risk-warnings.service.js';
import { DemoCasesSeeder, PROBLEMS, rng } from './demo-cases.js';
import { demoPhoto } from './demo-photo.js';
import { type Area, BY_SOURCE, GOOD, HISTORY_AREAS, type HistoryTown, INSTRUCTION, MARINE, OUTSIDE_SOURCES, POOR, PUBLIC_SOURCES, SELF_SOURCES } from './demo-history-data.js';

class Stop extends Error {}

/** One case being lived through in memory: the machine's decisions applied to a CaseChange at past times. */
interface Sim {
  change: CaseChange;
  facts: { regionPath: string; reporterId: string | null; source: CaseSource; severity: Severity; category: string };
  at: number;
}

/**
 * Twelve months of history in every county and function zone (DESIGN §8, §12): cases created and
 * handled at past times by the demo users — every step decided by the machine and allowed by CASL,
 * deadlines planned by the policies, overdue marks and automatic 督办 as the timers would have
 * written them — and written by CaseWriter in a few statements. Then the past months' risk
 * warnings are issued by the real issuing code, oldest first, so history, trends and rankings are real.
 */
@Injectable()
export class DemoHistorySeeder {
  private readonly logger = new Logger(DemoHistorySeeder.name);
  private attachments: { id: string; sha256: string; size: number; name: string; uploadedBy: string }[] = [];
  private photos: { sha: string; size: number }[] = [];
  private actions = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly demo: DemoCasesSeeder,
    private readonly cases: CasesService,
    private readonly writer: CaseWriter,
    private readonly planner: DeadlinePlanner,
    private readonly warnings: RiskWarningsService,
    private readonly config: AppConfig,
    @Inject(DEADLINE_SCHEDULER) private readonly scheduler: DeadlineScheduler,
  ) {}

  /** Seeds once: nothing happens when warnings were issued or cases older than ten months exist (the other seeders go back seven). */
  async seedIfAbsent(now = new Date()): Promise<{ cases: number; warnings: number; actions: Record<string, number> } | null> {
    const [{ n }] = await this.db.query(
      `SELECT (SELECT count(*) FROM risk_warning WHERE issued_at IS NOT NULL) + (SELECT count(*) FROM "case" WHERE created_at < $1)::int AS n`,
      [new Date(now.getTime() - 300 * 86_400_000)],
    );
    if (Number(n) > 0) return null;
    const started = performance.now();
    const made = await this.seedCases(now);
    const warnings = await this.issueWarnings(now);
    this.logger.log(`demo history: ${made} cases and ${warnings} monthly warnings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { cases: made, warnings, actions: Object.fromEntries(this.actions) };
  }

  async seedCases(now = new Date()): Promise<number> {
    const storage = new AttachmentStorage(this.config.storageDir);
    for (const hue of [20, 90, 200]) {
      const png = demoPhoto(160, 120, hue);
      this.photos.push({ sha: await storage.storeBuffer(png), size: png.length });
    }
    const regions = new Map<string, { code: string; path: string; level: RegionLevel }>(
      (await this.db.query(`SELECT code, path, level FROM region WHERE level IN ('county', 'town', 'grid')`)).map((r: { code: string; path: string; level: RegionLevel }) => [r.code, r]),
    );
    const r = rng(20251201);
    const end = now.getTime() - 60_000;
    const thisMonth = shanghaiMonth(now);
    const sims: Sim[] = [];
    const worst: string[] = [];
    for (const area of HISTORY_AREAS) {
      for (let ago = 12; ago >= 0; ago--) {
        if (ago === area.quietMonth) continue;
        const month = addMonths(thisMonth, -ago);
        const start = new Date(monthStart(month)).getTime();
        const monthEnd = Math.min(new Date(monthStart(addMonths(month, 1))).getTime(), end);
        // This month so far: as many as the days gone by allow.
        const share = (monthEnd - start) / (30 * 86_400_000);
        const count = Math.round(r.int(...area.profile.perMonth) * Math.min(1, share));
        for (let i = 0; i < count; i++) {
          const createdAt = start + r.next() * (monthEnd - start);
          const sim = await this.live(area, r, createdAt, end, regions);
          if (sim) {
            sims.push(sim);
            if (area.code === '330421' && sim.change.snapshot.state === 'rectifying') worst.push(sim.change.id);
          }
        }
      }
    }
    if (this.attachments.length) {
      await this.db.query(
        `INSERT INTO attachment (id, sha256, size, mime, original_name, uploaded_by)
         SELECT x.id, x.sha256, x.size, 'image/png', x.name, x.uploaded_by
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, sha256 text, size int, name text, uploaded_by uuid)`,
        [JSON.stringify(this.attachments.map((a) => ({ id: a.id, sha256: a.sha256, size: a.size, name: a.name, uploaded_by: a.uploadedBy })))],
      );
    }
    const changes = sims.map((s) => s.change);
    const outcome = await this.writer.write(changes);
    if (outcome.stale.length) throw new Error(`demo history: ${outcome.stale.length} cases were not written`);
    const pending = changes.flatMap((c) => c.scheduleIds());
    if (pending.length) await this.scheduler.scheduleDeadlines(pending);

    // The city leader acts on the worst county's open cases through the real service (批示, 包案), notifying the people on them.
    const leader = await this.demo.user('leader.city');
    for (const [i, id] of worst.slice(-3).entries()) {
      let c = await this.cases.get(leader, id);
      c = await this.cases.act(leader, id, 'instruct', { expectedVersion: c.version, comment: INSTRUCTION } as never);
      this.count('instruct');
      if (i === 0) {
        await this.cases.act(leader, id, 'take_charge', { expectedVersion: c.version, comment: '本人包案督办，每周报送进展' } as never);
        this.count('take_charge');
      }
    }
    return changes.length;
  }

  /** Issues the twelve finished months' warnings, oldest first, through the real issuing code. */
  async issueWarnings(now = new Date()): Promise<number> {
    let issued = 0;
    const thisMonth = shanghaiMonth(now);
    for (let ago = 12; ago >= 1; ago--) issued += (await this.warnings.issue(addMonths(thisMonth, -ago), now)).issued;
    return issued;
  }

  /** One case from its report to wherever its life has got by `end`. */
  private async live(area: Area, r: ReturnType<typeof rng>, createdAt: number, end: number, regions: Map<string, { code: string; path: string; level: RegionLevel }>): Promise<Sim | null> {
    const p = area.profile;
    const town = r.pick(area.towns);
    const self = r.chance(p.selfShare);
    let source = self ? r.pick(SELF_SOURCES) : r.pick(OUTSIDE_SOURCES);
    // Inspection batches are rare: at most one in ten outside-found cases.
    if ((source === 'central_inspection' || source === 'provincial_inspection') && !r.chance(0.35)) source = 'city_inspection';
    // A town without its own staff (and grid) has no one to sign off a grid case: its patrols are the county's checks.
    if (source === 'grid_patrol' && !town.grid && !town.staff) source = 'enforcement_check';
    const place = r.pick(town.villages);
    const problem = area.code === '330472' && r.chance(0.3) ? MARINE : BY_SOURCE[source] && r.chance(0.6) ? r.pick(BY_SOURCE[source]!) : r.pick(PROBLEMS);
    const severity: Severity = self ? (r.chance(0.05) ? 'major' : 'general') : r.chance(p.externalMajor) ? 'major' : 'general';
    const grid = source === 'grid_patrol' ? town.grid : undefined;
    const regionCode = grid ? grid[0] : town.code;
    const region = regions.get(regionCode)!;
    const reporterName = grid ? grid[1] : `dispatcher.${source === 'grid_patrol' && town.staff ? town.staff : area.staff}`;
    const reporter = await this.demo.user(reporterName);
    const publicReport = PUBLIC_SOURCES.includes(source);
    const dispatcher = (c: CaseChange) => (c.snapshot.ownerLevel === 'town' && town.staff ? `dispatcher.${town.staff}` : `dispatcher.${area.staff}`);
    const photo = (username: string, which: number) => this.photo(username, which);

    const change = await this.cases.reportChange(
      {
        title: problem.title.replace('{place}', place),
        description: problem.description.replace('{place}', place),
        category: problem.category,
        source,
        severity,
        regionCode,
        lat: Number((town.lat + (r.next() - 0.5) * 0.04).toFixed(5)),
        lng: Number((town.lng + (r.next() - 0.5) * 0.04).toFixed(5)),
        address: `${area.name}${place}${r.int(1, 200)}号附近`,
        ...(publicReport ? { reporterName: r.pick(['张先生', '李女士', '王先生', '陈女士', '赵先生', '周女士', '沈先生', '徐女士']), reporterPhone: `138${r.int(10000000, 99999999)}` } : {}),
        attachmentIds: grid ? [await photo(reporterName, 0)] : [],
      },
      region,
      { actorId: reporter.id, actorName: reporter.displayName, actorRole: grid ? 'grid_inspector' : 'dispatcher', actorUnitId: reporter.unitId, uploadedBy: reporter.id },
      new Date(createdAt),
    );
    this.count('report');
    const sim: Sim = { change, facts: { regionPath: region.path, reporterId: reporter.id, source, severity, category: problem.category }, at: createdAt };
    const hours = (range: [number, number]) => r.int(range[0], range[1]);
    const act = (username: string, action: CaseAction, payload: Record<string, unknown>, after: number) => this.act(sim, username, action, payload, after, end);

    // What the timers would have written by now.
    const finish = async () => {
      await this.tick(sim, end);
      return sim;
    };
    try {
      if (r.chance(0.04) && !grid) {
        await act(dispatcher(change), 'reject', { reason: '经现场核实，反映问题不属实，已向来电人说明' }, hours(p.respondHours));
        return await finish();
      }
      if (grid && severity === 'general' && r.chance(0.15)) {
        await act(grid[1], 'resolve_on_spot', { attachmentIds: [await photo(grid[1], 1)] }, 1);
        await this.signOff(sim, area, town, r, end);
        return await finish();
      }
      // 1530 (open burning): a disciplined area dispatches within the minute and puts the fire out within 30 minutes.
      if (problem.category === 'air.open_burning' && p !== POOR && r.chance(p === GOOD ? 0.9 : 0.6)) {
        await act(dispatcher(change), 'dispatch', { leadUnitId: await this.demo.unitId(town.unit) }, 0.01);
        await act(town.handler, 'sign_for', {}, 0.05);
        await act(town.handler, 'submit_completion', { measures: '已到场扑灭火点，清理焚烧残留物并对农户开展劝导', attachmentIds: [await photo(town.handler, 1)] }, r.int(15, 22) / 60);
        await this.signOff(sim, area, town, r, end);
        return await finish();
      }
      if (r.chance(0.5)) await act(dispatcher(change), 'accept', {}, hours(p.respondHours) / 2);
      const coUnitIds = area.coUnits.length && r.chance(0.3) ? [await this.demo.unitId(r.pick(area.coUnits))] : undefined;
      // 南湖区 sometimes hands a 凤桥镇 case to 余新镇 first: the handler returns it, or the county reassigns it.
      const wrongTown = area.code === '330402' && town.code === '330402100' && r.chance(0.12);
      const leadUnit = wrongTown ? '余新镇生态办' : town.unit;
      await act(dispatcher(change), 'dispatch', { leadUnitId: await this.demo.unitId(leadUnit), ...(coUnitIds ? { coUnitIds } : {}) }, hours(p.respondHours));
      let handler = wrongTown ? 'handler.yuxin' : town.handler;
      if (wrongTown && r.chance(0.5)) {
        await act(handler, 'return', { reason: '该点位位于凤桥镇辖区，不属于本单位职责范围，请重新交办' }, r.int(2, 10));
        await act(dispatcher(change), 'dispatch', { leadUnitId: await this.demo.unitId(town.unit) }, r.int(1, 6));
        handler = town.handler;
      } else if (wrongTown) {
        await act(`dispatcher.${area.staff}`, 'reassign', { leadUnitId: await this.demo.unitId(town.unit), reason: '经核实问题点位属凤桥镇，改由凤桥镇生态办牵头整改' }, r.int(2, 10));
        handler = town.handler;
      } else if (area.code === '330472' && problem === MARINE && r.chance(0.6)) {
        await act(`dispatcher.${area.staff}`, 'reassign', { leadUnitId: await this.demo.unitId('嘉兴海事局'), reason: '船舶污染属海事部门监管职责，改由嘉兴海事局牵头处置' }, r.int(2, 12));
        handler = 'handler.haishi';
      }
      if (r.chance(0.05) && area.code !== '330402') {
        await act(handler, 'return', { reason: '涉及多部门职责，需县级统筹后重新交办' }, hours(p.respondHours));
        await act(dispatcher(change), 'dispatch', { leadUnitId: await this.demo.unitId(town.unit), ...(coUnitIds ? { coUnitIds } : {}) }, hours(p.respondHours));
        handler = town.handler;
      }
      await act(handler, 'sign_for', {}, hours(p.respondHours));
      const rectifyHours = r.int(p.rectifyDays[0], p.rectifyDays[1]) * 24;
      if (r.chance(0.6)) await act(handler, 'report_progress', { note: r.pick(['已现场核查，制定整改方案，正在组织整改', '已责令停止违法行为，正在清理现场', '已约谈企业负责人，整改工作有序推进']) }, rectifyHours / 3);
      if (r.chance(0.06)) {
        await act(handler, 'request_extension', { newDueAt: new Date(sim.at + 30 * 86_400_000).toISOString(), reason: '涉及管网改造，施工周期较长' }, 12);
        await act(dispatcher(change), 'decide_extension', r.chance(0.8) ? { approve: true, comment: '同意延期，请按新时限完成' } : { approve: false, comment: '整改难度不大，不同意延期' }, r.int(2, 24));
      }
      // 督办 by the level above the owner: the county over its towns' cases, the city over the county's.
      if (sim.change.snapshot.supervisionLevel === null && r.chance(p === POOR ? 0.25 : 0.06)) {
        const above = change.snapshot.ownerLevel === 'town' ? `supervisor.${area.staff}` : 'supervisor.city';
        await act(above, 'supervise', { note: '请于期限内整改到位并报送整改情况', dueAt: new Date(sim.at + 10 * 86_400_000).toISOString() }, 2);
      } else if (r.chance(0.06)) {
        await act(dispatcher(change), 'remind', { note: '请加快办理进度' }, 6);
      }
      const measures = '已完成整改：清理现场、责令停止违法行为并落实长效管理措施';
      await act(handler, 'submit_completion', { measures, attachmentIds: [await photo(handler, 1)] }, (rectifyHours * 2) / 3);
      if (r.chance(p.rework)) {
        const level = sim.change.snapshot.signoffSteps[0];
        await act(this.supervisorAt(level, area, town), 'reject_completion', { reason: '整改佐证材料不充分，请补充整改前后对比照片' }, hours(p.respondHours));
        await act(handler, 'submit_completion', { measures: `${measures}，已补充整改前后对比照片`, attachmentIds: [await photo(handler, 1)] }, r.int(24, 96));
      }
      await this.signOff(sim, area, town, r, end);
      // The county spot-checks the drawn share of its towns' closures (§11).
      if (sim.change.snapshot.state === 'closed' && sim.change.snapshot.signoffSteps.at(-1) === 'town' && isDrawnForSpotCheck(change.id)) {
        const fail = r.chance(p.relapse);
        await act(`supervisor.${area.staff}`, 'spot_check', fail ? { approve: false, comment: '县级抽查发现问题反弹，重新整改' } : { approve: true, comment: '县级抽查整改到位' }, 24 * r.int(3, 10));
        if (fail) await this.finishAgain(sim, area, town, handler, r, end);
      }
      // 回头看 of major and inspection cases.
      if (sim.change.snapshot.state === 'closed' && sim.change.summary().deadlineKind === 'review') {
        const fail = r.chance(p.relapse);
        const reviewer = r.chance(0.5) ? 'supervisor.city' : `supervisor.${area.staff}`;
        if (fail) {
          await act(reviewer, 'review_fail', { reason: '回头看发现问题反弹，现场仍有污水直排', attachmentIds: [await photo(reviewer, 2)] }, 24 * r.int(20, 35));
          await this.finishAgain(sim, area, town, handler, r, end);
        } else {
          await act(reviewer, 'review_pass', { comment: '回头看未发现反弹' }, 24 * r.int(20, 35));
        }
      }
    } catch (err) {
      if (!(err instanceof Stop)) throw err;
    }
    return finish();
  }

  /** A relapse or a failed spot check: rectified again and signed off again. */
  private async finishAgain(sim: Sim, area: Area, town: HistoryTown, handler: string, r: ReturnType<typeof rng>, end: number): Promise<void> {
    const p = area.profile;
    await this.act(sim, handler, 'submit_completion', { measures: '已重新整改：彻底清理并安装在线监控，落实专人巡查', attachmentIds: [await this.photo(handler, 1)] }, r.int(p.rectifyDays[0], p.rectifyDays[1]) * 24, end);
    await this.signOff(sim, area, town, r, end);
  }

  private async signOff(sim: Sim, area: Area, town: HistoryTown, r: ReturnType<typeof rng>, end: number): Promise<void> {
    while (sim.change.snapshot.state === 'pending_verification') {
      const level = sim.change.snapshot.signoffSteps[sim.change.snapshot.signoffIndex];
      const comment = level === 'city' ? '市级复核通过，同意销号' : '经现场核查，整改到位，同意销号';
      await this.act(sim, this.supervisorAt(level, area, town), 'approve', { comment }, r.int(area.profile.respondHours[0], area.profile.respondHours[1] + 24), end);
    }
  }

  private supervisorAt(level: string, area: Area, town: HistoryTown): string {
    return level === 'town' ? `supervisor.${town.staff}` : level === 'city' ? 'supervisor.city' : `supervisor.${area.staff}`;
  }

  /**
   * One action `after` hours after the last, as CasesService.act would do it: CASL, the machine, the
   * deadlines planned; the timers' overdue marks and automatic 督办 first. Past `end`, the case stops.
   */
  private async act(sim: Sim, username: string, action: CaseAction, payload: Record<string, unknown>, after: number, end: number): Promise<void> {
    const at = sim.at + Math.max(0.01, after) * 3_600_000;
    if (at > end) throw new Stop();
    await this.tick(sim, at);
    sim.at = at;
    const user = await this.demo.user(username);
    const { change, facts } = sim;
    const subject = asCase(toSubject({ ...facts, id: change.id }, change.snapshot));
    if (!user.ability.can(action, subject)) throw new Error(`demo history: ${username} may not ${action} a ${change.snapshot.state} case`);
    const now = new Date(at);
    const result = decide(change.snapshot, { action, payload: payload as ActionPayload, actorLevel: user.regionLevel, now });
    if (!result.ok) throw new Error(`demo history: ${action} by ${username} refused: ${result.message}`);
    if (action === 'take_charge') change.takenById = user.id;
    const p = payload as ActionPayload & { reason?: string; note?: string; measures?: string };
    change.record(
      result.next,
      result.effects,
      await this.planner.planEffects(result.effects, facts, now, user.regionLevel),
      {
        actorId: user.id,
        actorName: user.displayName,
        actorRole: actingRole(user.roles, action),
        actorUnitId: user.unitId,
        action,
        fromState: change.snapshot.state,
        toState: result.next.state,
        comment: p.reason ?? p.comment ?? p.note ?? p.measures ?? null,
        payload: eventPayload(payload as never),
        attachmentIds: p.attachmentIds ?? [],
        at: now,
      },
      { attachmentIds: p.attachmentIds ?? [], uploadedBy: user.id },
    );
    this.count(action);
  }

  /** The timers up to `until`: each missed deadline marked overdue when it fell due, and the first one raising an automatic 督办 one level up. */
  private async tick(sim: Sim, until: number): Promise<void> {
    const { change } = sim;
    const missed = change
      .deadlines()
      .filter((d) => d.status === 'pending' && d.dueAt.getTime() < until && !d.kind.startsWith('petition'))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    for (const d of missed) {
      const at = new Date(Math.max(d.dueAt.getTime() + 60_000, sim.at));
      if (at.getTime() > until) continue;
      change.record(change.snapshot, [{ type: 'mark_overdue', deadlineId: d.id }], [], {
        ...SYSTEM_ACTOR,
        action: 'overdue',
        fromState: change.snapshot.state,
        toState: change.snapshot.state,
        comment: '期限已过，已超期',
        payload: { deadlineId: d.id, kind: d.kind, dueAt: d.dueAt.toISOString(), originalDueAt: d.originalDueAt.toISOString() },
        attachmentIds: [],
        at,
      });
      this.count('overdue');
      const level = levelAbove(change.snapshot.ownerLevel) as AdminLevel | null;
      if (change.snapshot.supervisionLevel === null && level && level !== 'province' && d.kind !== 'supervision') {
        const { dueAt } = await this.planner.plan('supervision', sim.facts, at);
        const decided = decideAutoSupervise(change.snapshot, { level, dueAt, now: at });
        if (decided) {
          const id = randomUUID();
          change.record(decided.next, decided.effects, [{ id, kind: 'supervision', dueAt, remindAt: null, level }], {
            ...SYSTEM_ACTOR,
            action: 'auto_supervise',
            fromState: change.snapshot.state,
            toState: decided.next.state,
            comment: `期限超期，自动提级${level === 'city' ? '市级' : '县级'}督办`,
            payload: { deadlineId: d.id, supervisionDeadlineId: id, level, dueAt: dueAt.toISOString() },
            attachmentIds: [],
            at,
          });
          this.count('auto_supervise');
        }
      }
      sim.at = Math.max(sim.at, at.getTime());
    }
  }


  /** An uploaded photo of the user's, written with the others before the cases that bind them. */
  private async photo(username: string, which: number): Promise<string> {
    const user: RequestUser = await this.demo.user(username);
    const id = randomUUID();
    const { sha, size } = this.photos[which];
    this.attachments.push({ id, sha256: sha, size, name: which === 0 ? '现场照片.png' : which === 1 ? '整改后现场照片.png' : '回头看现场照片.png', uploadedBy: user.id });
    return id;
  }

  private count(action: string): void {
    this.actions.set(action, (this.actions.get(action) ?? 0) + 1);
  }
}
