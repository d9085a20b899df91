// GET /stats/overview normalised: the API may send maps ({reported: 3}) or arrays
// ([{state: 'reported', count: 3}]); the dashboard only sees this shape.
import { OPEN_STATES } from '@ecoloop/workflow';
import type { Case } from '../../cases/types';

export interface CountyFigure {
  code: string;
  name: string;
  total: number;
  open: number;
  closed: number;
  overdue: number;
  supervised: number;
}

export interface OverviewPoint {
  id: string;
  lat: number;
  lng: number;
  state?: string;
  category?: string;
  overdue?: boolean;
  code?: string;
  title?: string;
}

export interface Overview {
  total: number;
  open: number;
  closed: number;
  overdue: number;
  supervised: number;
  byState: Record<string, number>;
  byCategory: Record<string, number>;
  bySource: Record<string, number>;
  byCounty: CountyFigure[];
  /** Map points sent with the overview (latest cases with coordinates), when the API sends them. */
  points?: OverviewPoint[];
  /** True when computed in the browser from a sample of cases. */
  estimated?: boolean;
  sampleSize?: number;
}

type Loose = Record<string, unknown>;

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);

function toCounts(v: unknown, keyNames: string[]): Record<string, number> {
  if (!v) return {};
  if (Array.isArray(v)) {
    const out: Record<string, number> = {};
    for (const row of v as Loose[]) {
      const key = keyNames.map((k) => row[k]).find((x) => typeof x === 'string') as string | undefined;
      if (key) out[key] = (out[key] ?? 0) + num(row.count ?? row.total ?? row.value ?? row.n);
    }
    return out;
  }
  if (typeof v === 'object') {
    const out: Record<string, number> = {};
    for (const [k, n] of Object.entries(v as Loose)) out[k] = num(n);
    return out;
  }
  return {};
}

function toCounties(v: unknown, names: Map<string, string>): CountyFigure[] {
  const rows: Loose[] = Array.isArray(v)
    ? (v as Loose[])
    : v && typeof v === 'object'
      ? Object.entries(v as Loose).map(([code, x]) => (typeof x === 'object' && x ? { code, ...(x as Loose) } : { code, total: x }))
      : [];
  return rows.map((r) => {
    const code = String(r.regionCode ?? r.code ?? r.countyCode ?? '');
    return {
      code,
      name: String(r.regionName ?? r.name ?? r.countyName ?? names.get(code) ?? code),
      total: num(r.total ?? r.count),
      open: num(r.open),
      closed: num(r.closed),
      overdue: num(r.overdue),
      supervised: num(r.supervised),
    };
  });
}

export function normaliseOverview(raw: unknown, names: Map<string, string>): Overview {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Loose;
  const totals = (r.totals && typeof r.totals === 'object' ? r.totals : r) as Loose;
  const byState = toCounts(r.byState ?? r.states, ['state', 'key', 'name']);
  const sumStates = Object.values(byState).reduce((a, b) => a + b, 0);
  const openFromStates = OPEN_STATES.reduce((a, s) => a + (byState[s] ?? 0), 0);
  return {
    total: num(totals.total) || sumStates,
    open: num(totals.open) || openFromStates,
    closed: num(totals.closed) || (byState.closed ?? 0),
    overdue: num(totals.overdue),
    supervised: num(totals.supervised),
    byState,
    byCategory: toCounts(r.byCategory ?? r.categories, ['category', 'key', 'name']),
    bySource: toCounts(r.bySource ?? r.sources, ['source', 'key', 'name']),
    byCounty: toCounties(r.byCounty ?? r.byRegion ?? r.counties, names),
    points: Array.isArray(r.points)
      ? (r.points as Loose[])
          .filter((p) => typeof p.lat === 'number' && typeof p.lng === 'number' && p.id)
          .map((p) => ({
            id: String(p.id),
            lat: p.lat as number,
            lng: p.lng as number,
            state: p.state as string | undefined,
            category: p.category as string | undefined,
            overdue: Boolean(p.overdue),
            code: p.code as string | undefined,
            title: p.title as string | undefined,
          }))
      : undefined,
  };
}

/** Figures from a sample of cases, when the stats endpoint is not there yet. */
export function overviewFromCases(cases: Case[], names: Map<string, string>): Overview {
  const o: Overview = {
    total: cases.length,
    open: 0,
    closed: 0,
    overdue: 0,
    supervised: 0,
    byState: {},
    byCategory: {},
    bySource: {},
    byCounty: [],
    estimated: true,
    sampleSize: cases.length,
  };
  const counties = new Map<string, CountyFigure>();
  for (const c of cases) {
    const isOpen = (OPEN_STATES as readonly string[]).includes(c.state);
    o.byState[c.state] = (o.byState[c.state] ?? 0) + 1;
    const top = c.category.split('.')[0];
    o.byCategory[top] = (o.byCategory[top] ?? 0) + 1;
    o.bySource[c.source] = (o.bySource[c.source] ?? 0) + 1;
    if (isOpen) o.open += 1;
    if (c.state === 'closed') o.closed += 1;
    if (c.overdue && isOpen) o.overdue += 1;
    if (c.supervisionLevel && isOpen) o.supervised += 1;
    const code = c.regionCode?.slice(0, 6);
    if (!code) continue;
    const f = counties.get(code) ?? { code, name: names.get(code) ?? code, total: 0, open: 0, closed: 0, overdue: 0, supervised: 0 };
    f.total += 1;
    if (isOpen) f.open += 1;
    if (c.state === 'closed') f.closed += 1;
    if (c.overdue && isOpen) f.overdue += 1;
    if (c.supervisionLevel && isOpen) f.supervised += 1;
    counties.set(code, f);
  }
  o.byCounty = [...counties.values()].sort((a, b) => a.code.localeCompare(b.code));
  return o;
}
