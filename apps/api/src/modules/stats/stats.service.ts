import { Injectable } from '@nestjs/common';
import { isWithinPath } from '@ecoloop/auth';
import { EXTERNAL_SOURCES, OPEN_STATES, type CaseSource } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { CasesService } from '../cases/cases.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { StatsRepository, type MapPoint, type Period, type RollupRow, type TownSpotChecks } from './stats.repository.js';

export interface OverviewQuery {
  regionCode?: string;
  from?: string;
  to?: string;
}

export interface Overview {
  regionCode: string | null;
  from: string | null;
  to: string | null;
  total: number;
  open: number;
  closed: number;
  overdue: number;
  supervised: number;
  byState: Record<string, number>;
  byCategory: { category: string; count: number }[];
  bySource: { source: string; count: number }[];
  byCounty: { regionCode: string; regionName: string; total: number; open: number; closed: number; overdue: number }[];
  byMonth: { month: string; total: number; closed: number; overdue: number; self: number; external: number }[];
  spotChecks: TownSpotChecks[];
  points: MapPoint[];
}

/**
 * Dashboard figures over the cases the caller may read (the same scope as GET /cases): from the
 * rollup when the caller reads whole regions and the period is whole months (Asia/Shanghai), so
 * that a city over a million cases answers in milliseconds; otherwise by scanning their cases.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly rows: StatsRepository,
    private readonly cases: CasesService,
    private readonly regions: RegionsRepository,
  ) {}

  async overview(user: RequestUser, q: OverviewQuery): Promise<Overview> {
    const region = q.regionCode ? await this.regions.find(q.regionCode) : null;
    if (q.regionCode && !region) throw AppError.notFound('区域');
    const period: Period = { from: q.from ? new Date(q.from) : null, to: q.to ? new Date(q.to) : null };
    const scope = this.cases.readScope(user);
    const regionPath = region?.path ?? null;
    const paths = regionPaths(user, regionPath);
    const wholeMonths = [period.from, period.to].every((d) => d === null || isShanghaiMonthStart(d));
    const [counted, points, spotChecks, counties] = await Promise.all([
      paths !== undefined && wholeMonths ? this.rows.rollup(paths, period) : this.rows.scan(scope, regionPath, period),
      this.rows.points(scope, regionPath, period),
      this.rows.spotChecks(scope, regionPath, period),
      // Every county and function zone of the caller's regions is listed, with or without cases.
      paths !== undefined ? this.rows.counties(paths) : Promise.resolve([]),
    ]);
    const summary = summarise(counted);
    const listed = new Set(summary.byCounty.map((c) => c.regionCode));
    const byCounty = [
      ...summary.byCounty,
      ...counties.filter((c) => !listed.has(c.code)).map((c) => ({ regionCode: c.code, regionName: c.name, total: 0, open: 0, closed: 0, overdue: 0 })),
    ].sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1));
    return { regionCode: q.regionCode ?? null, from: q.from ?? null, to: q.to ?? null, ...summary, byCounty, spotChecks, points };
  }
}

/**
 * The region paths the caller's read rules for cases amount to, narrowed to `regionPath`: null for
 * everywhere, a list when every rule is "cases within a region" (or unconditional), and undefined
 * when some rule looks at anything else (a unit, the reporter) so the rollup cannot answer.
 */
export function regionPaths(user: RequestUser, regionPath: string | null): string[] | null | undefined {
  const rules = user.ability.rulesFor('read', 'Case').filter((r) => !r.fields);
  if (rules.length === 0 || rules.some((r) => r.inverted)) return undefined;
  let all = false;
  const paths: string[] = [];
  for (const rule of rules) {
    const conditions = rule.conditions as Record<string, unknown> | undefined;
    if (!conditions) {
      all = true;
      continue;
    }
    const within = (conditions.regionPath as { $within?: unknown } | undefined)?.$within;
    if (Object.keys(conditions).length !== 1 || typeof within !== 'string') return undefined;
    paths.push(within);
  }
  if (all) return regionPath ? [regionPath] : null;
  if (!regionPath) return paths;
  return paths.flatMap((p) => (isWithinPath(regionPath, p) ? [regionPath] : isWithinPath(p, regionPath) ? [p] : []));
}

/** 00:00 on the first of a month in Asia/Shanghai (the rollup counts by month of report). */
function isShanghaiMonthStart(d: Date): boolean {
  const local = new Date(d.getTime() + 8 * 3_600_000);
  return local.getUTCDate() === 1 && local.getTime() % 86_400_000 === 0;
}

function summarise(rows: RollupRow[]): Omit<Overview, 'regionCode' | 'from' | 'to' | 'points' | 'spotChecks'> {
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const byState = new Map<string, number>();
  const byCategory = new Map<string, number>();
  const bySource = new Map<string, number>();
  const byCounty = new Map<string, Overview['byCounty'][number]>();
  const byMonth = new Map<string, Overview['byMonth'][number]>();
  let overdue = 0;
  let supervised = 0;
  for (const r of rows) {
    add(byState, r.state, r.n);
    add(byCategory, r.category, r.n);
    add(bySource, r.source, r.n);
    if (r.overdue) overdue += r.n;
    if (r.supervised) supervised += r.n;
    const county = byCounty.get(r.county) ?? { regionCode: r.county, regionName: r.countyName, total: 0, open: 0, closed: 0, overdue: 0 };
    county.total += r.n;
    if (OPEN_STATES.includes(r.state as (typeof OPEN_STATES)[number])) county.open += r.n;
    if (r.state === 'closed') county.closed += r.n;
    if (r.overdue) county.overdue += r.n;
    byCounty.set(r.county, county);
    const month = byMonth.get(r.month) ?? { month: r.month, total: 0, closed: 0, overdue: 0, self: 0, external: 0 };
    month.total += r.n;
    if (r.state === 'closed') month.closed += r.n;
    if (r.overdue) month.overdue += r.n;
    if (EXTERNAL_SOURCES.includes(r.source as CaseSource)) month.external += r.n;
    else month.self += r.n;
    byMonth.set(r.month, month);
  }
  const states = Object.fromEntries([...byState].filter(([, n]) => n !== 0));
  const total = [...byState.values()].reduce((a, n) => a + n, 0);
  const sorted = (m: Map<string, number>) => [...m].filter(([, n]) => n !== 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    total,
    open: OPEN_STATES.reduce((a, s) => a + (byState.get(s) ?? 0), 0),
    closed: byState.get('closed') ?? 0,
    overdue,
    supervised,
    byState: states,
    byCategory: sorted(byCategory).map(([category, count]) => ({ category, count })),
    bySource: sorted(bySource).map(([source, count]) => ({ source, count })),
    byCounty: [...byCounty.values()].filter((c) => c.total !== 0).sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1)),
    byMonth: [...byMonth.values()].filter((m) => m.total !== 0).sort((a, b) => (a.month < b.month ? -1 : 1)),
  };
}
