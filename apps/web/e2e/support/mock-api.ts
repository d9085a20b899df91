// An in-memory stand-in for /api/v1, installed with Playwright routing. It lets the UI smoke test
// (and screenshots) run while the real API is being built. Permissions come from the real
// libs/auth rules; the loop is a simplified copy of DESIGN §4. Not a specification of the API.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Route } from 'playwright-core';
import { asCase, asLedger, createAbility, defineRulesFor, inRegion, packAbilityRules, type AuthUser } from '@ecoloop/auth';
import {
  CN_CALENDAR_YEARS,
  DEFAULT_DEADLINE_POLICIES,
  EXTERNAL_SOURCES,
  REGION_LEVELS,
  healthCode,
  riskScore,
  type CaseAction,
  type CaseState,
  type DeadlinePolicy,
  type RegionLevel,
  type Role,
} from '@ecoloop/workflow';
import { makePng } from './png';

interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}
interface Unit {
  id: string;
  key: string;
  name: string;
  kind: string;
  regionCode: string;
  active?: boolean;
}
interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitKey: string | null;
  regionCode: string;
  active?: boolean;
}
interface Progress {
  id: string;
  itemId: string;
  period: string;
  note: string;
  unitId: string;
  unitName: string;
  unitRole: 'lead' | 'co';
  authorName: string;
  createdAt: string;
}
interface ReportBack {
  id: string;
  regionCode: string;
  regionName: string;
  comment: string;
  explanations: { itemId: string; seq: number; note: string }[];
  signedOffItems: number;
  actorName: string;
  at: string;
}
interface MockCase {
  id: string;
  code: string;
  title: string;
  description: string;
  category: string;
  source: string;
  severity: 'general' | 'major';
  state: CaseState;
  regionCode: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  enterpriseCreditCode: string | null;
  leadUnitId: string | null;
  coUnitIds: string[];
  dueAt: string | null;
  deadlineKind: string | null;
  overdue: boolean;
  supervisionLevel: string | null;
  ownerLevel: 'city' | 'county';
  signoffSteps: ('city' | 'county')[];
  signoffIndex: number;
  reworkCount: number;
  reopenCount: number;
  pendingExtension: { newDueAt: string; reason: string } | null;
  ledgerId: string | null;
  duplicateOfId: string | null;
  reporterId: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  deadlines: { id: string; kind: string; dueAt: string; originalDueAt: string; status: string; level: null }[];
  attachmentIds: string[];
}
interface MockEvent {
  caseId: string;
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  comment: string | null;
  payload: Record<string, unknown>;
  attachmentIds: string[];
  at: string;
  hash: string;
}

const COUNTIES: [string, string, number, number][] = [
  ['330402', '南湖区', 120.8, 30.7],
  ['330411', '秀洲区', 120.68, 30.84],
  ['330421', '嘉善县', 120.9, 30.9],
  ['330424', '海盐县', 120.9, 30.52],
  ['330481', '海宁市', 120.6, 30.45],
  ['330482', '平湖市', 121.1, 30.72],
  ['330483', '桐乡市', 120.47, 30.66],
];
const TOWNS: [string, string][] = [
  ['330402101', '凤桥镇'],
  ['330402102', '余新镇'],
  ['330411101', '王江泾镇'],
  ['330411102', '新塍镇'],
];
const REGIONS: Region[] = [
  { code: '330400', name: '嘉兴市', level: 'city', parentCode: null },
  ...COUNTIES.map(([code, name]) => ({ code, name, level: 'county' as const, parentCode: '330400' })),
  ...TOWNS.map(([code, name]) => ({ code, name, level: 'town' as const, parentCode: code.slice(0, 6) })),
  ...TOWNS.flatMap(([code, name]) =>
    ['001', '002'].map((n, i) => ({ code: code + n, name: `${name}第${i ? '二' : '一'}网格`, level: 'grid' as const, parentCode: code })),
  ),
];
const UNITS: Unit[] = [
  ['city', '嘉兴市生态环境局', 'bureau', '330400'],
  ['nanhu', '南湖分局', 'branch_bureau', '330402'],
  ['xiuzhou', '秀洲分局', 'branch_bureau', '330411'],
  ['fengqiao', '凤桥镇生态办', 'town_office', '330402101'],
  ['yuxin', '余新镇生态办', 'town_office', '330402102'],
  ['wangjiangjing', '王江泾镇生态办', 'town_office', '330411101'],
  ['xincheng', '新塍镇生态办', 'town_office', '330411102'],
].map(([key, name, kind, regionCode]) => ({ id: randomUUID(), key, name, kind, regionCode }));
const USERS: User[] = (
  [
    ['admin', '系统管理员', ['admin'], 'city', '330400'],
    ['dispatcher.city', '市局调度员', ['dispatcher'], 'city', '330400'],
    ['supervisor.city', '市局督查审核员', ['supervisor'], 'city', '330400'],
    ['leader.city', '市局领导', ['leader'], 'city', '330400'],
    ['dispatcher.nanhu', '南湖分局调度员', ['dispatcher'], 'nanhu', '330402'],
    ['supervisor.nanhu', '南湖分局督查审核员', ['supervisor'], 'nanhu', '330402'],
    ['dispatcher.xiuzhou', '秀洲分局调度员', ['dispatcher'], 'xiuzhou', '330411'],
    ['supervisor.xiuzhou', '秀洲分局督查审核员', ['supervisor'], 'xiuzhou', '330411'],
    ['handler.fengqiao', '凤桥镇经办人', ['handler'], 'fengqiao', '330402101'],
    ['handler.yuxin', '余新镇经办人', ['handler'], 'yuxin', '330402102'],
    ['handler.wangjiangjing', '王江泾镇经办人', ['handler'], 'wangjiangjing', '330411101'],
    ['grid.fengqiao001', '凤桥镇一网格网格员', ['grid_inspector'], 'fengqiao', '330402101001'],
    ['grid.wangjiangjing001', '王江泾镇一网格网格员', ['grid_inspector'], 'wangjiangjing', '330411101001'],
  ] as [string, string, Role[], string, string][]
).map(([username, displayName, roles, unitKey, regionCode]) => ({ id: randomUUID(), username, displayName, roles, unitKey, regionCode }));

/** Enterprises with a credit code (企业环境健康码); cases refer to them by `enterpriseCreditCode`. */
const ENTERPRISES = [
  { creditCode: '91330402MA28A1B2C3', name: '嘉兴凤桥印染有限公司', regionCode: '330402101', address: '凤桥镇工业园区1号', industry: '印染' },
  { creditCode: '91330402MA28D4E5F6', name: '嘉兴南湖化工有限公司', regionCode: '330402102', address: '余新镇工业功能区8号', industry: '化工' },
  { creditCode: '91330411MA28K1L2M3', name: '嘉兴王江泾纺织有限公司', regionCode: '330411101', address: '王江泾镇纺织园区', industry: '纺织' },
];

// The directory (regions, units, users) is module state that admin tests change; each new MockApi
// puts it back as it was.
const INITIAL = { regions: REGIONS.map((r) => ({ ...r })), units: UNITS.map((u) => ({ ...u })), users: USERS.map((u) => ({ ...u })) };
function resetDirectory(): void {
  REGIONS.splice(0, REGIONS.length, ...INITIAL.regions.map((r) => ({ ...r })));
  UNITS.splice(0, UNITS.length, ...INITIAL.units.map((u) => ({ ...u })));
  USERS.splice(0, USERS.length, ...INITIAL.users.map((u) => ({ ...u })));
}

const region = (code: string) => REGIONS.find((r) => r.code === code)!;
function pathOf(code: string): string {
  const parts: string[] = [];
  let r: Region | undefined = region(code);
  while (r) {
    parts.unshift(r.code);
    r = r.parentCode ? region(r.parentCode) : undefined;
  }
  return parts.join('.');
}
const unitByKey = (k: string | null) => UNITS.find((u) => u.key === k);
/** A seeded unit's id by its key (city, nanhu, xiuzhou, fengqiao, yuxin, wangjiangjing, xincheng). */
export const unitIdOf = (key: string): string => unitByKey(key)!.id;
const unitById = (id: string | null) => UNITS.find((u) => u.id === id);

function authUser(u: User): AuthUser {
  return {
    id: u.id,
    roles: u.roles,
    unitId: unitByKey(u.unitKey)?.id ?? null,
    regionCode: u.regionCode,
    regionPath: pathOf(u.regionCode),
    regionLevel: region(u.regionCode).level,
  };
}
function userDto(u: User) {
  const r = region(u.regionCode);
  const unit = unitByKey(u.unitKey);
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    unitId: unit?.id ?? null,
    unitName: unit?.name ?? null,
    regionCode: u.regionCode,
    regionName: r.name,
    regionLevel: r.level,
    active: u.active !== false,
  };
}

/** Metres between two points (haversine), as GET /cases/:id/duplicates reports them. */
function distanceM(a: { lat: number | null; lng: number | null }, b: { lat: number | null; lng: number | null }): number | null {
  if (a.lat === null || a.lng === null || b.lat === null || b.lng === null) return null;
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return Math.round(6371000 * 2 * Math.asin(Math.sqrt(h)));
}

/** Which actions the loop allows from a state (DESIGN §4, simplified). */
const FROM: Record<CaseState, CaseAction[]> = {
  reported: ['accept', 'dispatch', 'reject', 'merge', 'resolve_on_spot', 'supervise', 'remind'],
  pending_dispatch: ['dispatch', 'reject', 'merge', 'escalate', 'supervise', 'remind'],
  assigned: ['sign_for', 'return', 'reassign', 'supervise', 'remind'],
  rectifying: ['reassign', 'report_progress', 'request_extension', 'decide_extension', 'submit_completion', 'supervise', 'remind'],
  pending_verification: ['approve', 'reject_completion', 'supervise', 'remind'],
  closed: ['review_pass', 'review_fail'],
  rejected: [],
  merged: [],
};

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

export interface MockOptions {
  /** Resources answering 404, to see the empty states. */
  missing?: ('ledgers' | 'stats' | 'notifications')[];
  /** Seed cases (default 36). */
  seedCases?: number;
}

export class MockApi {
  readonly cases: MockCase[] = [];
  readonly events: MockEvent[] = [];
  readonly files = new Map<string, { name: string; mime: string; body: Buffer }>();
  readonly tokens = new Map<string, User>();
  readonly idempotency = new Map<string, string>();
  readonly read = new Set<string>();
  readonly ledgerId = randomUUID();
  /** Ledger item id per case (one item per case in the mock ledger). */
  readonly itemIds = new Map<string, string>();
  readonly progress: Progress[] = [];
  readonly reportBacks: ReportBack[] = [];
  readonly policies: (DeadlinePolicy & { id: string })[] = DEFAULT_DEADLINE_POLICIES.map((p) => ({ ...p, id: randomUUID() }));
  readonly calendars = new Map<number, { holidays: string[]; workdays: string[] }>(
    CN_CALENDAR_YEARS.map((y) => [y.year, { holidays: [...y.holidays], workdays: [...y.workdays] }]),
  );
  private seq = 1000;

  constructor(private readonly opts: MockOptions = {}) {
    resetDirectory();
    this.seed(opts.seedCases ?? 36);
  }

  async install(context: BrowserContext): Promise<void> {
    await context.route('**/api/v1/**', (route) => this.handle(route));
  }

  private seed(n: number) {
    const titles = [
      ['air.open_burning', '田间秸秆露天焚烧'],
      ['water.outfall', '河道旁疑似偷排污水'],
      ['air.odor', '厂区周边臭气异味'],
      ['solid_waste.dumping', '路边非法倾倒建筑垃圾'],
      ['noise.construction', '夜间施工噪声扰民'],
      ['water.black_odorous', '村内河塘水体发黑发臭'],
      ['air.dust', '工地扬尘未覆盖'],
      ['air.cooking_fume', '餐饮店油烟直排'],
    ];
    const states: CaseState[] = ['reported', 'pending_dispatch', 'assigned', 'rectifying', 'pending_verification', 'closed', 'closed', 'rectifying', 'rejected'];
    const sources = ['grid_patrol', 'hotline', 'petition_online', 'central_inspection', 'drone', 'monitoring_alert'];
    const grid = USERS.find((u) => u.username === 'grid.fengqiao001')!;
    for (let i = 0; i < n; i++) {
      const [category, t] = titles[i % titles.length];
      const county = COUNTIES[i % COUNTIES.length];
      const town = TOWNS.find(([c]) => c.startsWith(county[0]));
      const regionCode = town ? `${town[0]}00${(i % 2) + 1}` : county[0];
      const state = states[i % states.length];
      const created = new Date(Date.now() - (n - i) * 7 * 3_600_000).toISOString();
      const lead = town ? UNITS.find((u) => u.regionCode === town[0]) : undefined;
      const dispatched = ['assigned', 'rectifying', 'pending_verification', 'closed'].includes(state);
      const dueAt = state === 'closed' || state === 'rejected' ? null : hours(i % 5 === 0 ? -20 : 24 * ((i % 9) + 1));
      const c: MockCase = {
        id: randomUUID(),
        code: `JX-2026-${String(120 + i).padStart(6, '0')}`,
        title: `${(town?.[1] ?? county[1])}${t}`,
        description: `巡查发现${t}，请尽快核实处置。`,
        category,
        source: sources[i % sources.length],
        severity: i % 7 === 0 ? 'major' : 'general',
        state,
        regionCode,
        lat: county[3] + ((i * 37) % 11) / 200 - 0.025,
        lng: county[2] + ((i * 53) % 13) / 200 - 0.03,
        address: `${county[1]}${town?.[1] ?? ''}某村`,
        enterpriseCreditCode: ENTERPRISES.find((e) => e.regionCode === town?.[0] && i % 3 !== 1)?.creditCode ?? null,
        leadUnitId: dispatched ? (lead?.id ?? unitByKey('nanhu')!.id) : null,
        coUnitIds: [],
        dueAt,
        deadlineKind: dueAt ? ({ reported: 'dispatch', pending_dispatch: 'dispatch', assigned: 'sign_for', rectifying: 'rectify', pending_verification: 'verify' } as Record<string, string>)[state] : null,
        overdue: Boolean(dueAt && dueAt < new Date().toISOString()),
        supervisionLevel: i % 6 === 1 && state !== 'closed' ? 'city' : null,
        ownerLevel: 'county',
        signoffSteps: i % 7 === 0 ? ['county', 'city'] : ['county'],
        signoffIndex: 0,
        reworkCount: i % 10 === 3 ? 1 : 0,
        reopenCount: 0,
        pendingExtension: null,
        ledgerId: i % 4 === 0 ? this.ledgerId : null,
        duplicateOfId: null,
        reporterId: regionCode.startsWith('330402101') ? grid.id : null,
        reporterName: null,
        reporterPhone: null,
        version: 1,
        createdAt: created,
        updatedAt: created,
        closedAt: state === 'closed' ? created : null,
        deadlines: [],
        attachmentIds: [],
      };
      if (dueAt) c.deadlines.push({ id: randomUUID(), kind: c.deadlineKind!, dueAt, originalDueAt: dueAt, status: c.overdue ? 'overdue' : 'pending', level: null });
      this.cases.push(c);
      if (c.ledgerId) this.itemIds.set(c.id, randomUUID());
      this.event(c, 'report', null, 'reported', c.reporterId ? grid : null, '上报', {});
    }
  }

  private event(c: MockCase, action: string, from: string | null, to: string, actor: User | null, comment: string | null, payload: Record<string, unknown>, attachmentIds: string[] = []) {
    const seq = this.events.filter((e) => e.caseId === c.id).length + 1;
    this.events.push({
      caseId: c.id,
      seq,
      action,
      fromState: from,
      toState: to,
      actorId: actor?.id ?? null,
      actorName: actor?.displayName ?? '系统',
      actorRole: actor?.roles[0] ?? 'system',
      comment,
      payload,
      attachmentIds,
      at: new Date().toISOString(),
      hash: randomUUID().replace(/-/g, ''),
    });
  }

  private subject(c: MockCase) {
    return asCase({
      regionPath: pathOf(c.regionCode),
      reporterId: c.reporterId,
      leadUnitId: c.leadUnitId,
      coUnitIds: c.coUnitIds,
      ownerLevel: c.ownerLevel,
      currentSignoffLevel: c.state === 'pending_verification' ? c.signoffSteps[c.signoffIndex] : null,
      state: c.state,
      source: c.source as never,
      severity: c.severity,
    });
  }

  private allowed(c: MockCase, u: User): CaseAction[] {
    const ability = createAbility(defineRulesFor(authUser(u)));
    return FROM[c.state].filter((a) => {
      if (a === 'decide_extension' && !c.pendingExtension) return false;
      if (a === 'resolve_on_spot' && c.severity !== 'general') return false;
      return ability.can(a, this.subject(c));
    });
  }

  private canRead(c: MockCase, u: User) {
    return createAbility(defineRulesFor(authUser(u))).can('read', this.subject(c));
  }

  private dto(c: MockCase, u: User, detail = false) {
    const { attachmentIds, deadlines, reporterName, reporterPhone, ...rest } = c;
    const out: Record<string, unknown> = {
      ...rest,
      regionName: region(c.regionCode).name,
      leadUnitName: unitById(c.leadUnitId)?.name ?? null,
      allowedActions: this.allowed(c, u),
    };
    if (u.roles.includes('dispatcher')) Object.assign(out, { reporterName, reporterPhone });
    if (detail) {
      out.deadlines = deadlines;
      out.attachments = attachmentIds.map((id) => ({ id, originalName: this.files.get(id)?.name ?? 'photo.png', mime: this.files.get(id)?.mime ?? 'image/png', size: this.files.get(id)?.body.length ?? 0, eventSeq: 1 }));
    }
    return out;
  }

  private async handle(route: Route): Promise<void> {
    const req = route.request();
    const url = new URL(req.url());
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = req.method();
    const json = (status: number, body: unknown) =>
      route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    const fail = (status: number, message: string, details?: unknown, code?: string) =>
      json(status, {
        statusCode: status,
        error: { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity' }[status] ?? 'Error',
        message,
        ...(code ? { code } : {}),
        ...(details ? { details } : {}),
      });
    const body = () => {
      try {
        return (req.postDataJSON() ?? {}) as Record<string, unknown>;
      } catch {
        return {};
      }
    };

    if (method === 'POST' && path === '/auth/login') {
      const { username, password } = body() as { username?: string; password?: string };
      const u = USERS.find((x) => x.username === username);
      if (!u || u.active === false || (password !== 'demo1234' && password !== (u as User & { password?: string }).password))
        return fail(401, 'Invalid username or password');
      const token = randomUUID();
      this.tokens.set(token, u);
      return json(200, { accessToken: token, refreshToken: `r-${token}`, expiresIn: 900, user: userDto(u) });
    }
    if (method === 'POST' && path === '/auth/refresh') {
      const { refreshToken } = body() as { refreshToken?: string };
      const u = refreshToken ? this.tokens.get(refreshToken.slice(2)) : undefined;
      if (!u) return fail(401, 'Invalid refresh token');
      const token = randomUUID();
      this.tokens.set(token, u);
      return json(200, { accessToken: token, refreshToken: `r-${token}`, expiresIn: 900, user: userDto(u) });
    }
    if (path === '/health') return json(200, { status: 'ok' });

    const auth = req.headers()['authorization']?.replace(/^Bearer /, '');
    const user = auth ? this.tokens.get(auth) : undefined;
    if (!user) return fail(401, 'Authentication required');
    const missing = (k: 'ledgers' | 'stats' | 'notifications') => this.opts.missing?.includes(k);

    if (method === 'GET' && path === '/me') return json(200, { user: userDto(user), rules: packAbilityRules(defineRulesFor(authUser(user))) });
    if (method === 'GET' && path === '/regions') {
      const build = (parent: string | null): unknown[] =>
        REGIONS.filter((r) => r.parentCode === parent).map((r) => ({ ...r, path: pathOf(r.code), children: build(r.code) }));
      return json(200, build(null));
    }
    if (method === 'GET' && path === '/units') {
      const code = url.searchParams.get('regionCode') ?? '';
      return json(200, UNITS.filter((u) => u.active !== false && u.regionCode.startsWith(code)).map(({ key: _k, active: _a, ...u }) => u));
    }
    if (method === 'POST' && path === '/attachments') {
      const buf = req.postDataBuffer() ?? Buffer.alloc(0);
      const { name, content, mime } = parseMultipart(buf, req.headers()['content-type'] ?? '');
      const id = randomUUID();
      this.files.set(id, { name, mime, body: content.length ? content : makePng() });
      return json(201, { id, originalName: name, mime, size: content.length });
    }
    let m = /^\/attachments\/([\w-]+)$/.exec(path);
    if (method === 'GET' && m) {
      const f = this.files.get(m[1]) ?? { name: 'photo.png', mime: 'image/png', body: makePng(160, 120, m[1].charCodeAt(0)) };
      return route.fulfill({ status: 200, contentType: f.mime, body: f.body, headers: { 'Content-Disposition': `inline; filename="${encodeURIComponent(f.name)}"` } });
    }
    if (method === 'GET' && path === '/cases') {
      const p = url.searchParams;
      let list = this.cases.filter((c) => this.canRead(c, user));
      const states = p.get('state')?.split(',');
      if (states) list = list.filter((c) => states.includes(c.state));
      const cat = p.get('category');
      if (cat) list = list.filter((c) => c.category === cat || c.category.startsWith(`${cat}.`));
      if (p.get('source')) list = list.filter((c) => c.source === p.get('source'));
      if (p.get('severity')) list = list.filter((c) => c.severity === p.get('severity'));
      if (p.get('regionCode')) list = list.filter((c) => c.regionCode.startsWith(p.get('regionCode')!));
      if (p.get('overdue') === 'true') list = list.filter((c) => c.overdue);
      if (p.get('supervised') === 'true') list = list.filter((c) => c.supervisionLevel);
      if (p.get('actionable') === 'true') list = list.filter((c) => this.allowed(c, user).some((a) => a !== 'remind' && a !== 'supervise'));
      if (p.get('ledgerId')) list = list.filter((c) => c.ledgerId === p.get('ledgerId'));
      const q = p.get('q');
      if (q) list = list.filter((c) => c.title.includes(q) || c.code.includes(q) || (c.address ?? '').includes(q));
      const sort = p.get('sort') ?? '-createdAt';
      const key = sort.replace(/^-/, '') as keyof MockCase;
      const dir = sort.startsWith('-') ? -1 : 1;
      list = [...list].sort((a, b) => String(a[key] ?? '9999').localeCompare(String(b[key] ?? '9999')) * dir);
      const page = Number(p.get('page') ?? 1);
      const pageSize = Math.min(200, Number(p.get('pageSize') ?? 20));
      return json(200, { items: list.slice((page - 1) * pageSize, page * pageSize).map((c) => this.dto(c, user)), total: list.length, totalExact: true, page, pageSize });
    }
    if (method === 'POST' && path === '/cases') {
      const key = req.headers()['idempotency-key'];
      if (key && this.idempotency.has(key)) {
        const c = this.cases.find((x) => x.id === this.idempotency.get(key))!;
        return json(201, this.dto(c, user, true));
      }
      const b = body() as Record<string, unknown>;
      if (!b.title || !b.description || !b.category) return fail(400, 'title, description and category are required');
      const regionCode = (b.regionCode as string) ?? user.regionCode;
      const now = new Date().toISOString();
      const c: MockCase = {
        id: randomUUID(),
        code: `JX-2026-${String(++this.seq).padStart(6, '0')}`,
        title: String(b.title),
        description: String(b.description),
        category: String(b.category),
        source: String(b.source),
        severity: b.severity === 'major' ? 'major' : 'general',
        state: 'reported',
        regionCode,
        lat: (b.lat as number) ?? null,
        lng: (b.lng as number) ?? null,
        address: (b.address as string) ?? null,
        enterpriseCreditCode: (b.enterpriseCreditCode as string) ?? null,
        leadUnitId: null,
        coUnitIds: [],
        dueAt: hours(24),
        deadlineKind: 'dispatch',
        overdue: false,
        supervisionLevel: null,
        ownerLevel: 'county',
        signoffSteps: b.severity === 'major' ? ['county', 'city'] : ['county'],
        signoffIndex: 0,
        reworkCount: 0,
        reopenCount: 0,
        pendingExtension: null,
        ledgerId: null,
        duplicateOfId: null,
        reporterId: user.id,
        reporterName: (b.reporterName as string) ?? null,
        reporterPhone: (b.reporterPhone as string) ?? null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        closedAt: null,
        deadlines: [],
        attachmentIds: (b.attachmentIds as string[]) ?? [],
      };
      c.deadlines.push({ id: randomUUID(), kind: 'dispatch', dueAt: c.dueAt!, originalDueAt: c.dueAt!, status: 'pending', level: null });
      this.cases.push(c);
      if (key) this.idempotency.set(key, c.id);
      this.event(c, 'report', null, 'reported', user, null, {}, c.attachmentIds);
      return json(201, this.dto(c, user, true));
    }
    m = /^\/cases\/([\w-]+)(\/events)?$/.exec(path);
    if (method === 'GET' && m) {
      const c = this.cases.find((x) => x.id === m![1]);
      if (!c || !this.canRead(c, user)) return fail(404, 'Case not found');
      if (m[2]) return json(200, this.events.filter((e) => e.caseId === c.id).map(({ caseId: _c, ...e }) => e));
      return json(200, this.dto(c, user, true));
    }
    m = /^\/cases\/([\w-]+)\/actions\/(\w+)$/.exec(path);
    if (method === 'POST' && m) {
      const c = this.cases.find((x) => x.id === m![1]);
      if (!c || !this.canRead(c, user)) return fail(404, 'Case not found');
      const action = m[2] as CaseAction;
      const b = body() as Record<string, unknown>;
      if (b.expectedVersion !== c.version) return fail(409, 'The case was changed by someone else');
      if (!FROM[c.state].includes(action)) return fail(422, `${action} is not possible from ${c.state}`);
      if (!this.allowed(c, user).includes(action)) return fail(403, 'Not permitted');
      const ids = (b.attachmentIds as string[]) ?? [];
      if (['submit_completion', 'resolve_on_spot', 'review_fail'].includes(action) && !ids.length) return fail(422, 'Evidence is required');
      const from = c.state;
      const setDeadline = (kind: string | null, h: number) => {
        for (const d of c.deadlines) if (d.status === 'pending') d.status = 'met';
        if (!kind) {
          c.dueAt = null;
          c.deadlineKind = null;
          c.overdue = false;
          return;
        }
        const due = (b.dueAt as string) ?? hours(h);
        c.dueAt = due;
        c.deadlineKind = kind;
        c.overdue = false;
        c.deadlines.push({ id: randomUUID(), kind, dueAt: due, originalDueAt: due, status: 'pending', level: null });
      };
      switch (action) {
        case 'accept':
          c.state = 'pending_dispatch';
          break;
        case 'dispatch':
        case 'reassign':
          if (!unitById((b.leadUnitId as string) ?? null)) return fail(422, 'leadUnitId is required');
          c.leadUnitId = b.leadUnitId as string;
          c.coUnitIds = (b.coUnitIds as string[]) ?? c.coUnitIds;
          c.state = 'assigned';
          setDeadline('sign_for', 24);
          break;
        case 'reject':
          c.state = 'rejected';
          setDeadline(null, 0);
          break;
        case 'merge': {
          const target = this.cases.find((x) => x.id === b.targetCaseId);
          if (!target || target.id === c.id || !this.canRead(target, user) || ['closed', 'rejected', 'merged'].includes(target.state))
            return fail(422, 'targetCaseId must be an open case in your jurisdiction');
          c.state = 'merged';
          c.duplicateOfId = target.id;
          setDeadline(null, 0);
          break;
        }
        case 'sign_for':
          c.state = 'rectifying';
          setDeadline('rectify', 24 * 15);
          break;
        case 'return':
          c.state = 'pending_dispatch';
          setDeadline('dispatch', 24);
          break;
        case 'request_extension':
          c.pendingExtension = { newDueAt: b.newDueAt as string, reason: b.reason as string };
          break;
        case 'decide_extension':
          if (b.approve && c.pendingExtension) {
            const d = c.deadlines.find((x) => x.status === 'pending');
            if (d) d.dueAt = c.pendingExtension.newDueAt;
            c.dueAt = c.pendingExtension.newDueAt;
          }
          c.pendingExtension = null;
          break;
        case 'submit_completion':
        case 'resolve_on_spot':
          c.state = 'pending_verification';
          c.signoffIndex = 0;
          setDeadline('verify', 72);
          break;
        case 'approve':
          if (c.signoffIndex + 1 < c.signoffSteps.length) c.signoffIndex += 1;
          else {
            c.state = 'closed';
            c.closedAt = new Date().toISOString();
            setDeadline(null, 0);
          }
          break;
        case 'reject_completion':
          c.state = 'rectifying';
          c.reworkCount += 1;
          setDeadline('rectify', 24 * 7);
          break;
        case 'review_fail':
          c.state = 'rectifying';
          c.reopenCount += 1;
          setDeadline('rectify', 24 * 15);
          break;
        case 'supervise':
          c.supervisionLevel = region(user.regionCode).level;
          break;
        default:
          break;
      }
      c.version += 1;
      c.updatedAt = new Date().toISOString();
      c.attachmentIds.push(...ids);
      const { expectedVersion: _v, comment, attachmentIds: _a, ...payload } = b;
      if (payload.leadUnitId) payload.leadUnitName = unitById(payload.leadUnitId as string)?.name;
      this.event(c, action, from, c.state, user, (comment as string) ?? null, payload, ids);
      return json(200, this.dto(c, user, true));
    }
    if (method === 'GET' && path === '/notifications') {
      if (missing('notifications')) return fail(404, 'Cannot GET /api/v1/notifications');
      const mine = this.cases.filter((c) => this.canRead(c, user)).slice(-4);
      const all = mine.map((c, i) => ({
        id: `n-${c.id}`,
        kind: ['overdue', 'auto_supervise', 'reminder', 'overdue'][i % 4],
        title: `${c.code} ${c.title}`,
        body: ['案件已超期，请尽快办理。', '超期未办结，已自动升级督办。', '距办理时限不足 1 天，请抓紧办理。', '案件已超期，请尽快办理。'][i % 4],
        caseId: c.id,
        caseCode: c.code,
        read: i === 0 || this.read.has(`n-${c.id}`),
        readAt: i === 0 || this.read.has(`n-${c.id}`) ? new Date().toISOString() : null,
        createdAt: c.updatedAt,
      }));
      const unreadOnly = url.searchParams.get('unread') === 'true';
      const items = unreadOnly ? all.filter((n) => !n.read) : all;
      return json(200, { items, total: items.length, unread: all.filter((n) => !n.read).length, page: 1, pageSize: 20 });
    }
    if (method === 'POST' && path === '/notifications/read-all') return json(200, { updated: 0 });
    m = /^\/notifications\/([\w-]+)\/read$/.exec(path);
    if (method === 'POST' && m) {
      this.read.add(m[1]);
      return json(200, { id: m[1], read: true });
    }
    if (path.startsWith('/ledgers')) {
      if (missing('ledgers')) return fail(404, `Cannot ${method} /api/v1${path}`);
      // the shape of apps/api LedgerListItemDto / LedgerDetailDto
      const cs = this.cases.filter((c) => c.ledgerId === this.ledgerId && this.canRead(c, user));
      const open = (c: MockCase) => !['closed', 'rejected', 'merged'].includes(c.state);
      const counts = (list: MockCase[]) => ({
        cases: list.length,
        dispatched: list.filter((c) => ['reported', 'pending_dispatch', 'assigned'].includes(c.state) && !c.overdue).length,
        rectifying: list.filter((c) => ['rectifying', 'pending_verification'].includes(c.state) && !c.overdue).length,
        overdue: list.filter((c) => c.overdue && open(c)).length,
        signedOff: list.filter((c) => c.state === 'closed').length,
        items: list.length,
        itemsSignedOff: list.filter((c) => c.state === 'closed').length,
      });
      const base = {
        id: this.ledgerId,
        title: '第二轮中央生态环境保护督察交办问题整改台账（嘉兴市）',
        kind: 'inspection_feedback',
        source: 'central_inspection',
        issuer: '中央第三生态环境保护督察组',
        issuedDate: '2026-03-02',
        dueDate: '2026-12-31',
        regionCode: '330400',
        regionName: '嘉兴市',
        createdByName: '市局调度员',
        createdAt: '2026-03-02T01:00:00.000Z',
        updatedAt: '2026-03-02T01:00:00.000Z',
      };
      if (method === 'GET' && path === '/ledgers') {
        const c = counts(cs);
        return json(200, { items: [{ ...base, items: c.items, cases: c.cases, signedOff: c.signedOff, overdue: c.overdue }], total: 1, page: 1, pageSize: 50 });
      }
      const all = this.cases.filter((c) => c.ledgerId === this.ledgerId);
      const seqOf = (c: MockCase) => all.indexOf(c) + 1;
      const ability = createAbility(defineRulesFor(authUser(user)));
      if (method === 'GET' && path === `/ledgers/${this.ledgerId}`) {
        const status = (c: MockCase) => (c.state === 'closed' ? 'signed_off' : c.overdue ? 'overdue' : ['rectifying', 'pending_verification'].includes(c.state) ? 'rectifying' : 'dispatched');
        const visibleBacks = this.reportBacks.filter((r) => ability.can('read', asLedger({ regionPath: pathOf(r.regionCode) })));
        const allowed = user.roles.includes('dispatcher') ? ['import', 'export'] : user.roles.includes('supervisor') ? ['report_back'] : [];
        return json(200, {
          ...base,
          progress: counts(cs),
          counties: COUNTIES.filter(([code]) => cs.some((c) => c.regionCode.startsWith(code))).map(([code, name]) => ({
            regionCode: code,
            regionName: name,
            reportedBackAt: visibleBacks.filter((r) => r.regionCode === code).pop()?.at ?? null,
            ...counts(cs.filter((c) => c.regionCode.startsWith(code))),
          })),
          items: cs.map((c) => ({
            id: this.itemIds.get(c.id)!,
            seq: seqOf(c),
            title: c.title,
            description: c.description,
            category: c.category,
            counties: [{ code: c.regionCode.slice(0, 6), name: region(c.regionCode.slice(0, 6)).name }],
            towns: [],
            leadUnits: c.leadUnitId ? [{ id: c.leadUnitId, name: unitById(c.leadUnitId)!.name }] : [],
            coUnits: c.coUnitIds.map((id) => ({ id, name: unitById(id)?.name ?? id })),
            dueDate: '2026-12-31',
            milestones: [],
            target: null,
            status: status(c),
            overdue: c.overdue,
            signedOff: c.state === 'closed',
            signedOffAt: c.closedAt,
            cases: [
              {
                id: c.id,
                code: c.code,
                state: c.state,
                status: status(c),
                regionCode: c.regionCode,
                regionName: region(c.regionCode).name,
                countyCode: c.regionCode.slice(0, 6),
                countyName: region(c.regionCode.slice(0, 6)).name,
                leadUnitId: c.leadUnitId,
                leadUnitName: unitById(c.leadUnitId)?.name ?? null,
                dueAt: c.dueAt,
                overdue: c.overdue,
                closedAt: c.closedAt,
              },
            ],
            progress: this.progress.filter((p) => p.itemId === this.itemIds.get(c.id)),
          })),
          reportBacks: visibleBacks,
          allowedActions: allowed,
        });
      }
      // 序时进展 (apps/api CreateProgressDto): the lead unit or a co-unit of an open item
      let lm = new RegExp(`^/ledgers/${this.ledgerId}/items/([\\w-]+)/progress$`).exec(path);
      if (method === 'POST' && lm) {
        const c = all.find((x) => this.itemIds.get(x.id) === lm![1]);
        if (!c) return fail(404, 'Ledger item not found', undefined, 'not_found');
        const b = body() as { period?: string; note?: string };
        if (!/^\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/.test(b.period ?? '') || !b.note?.trim())
          return fail(400, 'period must be like 2026, 2026-H2, 2026-Q4 or 2026-11; note should not be empty', undefined, 'validation_failed');
        const unit = unitByKey(user.unitKey);
        if (!unit || !ability.can('report_progress', this.subject(c)))
          return fail(403, 'Only the lead unit or a co-unit of this item may report its progress', undefined, 'forbidden');
        if (c.state === 'closed') return fail(422, 'The item is signed off; no more progress reports', undefined, 'item_signed_off');
        const p: Progress = {
          id: randomUUID(),
          itemId: lm[1],
          period: b.period!,
          note: b.note.trim(),
          unitId: unit.id,
          unitName: unit.name,
          unitRole: c.leadUnitId === unit.id ? 'lead' : 'co',
          authorName: user.displayName,
          createdAt: new Date().toISOString(),
        };
        this.progress.push(p);
        return json(201, p);
      }
      // 交账 (apps/api ReportBackDto): every open row of the county explained
      lm = new RegExp(`^/ledgers/${this.ledgerId}/report-back$`).exec(path);
      if (method === 'POST' && lm) {
        const b = body() as { regionCode?: string; comment?: string; explanations?: { itemId: string; note: string }[] };
        if (!b.comment?.trim() || !/^\d{6,12}$/.test(b.regionCode ?? '')) return fail(400, 'comment should not be empty', undefined, 'validation_failed');
        const county = REGIONS.find((r) => r.code === b.regionCode && r.level === 'county');
        if (!county) return fail(422, 'regionCode must be a county', undefined, 'not_a_county');
        if (!ability.can('report_back', asLedger({ regionPath: pathOf(county.code) }))) return fail(403, `You may not report back for ${county.name}`, undefined, 'forbidden');
        const rows = all.filter((c) => c.regionCode.startsWith(county.code));
        if (!rows.length) return fail(422, `This ledger has no rows in ${county.name}`, undefined, 'nothing_to_report');
        const explained = new Map((b.explanations ?? []).map((e) => [e.itemId, e.note]));
        const open = rows.filter((c) => c.state !== 'closed' && !explained.get(this.itemIds.get(c.id)!)?.trim());
        if (open.length)
          return fail(
            422,
            `${open.length} row(s) in ${county.name} are neither signed off nor explained`,
            open.map((c) => ({ row: seqOf(c), field: 'explanations', message: `序号 ${seqOf(c)}「${c.title}」尚未销号` })),
            'ledger_items_open',
          );
        const r: ReportBack = {
          id: randomUUID(),
          regionCode: county.code,
          regionName: county.name,
          comment: b.comment.trim(),
          explanations: rows.filter((c) => explained.has(this.itemIds.get(c.id)!)).map((c) => ({ itemId: this.itemIds.get(c.id)!, seq: seqOf(c), note: explained.get(this.itemIds.get(c.id)!)! })),
          signedOffItems: rows.filter((c) => c.state === 'closed').length,
          actorName: user.displayName,
          at: new Date().toISOString(),
        };
        this.reportBacks.push(r);
        return json(201, r);
      }
      if (method === 'POST' && path === `/ledgers/${this.ledgerId}/import`)
        return fail(422, 'The sheet has errors; nothing was imported', [
          { row: 3, column: '责任区域', message: '未知的行政区划：南湖新区' },
          { row: 5, column: '整改时限', message: '日期格式应为 YYYY-MM-DD' },
        ]);
      return fail(404, 'Ledger not found');
    }
    if (method === 'GET' && path === '/stats/overview') {
      if (missing('stats')) return fail(404, 'Cannot GET /api/v1/stats/overview');
      const scope = this.cases.filter((c) => this.canRead(c, user) && (!url.searchParams.get('regionCode') || c.regionCode.startsWith(url.searchParams.get('regionCode')!)));
      const count = (f: (c: MockCase) => string) => {
        const out: Record<string, number> = {};
        for (const c of scope) out[f(c)] = (out[f(c)] ?? 0) + 1;
        return out;
      };
      const open = (c: MockCase) => !['closed', 'rejected', 'merged'].includes(c.state);
      // the shape of apps/api StatsService.overview
      const byState = count((c) => c.state);
      return json(200, {
        regionCode: url.searchParams.get('regionCode'),
        from: null,
        to: null,
        total: scope.length,
        open: scope.filter(open).length,
        closed: scope.filter((c) => c.state === 'closed').length,
        overdue: scope.filter((c) => c.overdue && open(c)).length,
        supervised: scope.filter((c) => c.supervisionLevel && open(c)).length,
        byState,
        byCategory: Object.entries(count((c) => c.category.split('.')[0])).map(([category, n]) => ({ category, count: n })),
        bySource: Object.entries(count((c) => c.source)).map(([source, n]) => ({ source, count: n })),
        byCounty: COUNTIES.map(([code, name]) => {
          const cs = scope.filter((c) => c.regionCode.startsWith(code));
          return { regionCode: code, regionName: name, total: cs.length, open: cs.filter(open).length, closed: cs.filter((c) => c.state === 'closed').length, overdue: cs.filter((c) => c.overdue && open(c)).length };
        }),
        points: scope.filter((c) => c.lat !== null && c.lng !== null).map((c) => ({ id: c.id, lat: c.lat, lng: c.lng, state: c.state, category: c.category, overdue: c.overdue })),
      });
    }
    // handleMore answers (a promise) or leaves the request to the 404 below (undefined)
    const more = this.handleMore({ route, method, path, url, user, body, json, fail });
    if (more !== undefined) return more;
    return fail(404, `Cannot ${method} /api/v1${path}`);
  }
  /** Admin CRUD, risk warnings, enterprises and duplicates: the shapes of apps/api's DTOs. */
  private handleMore(x: {
    route: Route;
    method: string;
    path: string;
    url: URL;
    user: User;
    body: () => Record<string, unknown>;
    json: (status: number, body: unknown) => Promise<void>;
    fail: (status: number, message: string, details?: unknown, code?: string) => Promise<void>;
  }): Promise<void> | undefined {
    const { method, path, url, user, body, json, fail } = x;
    const ability = createAbility(defineRulesFor(authUser(user)));
    const may = (subject: 'User' | 'Unit' | 'Region' | 'DeadlinePolicy' | 'Calendar') => ability.can('manage', subject);
    const forbidden = () => fail(403, 'Not permitted', undefined, 'forbidden');
    let m: RegExpExecArray | null;

    // --- users
    if (path === '/admin/users' || path.startsWith('/admin/users/')) {
      if (!may('User')) return forbidden();
      if (method === 'GET' && path === '/admin/users') {
        const code = url.searchParams.get('regionCode');
        const q = url.searchParams.get('q')?.toLowerCase();
        const list = USERS.filter((u) => (!code || u.regionCode.startsWith(code)) && (!q || u.username.includes(q) || u.displayName.toLowerCase().includes(q)));
        return json(200, [...list].sort((a, b) => a.username.localeCompare(b.username)).map(userDto));
      }
      const b = body();
      const unitKeyOf = (id: unknown) => (id ? (UNITS.find((u) => u.id === id)?.key ?? undefined) : null);
      if (b.regionCode !== undefined && !REGIONS.some((r) => r.code === b.regionCode)) return fail(422, `Region ${String(b.regionCode)} does not exist`, [{ field: 'regionCode', message: 'unknown region' }], 'unknown_region');
      if (b.unitId && unitKeyOf(b.unitId) === undefined) return fail(422, 'Unit does not exist', [{ field: 'unitId', message: 'unknown unit' }], 'unknown_unit');
      if (method === 'POST' && path === '/admin/users') {
        if (!/^[a-z0-9._-]{3,64}$/.test(String(b.username ?? '')) || String(b.password ?? '').length < 8 || !Array.isArray(b.roles) || !b.roles.length || !b.displayName || !b.regionCode)
          return fail(400, 'username, password (8+), displayName, roles and regionCode are required', undefined, 'validation_failed');
        if (USERS.some((u) => u.username === b.username)) return fail(409, `Username ${String(b.username)} is taken`, undefined, 'username_taken');
        const u: User & { password?: string } = {
          id: randomUUID(),
          username: String(b.username),
          displayName: String(b.displayName),
          roles: b.roles as Role[],
          unitKey: unitKeyOf(b.unitId) ?? null,
          regionCode: String(b.regionCode),
          active: true,
          password: String(b.password),
        };
        USERS.push(u);
        return json(201, userDto(u));
      }
      m = /^\/admin\/users\/([\w-]+)$/.exec(path);
      const u = m ? USERS.find((x) => x.id === m![1]) : undefined;
      if (!u) return fail(404, 'User not found', undefined, 'not_found');
      if (method === 'PATCH') {
        if (b.displayName !== undefined) u.displayName = String(b.displayName);
        if (b.roles !== undefined) u.roles = b.roles as Role[];
        if (b.regionCode !== undefined) u.regionCode = String(b.regionCode);
        if (b.unitId !== undefined) u.unitKey = unitKeyOf(b.unitId) ?? null;
        if (b.active !== undefined) u.active = Boolean(b.active);
        if (b.password) (u as User & { password?: string }).password = String(b.password);
        return json(200, userDto(u));
      }
      if (method === 'DELETE') {
        u.active = false;
        return x.route.fulfill({ status: 204 });
      }
    }

    // --- units
    if (path === '/admin/units' || path.startsWith('/admin/units/')) {
      if (!may('Unit')) return forbidden();
      const b = body();
      const KINDS = ['bureau', 'branch_bureau', 'town_office', 'department', 'enterprise', 'other'];
      if (b.kind !== undefined && !KINDS.includes(String(b.kind))) return fail(400, 'kind must be one of the unit kinds', undefined, 'validation_failed');
      const taken = (name: unknown, except?: string) => UNITS.some((u) => u.name === name && u.id !== except);
      if (method === 'POST' && path === '/admin/units') {
        if (!b.name || !b.kind || !b.regionCode) return fail(400, 'name, kind and regionCode are required', undefined, 'validation_failed');
        if (!REGIONS.some((r) => r.code === b.regionCode)) return fail(422, `Region ${String(b.regionCode)} does not exist`, undefined, 'unknown_region');
        if (taken(b.name)) return fail(409, `A unit named ${String(b.name)} already exists`, undefined, 'unit_exists');
        const unit: Unit = { id: randomUUID(), key: `u-${UNITS.length}`, name: String(b.name), kind: String(b.kind), regionCode: String(b.regionCode), active: true };
        UNITS.push(unit);
        return json(201, { id: unit.id, name: unit.name, kind: unit.kind, regionCode: unit.regionCode });
      }
      m = /^\/admin\/units\/([\w-]+)$/.exec(path);
      const unit = m ? UNITS.find((u) => u.id === m![1]) : undefined;
      if (!unit) return fail(404, 'Unit not found', undefined, 'not_found');
      if (method === 'PATCH') {
        if (b.name && taken(b.name, unit.id)) return fail(409, `A unit named ${String(b.name)} already exists`, undefined, 'unit_exists');
        if (b.name) unit.name = String(b.name);
        if (b.kind) unit.kind = String(b.kind);
        return json(200, { id: unit.id, name: unit.name, kind: unit.kind, regionCode: unit.regionCode });
      }
      if (method === 'DELETE') {
        unit.active = false;
        return x.route.fulfill({ status: 204 });
      }
    }

    // --- regions
    if (path === '/admin/regions' || path.startsWith('/admin/regions/')) {
      if (!may('Region')) return forbidden();
      const b = body();
      if (method === 'POST' && path === '/admin/regions') {
        const code = String(b.code ?? '');
        if (!/^\d{6,12}$/.test(code) || !b.name || !REGION_LEVELS.includes(b.level as RegionLevel)) return fail(400, 'code must be 6-12 digits', undefined, 'validation_failed');
        if (REGIONS.some((r) => r.code === code)) return fail(409, `Region ${code} already exists`, undefined, 'region_exists');
        const parent = b.parentCode ? REGIONS.find((r) => r.code === b.parentCode) : undefined;
        if (b.parentCode && !parent) return fail(422, 'Parent region does not exist', undefined, 'unknown_parent');
        if (parent && !code.startsWith(parent.code)) return fail(422, 'A region code starts with its parent code', undefined, 'bad_code');
        if (parent && REGION_LEVELS.indexOf(b.level as RegionLevel) <= REGION_LEVELS.indexOf(parent.level)) return fail(422, 'level must be below the parent level', undefined, 'bad_level');
        const r: Region = { code, name: String(b.name), level: b.level as RegionLevel, parentCode: parent?.code ?? null };
        REGIONS.push(r);
        return json(201, { ...r, path: pathOf(code) });
      }
      m = /^\/admin\/regions\/(\d+)$/.exec(path);
      const r = m ? REGIONS.find((x) => x.code === m![1]) : undefined;
      if (!r) return fail(404, 'Region not found', undefined, 'not_found');
      if (method === 'PATCH') {
        if (b.name) r.name = String(b.name);
        return json(200, { ...r, path: pathOf(r.code) });
      }
      if (method === 'DELETE') {
        const inUse =
          REGIONS.some((c) => c.parentCode === r.code) ||
          UNITS.some((u) => u.regionCode === r.code) ||
          USERS.some((u) => u.regionCode === r.code) ||
          this.cases.some((c) => c.regionCode === r.code);
        if (inUse) return fail(409, 'The region still has sub-regions, units, users or cases', undefined, 'region_in_use');
        REGIONS.splice(REGIONS.indexOf(r), 1);
        return x.route.fulfill({ status: 204 });
      }
    }

    // --- deadline policies
    if (path === '/admin/deadline-policies' || path.startsWith('/admin/deadline-policies/')) {
      if (!may('DeadlinePolicy')) return forbidden();
      if (method === 'GET' && path === '/admin/deadline-policies') return json(200, this.policies);
      const b = body();
      const catchAll = (p: DeadlinePolicy) => p.source === null && p.category === null && p.severity === null;
      const clash = (p: DeadlinePolicy, except?: string) =>
        this.policies.some((o) => o.id !== except && o.kind === p.kind && o.source === p.source && o.category === p.category && o.severity === p.severity);
      if (method === 'POST' && path === '/admin/deadline-policies') {
        const p = { id: randomUUID(), source: null, category: null, severity: null, reminderLeadMinutes: 0, ...b } as DeadlinePolicy & { id: string };
        if (!(Number(p.amount) > 0) || !p.unit || !p.kind) return fail(400, 'kind, amount and unit are required', undefined, 'validation_failed');
        if (clash(p)) return fail(409, 'A policy for this kind, source, category and severity already exists', undefined, 'policy_exists');
        this.policies.push(p);
        return json(201, p);
      }
      m = /^\/admin\/deadline-policies\/([\w-]+)$/.exec(path);
      const p = m ? this.policies.find((o) => o.id === m![1]) : undefined;
      if (!p) return fail(404, 'Deadline policy not found', undefined, 'not_found');
      if (method === 'PATCH') {
        const next = { ...p, ...b } as DeadlinePolicy & { id: string };
        if (clash(next, p.id)) return fail(409, 'A policy for this kind, source, category and severity already exists', undefined, 'policy_exists');
        if (catchAll(p) && !(catchAll(next) && next.kind === p.kind)) return fail(409, 'The catch-all policy cannot be narrowed', undefined, 'default_policy_required');
        Object.assign(p, next);
        return json(200, p);
      }
      if (method === 'DELETE') {
        if (catchAll(p)) return fail(409, 'The catch-all policy cannot be removed', undefined, 'default_policy_required');
        this.policies.splice(this.policies.indexOf(p), 1);
        return x.route.fulfill({ status: 204 });
      }
    }

    // --- working-day calendar
    m = /^\/admin\/calendar\/(\d{4})$/.exec(path);
    if (m) {
      if (!may('Calendar')) return forbidden();
      const year = Number(m[1]);
      if (method === 'GET') {
        const y = this.calendars.get(year);
        return json(200, { year, stored: !!y, holidays: y?.holidays ?? [], workdays: y?.workdays ?? [] });
      }
      if (method === 'PUT') {
        const b = body() as { holidays?: string[]; workdays?: string[] };
        const holidays = [...new Set(b.holidays ?? [])].sort();
        const workdays = [...new Set(b.workdays ?? [])].sort();
        const bad = workdays.filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) || holidays.includes(d));
        if (bad.length || [...holidays, ...workdays].some((d) => !d.startsWith(`${year}-`)))
          return fail(422, `${bad.join(', ')} cannot be make-up working days`, undefined, 'invalid_calendar');
        this.calendars.set(year, { holidays, workdays });
        return json(200, { year, stored: true, holidays, workdays });
      }
    }

    // --- 风险预警: per county in the caller's jurisdiction, from the cases reported in the month
    if (method === 'GET' && path === '/risk-warnings') {
      if (!ability.can('read', 'RiskWarning')) return forbidden();
      const month = url.searchParams.get('month') ?? new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return fail(400, 'month must be YYYY-MM', undefined, 'validation_failed');
      const shanghaiMonth = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 7);
      const rows = COUNTIES.map(([code, name]) => {
        const cs = this.cases.filter((c) => c.regionCode.startsWith(code) && shanghaiMonth(c.createdAt) === month && !['rejected', 'merged'].includes(c.state));
        const figures = {
          newCases: cs.length,
          external: cs.filter((c) => (EXTERNAL_SOURCES as readonly string[]).includes(c.source)).length,
          selfDiscovered: cs.filter((c) => !(EXTERNAL_SOURCES as readonly string[]).includes(c.source)).length,
          overdue: cs.filter((c) => c.overdue).length,
          reworked: cs.filter((c) => c.reworkCount > 0).length,
          reopened: cs.filter((c) => c.reopenCount > 0).length,
        };
        return { regionCode: code, regionName: name, month, figures, ...riskScore(figures), computedAt: new Date().toISOString() };
      }).filter((r) => ability.can('read', inRegion('RiskWarning', pathOf(r.regionCode))));
      return json(200, rows.sort((a, b) => b.score - a.score || a.regionCode.localeCompare(b.regionCode)));
    }

    // --- 企业环境健康码
    m = /^\/enterprises\/([\w-]+)$/.exec(path);
    if (method === 'GET' && m) {
      if (!ability.can('read', 'Enterprise')) return forbidden();
      const e = ENTERPRISES.find((x) => x.creditCode === m![1].toUpperCase());
      if (!e) return fail(404, 'Enterprise not found', undefined, 'not_found');
      const mine = this.cases.filter((c) => c.enterpriseCreditCode === e.creditCode);
      const { code, reasons } = healthCode(
        mine.map((c) => ({ ...c, createdAt: new Date(c.createdAt), closedAt: c.closedAt ? new Date(c.closedAt) : null })),
        new Date(),
      );
      const visible = mine.filter((c) => this.canRead(c, user)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return json(200, { ...e, regionName: region(e.regionCode).name, healthCode: code, healthReasons: reasons, cases: visible.map((c) => this.dto(c, user)) });
    }

    // --- likely duplicates: open, same top category, nearby (or same region), within 30 days
    m = /^\/cases\/([\w-]+)\/duplicates$/.exec(path);
    if (method === 'GET' && m) {
      const c = this.cases.find((k) => k.id === m![1]);
      if (!c || !this.canRead(c, user)) return fail(404, 'Case not found', undefined, 'not_found');
      const top = (cat: string) => cat.split('.')[0];
      const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
      const dups = this.cases.filter(
        (o) =>
          o.id !== c.id &&
          this.canRead(o, user) &&
          ['reported', 'pending_dispatch', 'assigned', 'rectifying', 'pending_verification'].includes(o.state) &&
          top(o.category) === top(c.category) &&
          days(o.createdAt, c.createdAt) <= 30 &&
          (c.lat === null || o.lat === null ? o.regionCode === c.regionCode : Math.abs(o.lat - c.lat) < 0.01 && Math.abs(o.lng! - c.lng!) < 0.012),
      );
      return json(200, dups.map((o) => ({ ...this.dto(o, user), distanceM: distanceM(c, o) })));
    }
    return undefined;
  }
}

function parseMultipart(buf: Buffer, contentType: string): { name: string; mime: string; content: Buffer } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const fallback = { name: 'upload.bin', mime: 'application/octet-stream', content: Buffer.alloc(0) };
  if (!boundary) return fallback;
  const delim = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = buf.indexOf(delim);
  const headEnd = buf.indexOf('\r\n\r\n', start);
  if (start < 0 || headEnd < 0) return fallback;
  const head = buf.subarray(start, headEnd).toString('utf8');
  const end = buf.indexOf(Buffer.concat([Buffer.from('\r\n'), delim]), headEnd);
  return {
    name: /filename="([^"]*)"/.exec(head)?.[1] ?? 'upload.bin',
    mime: /Content-Type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream',
    content: buf.subarray(headEnd + 4, end < 0 ? undefined : end),
  };
}
