// An in-memory stand-in for /api/v1, installed with Playwright routing. It lets the UI smoke test
// (and screenshots) run while the real API is being built. Permissions come from the real
// libs/auth rules; the loop is a simplified copy of DESIGN §4. Not a specification of the API.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Route } from 'playwright-core';
import { asCase, createAbility, defineRulesFor, packAbilityRules, type AuthUser } from '@ecoloop/auth';
import type { CaseAction, CaseState, RegionLevel, Role } from '@ecoloop/workflow';
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
}
interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitKey: string | null;
  regionCode: string;
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
  };
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
  private seq = 1000;

  constructor(private readonly opts: MockOptions = {}) {
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
    const fail = (status: number, message: string, details?: unknown) =>
      json(status, { statusCode: status, error: { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity' }[status] ?? 'Error', message, ...(details ? { details } : {}) });
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
      if (!u || password !== 'demo1234') return fail(401, 'Invalid username or password');
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
      return json(200, UNITS.filter((u) => u.regionCode.startsWith(code)).map(({ key: _k, ...u }) => u));
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
      if (method === 'GET' && path === `/ledgers/${this.ledgerId}`) {
        const status = (c: MockCase) => (c.state === 'closed' ? 'signed_off' : c.overdue ? 'overdue' : ['rectifying', 'pending_verification'].includes(c.state) ? 'rectifying' : 'dispatched');
        return json(200, {
          ...base,
          progress: counts(cs),
          counties: COUNTIES.filter(([code]) => cs.some((c) => c.regionCode.startsWith(code))).map(([code, name]) => ({
            regionCode: code,
            regionName: name,
            reportedBackAt: null,
            ...counts(cs.filter((c) => c.regionCode.startsWith(code))),
          })),
          items: cs.map((c, i) => ({
            id: `li-${i}`,
            seq: i + 1,
            title: c.title,
            description: c.description,
            category: c.category,
            counties: [{ code: c.regionCode.slice(0, 6), name: region(c.regionCode.slice(0, 6)).name }],
            towns: [],
            leadUnits: c.leadUnitId ? [{ id: c.leadUnitId, name: unitById(c.leadUnitId)!.name }] : [],
            coUnits: [],
            dueDate: '2026-12-31',
            milestones: [],
            target: null,
            status: status(c),
            overdue: c.overdue,
            signedOff: c.state === 'closed',
            signedOffAt: c.closedAt,
            cases: [{ id: c.id, code: c.code, state: c.state, status: status(c), regionCode: c.regionCode, regionName: region(c.regionCode).name, dueAt: c.dueAt, overdue: c.overdue, closedAt: c.closedAt }],
            progress: [],
          })),
          reportBacks: [],
          allowedActions: user.roles.includes('dispatcher') ? ['import', 'export'] : user.roles.includes('supervisor') ? ['report_back'] : [],
        });
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
    return fail(404, `Cannot ${method} /api/v1${path}`);
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
