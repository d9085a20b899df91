// Reading the rows of a ledger file into ledger items and the cases they fan out to (one per
// county). Pure: every reference (regions, units, jurisdiction, now) comes in as data, and every
// problem comes back as a row error, so a file is refused whole with all its errors at once.
import { isWithinPath } from '@ecoloop/auth';
import { parseDueAt } from '@ecoloop/workflow';
import type { ErrorDetail } from '../../core/errors/app-error.js';
import { cellDate, cellText, headerOf, parseCategory, splitList, type ImportKey } from './ledger-template.js';

/** One spreadsheet row as read: its Excel row number and the raw cell values by column key. */
export interface RawRow {
  row: number;
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
}

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
  /** 整改时限 as a date, and as the due time of the rectify deadline (17:30 Asia/Shanghai). */
  dueDate: string;
  dueAt: string;
  milestones: string[];
  target: string | null;
  cases: PlannedItemCase[];
}

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
    if (rowErrors.length) errors.push(...rowErrors);
    else if (item) items.push(item);
  }
  return { items, errors };
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
  const seqText = text('seq');
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

  // 类别
  const categoryText = text('category');
  const category = parseCategory(categoryText);
  if (!categoryText) fail('category', '类别不能为空');
  else if (!category) fail('category', `未知类别「${categoryText}」`);

  // 县（市、区） and 镇（街道）
  const counties: RegionRef[] = [];
  for (const name of splitList(text('county'))) {
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
  if (counties.length === 0 && !text('county') && towns.length === 0 && !text('town')) fail('county', '县（市、区）和镇（街道）不能都为空');

  // 牵头单位 / 配合单位
  const leadNames = splitList(text('leadUnit'));
  if (leadNames.length === 0) fail('leadUnit', '牵头单位不能为空');
  const leads = leadNames.map((n) => lookup.unit(n, ctx)).filter((u): u is UnitRef => (typeof u === 'string' ? (fail('leadUnit', u), false) : true));
  const coNames = splitList(text('coUnits'));
  const coUnits = coNames.map((n) => lookup.unit(n, ctx)).filter((u): u is UnitRef => (typeof u === 'string' ? (fail('coUnits', u), false) : true));

  // 整改时限 / 序时节点
  const deadlineRaw = raw.values.deadline;
  const dueDate = cellDate(deadlineRaw);
  const dueAt = dueDate ? parseDueAt(dueDate) : null;
  if (!cellText(deadlineRaw)) fail('deadline', '整改时限不能为空');
  else if (!dueDate || !dueAt) fail('deadline', `整改时限「${cellText(deadlineRaw)}」不是有效日期`);
  else if (dueAt.getTime() <= ctx.now.getTime()) fail('deadline', `整改时限 ${dueDate} 已过`);
  const milestones: string[] = [];
  for (const m of splitList(text('milestones'), /[;；,，、\n]+/)) {
    const d = cellDate(m);
    if (!d) fail('milestones', `序时节点「${m}」不是有效日期`);
    else if (dueDate && d > dueDate) fail('milestones', `序时节点 ${d} 晚于整改时限 ${dueDate}`);
    else milestones.push(d);
  }
  milestones.sort();

  if (!ok || !dueDate || !dueAt || !category) return null;

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
    if (candidates.length !== 1) {
      fail(
        'leadUnit',
        candidates.length === 0
          ? `没有位于${county.name}或其上级的牵头单位`
          : `${county.name}有多个牵头单位（${candidates.map((u) => u.name).join('、')}），每个县（市、区）只能有一个`,
      );
      continue;
    }
    const lead = candidates[0];
    usedLeads.add(lead.id);
    const co = coUnits.filter((u) => u.id !== lead.id && (isWithinPath(u.regionPath, county.path) || isWithinPath(county.path, u.regionPath)));
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
    cases,
  };
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
