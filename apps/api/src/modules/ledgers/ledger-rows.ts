// Reading the rows of a ledger file into ledger items and the cases they fan out to (one per
// county). Pure: every reference (regions, units, jurisdiction, now) comes in as data, and every
// problem comes back as a row error, so a file is refused whole with all its errors at once.
import { isWithinPath } from '@ecoloop/auth';
import { parseDueAt } from '@ecoloop/workflow';
import type { ErrorDetail } from '../../core/errors/app-error.js';
import { cellDeadline, cellText, halfWidth, headerOf, parseCategory, parseMilestone, parseRectifyType, parseScope, splitList, type ImportKey } from './ledger-template.js';

/** One spreadsheet row as read: its Excel row number and the raw cell values by column key. */
export interface RawRow {
  row: number;
  /** The sheet it was read from. */
  sheet?: string;
  values: Partial<Record<ImportKey, unknown>>;
}

export interface RegionRef {
  code: string;
  name: string;
  level: string;
  path: string;
}

export interface UnitRef {
  id: string;
  name: string;
  regionPath: string;
  active: boolean;
}

export interface RowContext {
  /** Counties and towns (at least those inside the ledger's region). */
  regions: RegionRef[];
  units: UnitRef[];
  ledgerRegion: RegionRef;
  /** The importing user's jurisdiction: units must lie inside it. */
  jurisdictionPath: string;
  /** Deadlines must fall after this moment. */
  now: Date;
  /** The ledger's 交账 date: no row deadline may pass it; 长期坚持 rows are held to it. */
  ledgerDueDate: string;
  /** What the ledger's rows are: from the ledger's kind. */
  rowKind?: ItemKind;
}

export const ITEM_KINDS = ['feedback_problem', 'petition', 'task'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
/** 边督边改: a transferred petition without a 整改时限 is due this many days after its import. */
export const PETITION_DEFAULT_DAYS = 15;

/** One case an item fans out to: the county it belongs to and where it lands. */
export interface PlannedItemCase {
  countyCode: string;
  regionCode: string;
  regionName: string;
  regionPath: string;
  address: string | null;
  leadUnitId: string;
  coUnitIds: string[];
}

export interface ParsedItem {
  row: number;
  seq: number;
  title: string;
  description: string;
  category: string;
  countyCodes: string[];
  townCodes: string[];
  leadUnitIds: string[];
  coUnitIds: string[];
  /** 整改时限 as a date, and as the due time of the rectify deadline (17:30 Asia/Shanghai); a
   * 长期坚持 row has no date of its own and is held to the ledger's 交账 date. */
  dueDate: string;
  dueAt: string;
  milestones: string[];
  target: string | null;
  rectifyType: RectifyType;
  kind: ItemKind;
  problemScope: 'specific' | 'common' | null;
  measures: string | null;
  responsibleLeader: string | null;
  responsiblePerson: string | null;
  /** Planned progress due by each milestone, percent, increasing (evenly spaced when not written). */
  milestonePercents: number[];
  /** false: one city-led case (see DESIGN §15); true when absent. */
  splitByCounty?: boolean;
  /** 811 tables: the 专项行动 (ledger_action) of a 主要任务 row, set once the actions are known. */
  parentId?: string | null;
  /** 811 tables: the 专项行动 a 主要任务 row names, and that action's lead unit when the row gives it. */
  action?: { title: string; leadUnitId: string | null } | null;
  cases: PlannedItemCase[];
}

export const RECTIFY_TYPES = ['immediate', 'deadline', 'long_term'] as const;
export type RectifyType = (typeof RECTIFY_TYPES)[number];

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 5000;
export const MAX_TARGET = 2000;

/** Duplicate rows are the same 问题标题 for the same counties. */
export function dedupeKey(title: string, countyCodes: readonly string[]): string {
  return `${title.replace(/\s+/g, '')}|${[...countyCodes].sort().join(',')}`;
}

/** Validates every row; returns the items of the good rows and the errors of the bad ones. */
export function parseRows(rows: RawRow[], ctx: RowContext): { items: ParsedItem[]; errors: ErrorDetail[] } {
  const lookup = new Lookup(ctx);
  const items: ParsedItem[] = [];
  const errors: ErrorDetail[] = [];
  const seqRows = new Map<number, number>();
  const keyRows = new Map<string, number>();
  const actionLeads = new Map<string, { lead: string | null; row: number }>();
  for (const raw of rows) {
    const rowErrors: ErrorDetail[] = [];
    const item = parseRow(raw, lookup, ctx, (key, message) => rowErrors.push({ row: raw.row, column: headerOf(key), message }));
    if (item) {
      const sameSeq = seqRows.get(item.seq);
      if (sameSeq !== undefined) rowErrors.push({ row: raw.row, column: headerOf('seq'), message: `序号 ${item.seq} 与第 ${sameSeq} 行重复` });
      else seqRows.set(item.seq, raw.row);
      const key = dedupeKey(item.title, item.countyCodes);
      const sameKey = keyRows.get(key);
      if (sameKey !== undefined) rowErrors.push({ row: raw.row, column: headerOf('title'), message: `与第 ${sameKey} 行重复（问题标题和县（市、区）相同）` });
      else keyRows.set(key, raw.row);
    }
    if (item?.action) {
      const seen = actionLeads.get(item.action.title);
      const lead = item.action.leadUnitId;
      if (seen && lead && seen.lead && seen.lead !== lead) {
        rowErrors.push({ row: raw.row, column: headerOf('actionLeadUnit'), message: `专项行动「${item.action.title}」的牵头单位与第 ${seen.row} 行不一致` });
      } else if (!seen || (!seen.lead && lead)) actionLeads.set(item.action.title, { lead: lead ?? seen?.lead ?? null, row: raw.row });
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (item) items.push(item);
  }
  // Every row of an action carries its lead unit once the action's first row with one has given it.
  for (const item of items) if (item.action && !item.action.leadUnitId) item.action = { ...item.action, leadUnitId: actionLeads.get(item.action.title)?.lead ?? null };
  return { items, errors };
}

/**
 * The 专项行动 of task rows against the actions already in the ledger: a new action needs its lead
 * unit, an existing one keeps its own (a different one is an error). Rows of a known action take its id.
 */
export function resolveActions(
  items: ParsedItem[],
  existing: { id: string; title: string; leadUnitId: string }[],
): { errors: ErrorDetail[]; newActions: { title: string; leadUnitId: string }[] } {
  const byTitle = new Map(existing.map((a) => [a.title, a]));
  const errors: ErrorDetail[] = [];
  const newActions = new Map<string, string>();
  for (const item of items) {
    if (!item.action) continue;
    const known = byTitle.get(item.action.title);
    if (known) {
      if (item.action.leadUnitId && item.action.leadUnitId !== known.leadUnitId) {
        errors.push({ row: item.row, column: headerOf('actionLeadUnit'), message: `专项行动「${item.action.title}」已在台账中，牵头单位与已有的不一致` });
      }
      item.parentId = known.id;
    } else if (!item.action.leadUnitId) {
      errors.push({ row: item.row, column: headerOf('actionLeadUnit'), message: `新的专项行动「${item.action.title}」须填写行动牵头单位` });
    } else newActions.set(item.action.title, item.action.leadUnitId);
  }
  return { errors, newActions: [...newActions.entries()].map(([title, leadUnitId]) => ({ title, leadUnitId })) };
}

/** Rows that repeat an item already in the ledger (same 序号, or same 问题标题 and counties). */
export function duplicatesOfExisting(items: ParsedItem[], existing: { seq: number; title: string; countyCodes: string[] }[]): ErrorDetail[] {
  const bySeq = new Map(existing.map((e) => [e.seq, e]));
  const byKey = new Map(existing.map((e) => [dedupeKey(e.title, e.countyCodes), e]));
  const errors: ErrorDetail[] = [];
  for (const item of items) {
    if (bySeq.has(item.seq)) errors.push({ row: item.row, column: headerOf('seq'), message: `台账中已有序号 ${item.seq}` });
    const same = byKey.get(dedupeKey(item.title, item.countyCodes));
    if (same) errors.push({ row: item.row, column: headerOf('title'), message: `台账中已有相同问题（序号 ${same.seq}）` });
  }
  return errors;
}

type Report = (key: ImportKey, message: string) => void;

function parseRow(raw: RawRow, lookup: Lookup, ctx: RowContext, report: Report): ParsedItem | null {
  const text = (key: ImportKey) => cellText(raw.values[key]);
  let ok = true;
  const fail: Report = (key, message) => {
    ok = false;
    report(key, message);
  };

  // 序号
  const seqText = halfWidth(text('seq')).replace(/\.0+$/, '');
  const seq = /^\d{1,9}$/.test(seqText) ? Number(seqText) : NaN;
  if (!seqText) fail('seq', '序号不能为空');
  else if (!Number.isInteger(seq) || seq <= 0) fail('seq', `序号「${seqText}」不是正整数`);

  // 问题标题 / 问题描述 / 整改目标
  const title = text('title');
  if (!title) fail('title', '问题标题不能为空');
  else if (title.length > MAX_TITLE) fail('title', `问题标题超过 ${MAX_TITLE} 字`);
  const description = text('description') || title;
  if (description.length > MAX_DESCRIPTION) fail('description', `问题描述超过 ${MAX_DESCRIPTION} 字`);
  const target = text('target') || null;
  if (target && target.length > MAX_TARGET) fail('target', `整改目标超过 ${MAX_TARGET} 字`);
  const measures = text('measures') || null;
  if (measures && measures.length > MAX_DESCRIPTION) fail('measures', `整改措施超过 ${MAX_DESCRIPTION} 字`);
  const person = (key: 'responsibleLeader' | 'responsiblePerson') => {
    const v = text(key) || null;
    if (v && v.length > 64) fail(key, `${headerOf(key)}超过 64 字`);
    return v;
  };
  const responsibleLeader = person('responsibleLeader');
  const responsiblePerson = person('responsiblePerson');
  const kind: ItemKind = ctx.rowKind ?? 'feedback_problem';
  const scopeText = text('scope');
  const problemScope = scopeText ? parseScope(scopeText) : null;
  if (scopeText && !problemScope) fail('scope', `问题性质「${scopeText}」应为 具体问题 或 共性问题`);
  // 专项行动 / 行动牵头单位: task tables only (811: 专项行动 → 主要任务); a task without one stays a one-level row.
  const actionTitle = text('action');
  const actionLeadText = text('actionLeadUnit');
  let action: ParsedItem['action'] = null;
  if (kind !== 'task' && (actionTitle || actionLeadText)) fail(actionTitle ? 'action' : 'actionLeadUnit', '只有任务清单的行可以填写专项行动');
  else if (kind === 'task') {
    if (!actionTitle && actionLeadText) fail('action', '填写了行动牵头单位，但专项行动为空');
    else if (actionTitle.length > MAX_TITLE) fail('action', `专项行动超过 ${MAX_TITLE} 字`);
    let actionLead: UnitRef | null = null;
    if (actionLeadText) {
      const found = lookup.unit(actionLeadText, ctx);
      if (typeof found === 'string') fail('actionLeadUnit', found);
      else actionLead = found;
    }
    if (actionTitle) action = { title: actionTitle, leadUnitId: actionLead?.id ?? null };
  }
  const typeText = text('rectifyType');
  const writtenType = typeText ? parseRectifyType(typeText) : null;
  if (typeText && !writtenType) fail('rectifyType', `整改类型「${typeText}」应为 立行立改、限期整改 或 长期坚持`);

  // 类别
  const categoryText = text('category');
  const category = parseCategory(categoryText);
  if (!categoryText) fail('category', '类别不能为空');
  else if (!category) fail('category', `未知类别「${categoryText}」`);

  // 县（市、区） and 镇（街道）; 全市 (or the ledger's own region) makes one city-led case.
  const cityWide = CITY_WIDE.test(text('county')) || (ctx.ledgerRegion.level === 'city' && text('county') === ctx.ledgerRegion.name);
  const counties: RegionRef[] = [];
  for (const name of cityWide ? [] : splitList(text('county'))) {
    const found = lookup.region(name, 'county');
    if (typeof found === 'string') fail('county', found);
    else if (!counties.includes(found)) counties.push(found);
  }
  const towns: RegionRef[] = [];
  for (const name of splitList(text('town'))) {
    const found = lookup.region(name, 'town', counties);
    if (typeof found === 'string') {
      fail('town', found);
      continue;
    }
    const county = lookup.countyOf(found);
    if (counties.length > 0 && !counties.some((c) => c.code === county?.code)) {
      fail('town', `镇（街道）「${found.name}」不属于所填的县（市、区）`);
      continue;
    }
    if (!towns.includes(found)) towns.push(found);
  }
  if (counties.length === 0 && towns.length > 0) {
    // Counties from the towns when the county column is empty.
    for (const t of towns) {
      const county = lookup.countyOf(t);
      if (county && !counties.includes(county)) counties.push(county);
    }
  }
  if (!cityWide && counties.length === 0 && !text('county') && towns.length === 0 && !text('town')) fail('county', '县（市、区）和镇（街道）不能都为空（市级部门牵头的共性问题填“全市”）');
  if (cityWide && towns.length) fail('town', '县（市、区）为“全市”时不填镇（街道）');

  // 牵头单位 / 配合单位
  const leadNames = splitList(text('leadUnit'));
  if (leadNames.length === 0) fail('leadUnit', '牵头单位不能为空');
  const leads = leadNames.map((n) => lookup.unit(n, ctx)).filter((u): u is UnitRef => (typeof u === 'string' ? (fail('leadUnit', u), false) : true));
  const coNames = splitList(text('coUnits'));
  const coUnits = coNames.map((n) => lookup.unit(n, ctx)).filter((u): u is UnitRef => (typeof u === 'string' ? (fail('coUnits', u), false) : true));

  // 整改时限 / 序时节点
  const deadlineRaw = raw.values.deadline;
  const deadlineText = cellText(deadlineRaw);
  const deadline = cellDeadline(deadlineRaw);
  const longTerm = !!deadline?.longTerm || (writtenType === 'long_term' && !deadlineText);
  const rectifyType: RectifyType = longTerm ? 'long_term' : (writtenType ?? 'deadline');
  let dueDate = longTerm ? ctx.ledgerDueDate : (deadline?.date ?? null);
  if (!deadlineText && !longTerm && kind === 'petition') {
    // 边督边改: a transferred petition is due within days, never later than the ledger's 交账 date.
    const fallback = new Date(ctx.now.getTime() + 8 * 3600_000 + PETITION_DEFAULT_DAYS * 86_400_000).toISOString().slice(0, 10);
    dueDate = fallback < ctx.ledgerDueDate ? fallback : ctx.ledgerDueDate;
  }
  const dueAt = dueDate ? parseDueAt(dueDate) : null;
  if (!deadlineText && !dueDate) fail('deadline', '整改时限不能为空（长期坚持的请填“长期坚持”）');
  else if (!dueDate || !dueAt) fail('deadline', `整改时限「${deadlineText}」不是有效日期（可填 2026-12-31、2026年12月31日前、2027年3月底前 或 长期坚持）`);
  else if (dueAt.getTime() <= ctx.now.getTime()) fail('deadline', `整改时限 ${dueDate} 已过`);
  else if (dueDate > ctx.ledgerDueDate) fail('deadline', `整改时限 ${dueDate} 晚于本台账的交账日期 ${ctx.ledgerDueDate}`);
  const planned: { date: string; percent: number | null }[] = [];
  for (const m of splitList(text('milestones'), /[;；,，、\n]+/)) {
    const parsed = parseMilestone(m);
    if (!parsed) fail('milestones', `序时节点「${m}」不是有效日期（如 2026-12-31 30%）`);
    else if (dueDate && parsed.date > dueDate) fail('milestones', `序时节点 ${parsed.date} 晚于整改时限 ${dueDate}`);
    else if (parsed.percent !== null && (parsed.percent <= 0 || parsed.percent > 100)) fail('milestones', `序时节点 ${parsed.date} 的计划比例 ${parsed.percent}% 应在 1%–100% 之间`);
    else planned.push(parsed);
  }
  planned.sort((a, b) => a.date.localeCompare(b.date));
  const milestones = planned.map((p) => p.date);
  const milestonePercents = planned.map((p, i) => p.percent ?? Math.round((100 * (i + 1)) / planned.length));
  for (let i = 1; i < planned.length; i++) {
    if (milestones[i] === milestones[i - 1]) fail('milestones', `序时节点 ${milestones[i]} 重复`);
    else if (milestonePercents[i] <= milestonePercents[i - 1]) fail('milestones', `序时节点 ${milestones[i]} 的计划比例应高于前一节点（${milestonePercents[i - 1]}%）`);
  }

  if (!ok || !dueDate || !dueAt || !category) return null;

  if (cityWide) return ok ? cityLed(raw, ctx, leads, coUnits, fail, { seq, title, description, category, dueDate, dueAt, milestones, target, rectifyType, kind, problemScope, measures, responsibleLeader, responsiblePerson, milestonePercents, action }) : null;

  // Fan-out: one case per county, each with its lead unit and the co-units around it.
  const cases: PlannedItemCase[] = [];
  const usedLeads = new Set<string>();
  const usedCo = new Set<string>();
  for (const county of counties) {
    if (!isWithinPath(county.path, ctx.ledgerRegion.path)) {
      fail('county', `「${county.name}」不在本台账的范围（${ctx.ledgerRegion.name}）内`);
      continue;
    }
    const inside = leads.filter((u) => isWithinPath(u.regionPath, county.path));
    const above = leads.filter((u) => isWithinPath(county.path, u.regionPath) && u.regionPath !== county.path);
    const candidates = inside.length > 0 ? inside : above;
    if (candidates.length === 0) {
      fail('leadUnit', `没有位于${county.name}或其上级的牵头单位`);
      continue;
    }
    // The first listed unit leads; the other listed units of the county work with it.
    const [lead, ...alsoLeading] = candidates;
    usedLeads.add(lead.id);
    alsoLeading.forEach((u) => usedLeads.add(u.id));
    const co = unique([...alsoLeading, ...coUnits]).filter((u) => u.id !== lead.id && (isWithinPath(u.regionPath, county.path) || isWithinPath(county.path, u.regionPath)));
    co.forEach((u) => usedCo.add(u.id));
    const countyTowns = towns.filter((t) => isWithinPath(t.path, county.path));
    const landing = countyTowns.length === 1 ? countyTowns[0] : county;
    cases.push({
      countyCode: county.code,
      regionCode: landing.code,
      regionName: landing.name,
      regionPath: landing.path,
      address: countyTowns.length > 1 ? countyTowns.map((t) => t.name).join('、') : null,
      leadUnitId: lead.id,
      coUnitIds: co.map((u) => u.id),
    });
  }
  for (const u of leads) if (ok && !usedLeads.has(u.id)) fail('leadUnit', `牵头单位「${u.name}」不在所填的县（市、区）内`);
  for (const u of coUnits) if (ok && !usedCo.has(u.id) && !leads.some((l) => l.id === u.id)) fail('coUnits', `配合单位「${u.name}」不在所填的县（市、区）内`);
  if (!ok) return null;

  return {
    row: raw.row,
    seq,
    title,
    description,
    category,
    countyCodes: counties.map((c) => c.code),
    townCodes: towns.map((t) => t.code),
    leadUnitIds: leads.map((u) => u.id),
    coUnitIds: coUnits.map((u) => u.id),
    dueDate,
    dueAt: dueAt.toISOString(),
    milestones,
    target,
    rectifyType,
    kind,
    problemScope,
    measures,
    responsibleLeader,
    responsiblePerson,
    milestonePercents,
    action,
    cases,
  };
}

/** 全市 / 市本级 / 市级 in the county column: a city-led row (splitByCounty false). */
const CITY_WIDE = /^(全市|全市范围|市本级|市级|市直)$/;

type RowFields = Omit<ParsedItem, 'row' | 'countyCodes' | 'townCodes' | 'leadUnitIds' | 'coUnitIds' | 'cases' | 'dueAt' | 'splitByCounty' | 'parentId'> & { dueAt: Date };


/**
 * A 共性问题 led by a city department (DESIGN §15): one case at the ledger's region, led by the
 * first listed unit, which must sit at the ledger's level or above; the other units work with it.
 */
function cityLed(raw: RawRow, ctx: RowContext, leads: UnitRef[], coUnits: UnitRef[], fail: Report, f: RowFields): ParsedItem | null {
  const [lead, ...others] = leads;
  if (!lead) return null;
  if (!isWithinPath(ctx.ledgerRegion.path, lead.regionPath)) {
    fail('leadUnit', `全市性问题的牵头单位应为${ctx.ledgerRegion.name}或上级的部门，「${lead.name}」不是`);
    return null;
  }
  const co = unique([...others, ...coUnits]).filter((u) => u.id !== lead.id);
  return {
    ...f,
    row: raw.row,
    dueAt: f.dueAt.toISOString(),
    countyCodes: [],
    townCodes: [],
    leadUnitIds: leads.map((u) => u.id),
    coUnitIds: coUnits.map((u) => u.id),
    splitByCounty: false,
    cases: [
      {
        countyCode: ctx.ledgerRegion.code,
        regionCode: ctx.ledgerRegion.code,
        regionName: ctx.ledgerRegion.name,
        regionPath: ctx.ledgerRegion.path,
        address: null,
        leadUnitId: lead.id,
        coUnitIds: co.map((u) => u.id),
      },
    ],
  };
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

/** Regions and units by name or code, with the error message when one is unknown or ambiguous. */
class Lookup {
  private readonly regionsByName = new Map<string, RegionRef[]>();
  private readonly regionsByCode = new Map<string, RegionRef>();
  private readonly unitsByName = new Map<string, UnitRef>();

  constructor(ctx: RowContext) {
    for (const r of [...ctx.regions, ctx.ledgerRegion]) {
      if (this.regionsByCode.has(r.code)) continue;
      this.regionsByCode.set(r.code, r);
      const list = this.regionsByName.get(r.name) ?? [];
      list.push(r);
      this.regionsByName.set(r.name, list);
    }
    for (const u of ctx.units) this.unitsByName.set(u.name, u);
  }

  region(name: string, level: 'county' | 'town', counties: RegionRef[] = []): RegionRef | string {
    const label = level === 'county' ? '县（市、区）' : '镇（街道）';
    const byCode = /^\d{6,12}$/.test(name) ? this.regionsByCode.get(name) : undefined;
    let found: RegionRef[] = byCode ? [byCode] : (this.regionsByName.get(name) ?? []);
    found = found.filter((r) => r.level === level);
    if (found.length > 1 && counties.length > 0) found = found.filter((r) => counties.some((c) => isWithinPath(r.path, c.path)));
    if (found.length === 0) return `未知${label}「${name}」`;
    if (found.length > 1) return `${label}「${name}」有重名，请填写行政区划代码`;
    return found[0];
  }

  countyOf(r: RegionRef): RegionRef | undefined {
    if (r.level === 'county') return r;
    const codes = r.path.split('.');
    for (let i = codes.length - 1; i >= 0; i--) {
      const candidate = this.regionsByCode.get(codes[i]);
      if (candidate?.level === 'county') return candidate;
    }
    return undefined;
  }

  unit(name: string, ctx: RowContext): UnitRef | string {
    const u = this.unitsByName.get(name);
    if (!u) return `未知单位「${name}」`;
    if (!u.active) return `单位「${name}」已停用`;
    if (!isWithinPath(u.regionPath, ctx.jurisdictionPath)) return `单位「${name}」不在您的辖区内`;
    return u;
  }
}
