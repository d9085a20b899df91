import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inRegion } from '@ecoloop/auth';
import { riskScore, warrantsIntervention, type RiskFigures, type WarningLevel } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { NotificationsRepository, type AudienceNotification } from '../notifications/notifications.repository.js';
import { WarningConsequences, type WarningConsequence } from './warning-consequences.js';
import { previousMonth, shanghaiMonth } from '../../core/months.js';
import { WarningFiguresRepository, type CountyFigures, type StoredWarning } from './warning-figures.repository.js';

export interface RiskWarningView {
  regionCode: string;
  regionName: string;
  month: string;
  figures: RiskFigures;
  score: number | null;
  level: WarningLevel;
  controlIndex: number | null;
  computedAt: string;
  /** Null while the month is not issued yet (a preview computed now). */
  issuedAt: string | null;
  consequences: WarningConsequence[];
}

export interface IssueResult {
  month: string;
  /** Counties issued by this call (0 when the month was already issued everywhere). */
  issued: number;
  alreadyIssued: number;
  warnings: RiskWarningView[];
}

const LEVEL_LABEL: Record<WarningLevel, string> = { green: '绿色', yellow: '黄色', orange: '橙色', red: '红色', no_data: '无数据' };
const ORDER: Record<WarningLevel, number> = { red: 0, orange: 1, yellow: 2, green: 3, no_data: 4 };

/**
 * Monthly risk warnings per county and function zone (风险预警, DESIGN §12). A finished month is
 * issued once — by the monthly job on the first working day or by an admin — and frozen: figures,
 * level and consequences never change afterwards. Until then, reading a month shows a preview
 * computed from the cases as they are now (not stored).
 */
@Injectable()
export class RiskWarningsService {
  private readonly logger = new Logger(RiskWarningsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: WarningFiguresRepository,
    private readonly consequences: WarningConsequences,
    private readonly notifications: NotificationsRepository,
  ) {}

  async list(user: RequestUser, month: string): Promise<RiskWarningView[]> {
    const counties = await this.repo.counties(this.db.manager);
    const visible = counties.filter((c) => user.ability.can('read', inRegion('RiskWarning', c.path)));
    if (visible.length === 0) return [];
    const codes = visible.map((c) => c.code);
    const stored = new Map((await this.repo.stored(this.db.manager, [month], codes)).filter((w) => w.issuedAt).map((w) => [w.regionCode, view(w)]));
    const missing = codes.filter((c) => !stored.has(c));
    const now = new Date();
    const previews = (await this.repo.figures(this.db.manager, month, missing)).map((f) => view({ ...rate(f, month), computedAt: now, issuedAt: null, consequences: [] }));
    return sortWarnings([...stored.values(), ...previews]);
  }

  /**
   * Issues a finished month for every county not issued yet: rates it, applies the consequences
   * (red, or orange two months running: city 督办 and 定点帮扶), stores it frozen and publishes the
   * 预警通报 — all in one transaction under a lock per month, so concurrent callers (several
   * workers, an admin) issue each county once.
   */
  async issue(month: string, now = new Date()): Promise<IssueResult> {
    if (month >= shanghaiMonth(now)) throw AppError.unprocessable('month_not_over', '只能发布已结束月份的风险预警');
    const out = await this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('risk_warning_issue'), hashtext($1))`, [month]);
      const [{ at }] = await m.query(`SELECT now() AS at`);
      const counties = await this.repo.counties(m);
      const codes = counties.map((c) => c.code);
      const stored = await this.repo.stored(m, [month, previousMonth(month)], codes);
      const done = new Set(stored.filter((w) => w.month === month && w.issuedAt).map((w) => w.regionCode));
      const previous = new Map(stored.filter((w) => w.month !== month && w.issuedAt).map((w) => [w.regionCode, w.level]));
      const todo = codes.filter((c) => !done.has(c));
      const audiences: AudienceNotification[] = [];
      const issued: StoredWarning[] = [];
      for (const f of await this.repo.figures(m, month, todo)) {
        const rated = rate(f, month);
        let consequences: WarningConsequence[] = [];
        if (warrantsIntervention(rated.level, previous.get(f.code) ?? null)) {
          const applied = await this.consequences.apply(m, f, cityOf(f.path), month, rated.level, at);
          consequences = applied.consequences;
          audiences.push(...applied.audiences);
        }
        const w: StoredWarning = { ...rated, computedAt: at, issuedAt: at, consequences };
        await this.repo.insertIssued(m, w);
        issued.push(w);
        audiences.push({
          dedupePrefix: `risk-warning:${f.code}:${month}`,
          caseId: null,
          kind: 'risk_warning',
          title: `【预警通报】${f.name} ${month} ${LEVEL_LABEL[rated.level]}`,
          body: bulletin(w),
          handlersOfUnitId: null,
          staffRegionCodes: [f.code],
          staffRoles: ['leader', 'dispatcher'],
        });
      }
      await this.notifications.insertForAudiences(m, audiences);
      return { issued, alreadyIssued: done.size };
    });
    if (out.issued.length) this.logger.log({ month, issued: out.issued.length }, 'risk warnings issued');
    return { month, issued: out.issued.length, alreadyIssued: out.alreadyIssued, warnings: sortWarnings(out.issued.map(view)) };
  }
}

function rate(f: CountyFigures, month: string): Omit<StoredWarning, 'computedAt' | 'issuedAt' | 'consequences'> {
  const { code, name, path: _path, ...figures } = f;
  const { score, level, controlIndex } = riskScore(figures);
  return { regionCode: code, regionName: name, month, figures, score, level, controlIndex };
}

function view(w: StoredWarning): RiskWarningView {
  return {
    regionCode: w.regionCode,
    regionName: w.regionName,
    month: w.month,
    figures: w.figures,
    score: w.score,
    level: w.level,
    controlIndex: w.controlIndex,
    computedAt: new Date(w.computedAt).toISOString(),
    issuedAt: w.issuedAt ? new Date(w.issuedAt).toISOString() : null,
    consequences: w.consequences as WarningConsequence[],
  };
}

/** Highest risk first; no_data last; then by region code. */
function sortWarnings(rows: RiskWarningView[]): RiskWarningView[] {
  return rows.sort((a, b) => ORDER[a.level] - ORDER[b.level] || (b.score ?? 0) - (a.score ?? 0) || (a.regionCode < b.regionCode ? -1 : 1));
}

function cityOf(path: string): string | null {
  const codes = path.split('.');
  return codes.length > 1 ? codes[codes.length - 2] : null;
}

/** The 预警通报 text. */
function bulletin(w: StoredWarning): string {
  const f = w.figures;
  if (w.level === 'no_data') return `${w.regionName}${w.month}无新增上报问题，预警等级为“无数据”，请核实网格巡查和问题上报是否正常开展。`;
  const parts = [
    `${w.regionName}${w.month}新增问题${f.newCases}件，其中自主发现${f.selfDiscovered}件、外部发现${f.external}件`,
    `超期${f.overdue}件、整改退回${f.reworked}件、反弹${f.reopened}件、交办签收不及时${f.respondedLate}件`,
    `管控力指数${w.controlIndex}，风险分${w.score}，预警等级${LEVEL_LABEL[w.level]}`,
  ];
  if (f.externalMajor > 0) parts.push(`重大问题首先由外部发现${f.externalMajor}件，等级提高一级`);
  for (const c of w.consequences as WarningConsequence[]) parts.push(c.note);
  return `${parts.join('；')}。`;
}
