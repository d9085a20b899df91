// Rows of an enterprise registry spreadsheet → validated enterprises (DESIGN §13). Pure: the
// regions and the importer's jurisdiction come in; every row error comes out with its Excel row.
import { CREDIT_RATINGS, creditCodeProblem, normaliseCreditCode, type CreditRating } from '@ecoloop/workflow';
import type { ErrorDetail } from '../../core/errors/app-error.js';

export const ENTERPRISE_COLUMNS = [
  { key: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码', '统一代码'], required: true },
  { key: 'name', header: '企业名称', aliases: ['单位名称', '名称', '企业（单位）名称'], required: true },
  { key: 'region', header: '所属区域', aliases: ['所属乡镇', '所属镇街', '乡镇（街道）', '行政区划', '区域代码', '所在区域'], required: true },
  { key: 'address', header: '地址', aliases: ['生产经营地址', '企业地址', '详细地址'] },
  { key: 'industry', header: '行业', aliases: ['所属行业', '行业类别'] },
  { key: 'permitNumber', header: '排污许可证编号', aliases: ['排污许可证号', '许可证编号'] },
  { key: 'keyDischarger', header: '重点排污单位', aliases: ['是否重点排污单位', '重点排污'] },
  { key: 'lng', header: '经度', aliases: [] },
  { key: 'lat', header: '纬度', aliases: [] },
  { key: 'contactName', header: '联系人', aliases: ['环保负责人'] },
  { key: 'contactPhone', header: '联系电话', aliases: ['联系方式', '手机'] },
  { key: 'creditRating', header: '信用等级', aliases: ['环境信用评价', '环境信用等级'] },
] as const;
export type EnterpriseColumnKey = (typeof ENTERPRISE_COLUMNS)[number]['key'];

/** One data row as read from the sheet: its Excel row number and its cells by column. */
export interface RawEnterpriseRow {
  row: number;
  values: Partial<Record<EnterpriseColumnKey, string>>;
}

export interface ParsedEnterprise {
  row: number;
  creditCode: string;
  name: string;
  regionCode: string;
  address: string | null;
  industry: string | null;
  permitNumber: string | null;
  keyDischarger: boolean;
  lat: number | null;
  lng: number | null;
  contactName: string | null;
  contactPhone: string | null;
  creditRating: CreditRating | null;
}

export interface RegionRef {
  code: string;
  name: string;
  path: string;
}

const normalise = (text: string) => text.replace(/[\s（）()*＊]/g, '').toLowerCase();
const BY_HEADER = new Map<string, EnterpriseColumnKey>(
  ENTERPRISE_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normalise(h), c.key] as [string, EnterpriseColumnKey])),
);

/** The column a header cell names, if any. */
export function enterpriseColumnFor(header: string): EnterpriseColumnKey | undefined {
  return BY_HEADER.get(normalise(header));
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '重点']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '', '非重点']);
const halfWidth = (s: string) => s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).trim();

/**
 * Validates every row: credit code (GB 32100 check character), no code twice in the file, name,
 * region (by code or unique name) inside the importer's jurisdiction, flag, coordinates, rating.
 */
export function parseEnterpriseRows(
  rows: readonly RawEnterpriseRow[],
  ctx: { regions: readonly RegionRef[]; jurisdictionPath: string },
): { items: ParsedEnterprise[]; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const items: ParsedEnterprise[] = [];
  const seen = new Map<string, number>();
  const byCode = new Map(ctx.regions.map((r) => [r.code, r]));
  const byName = new Map<string, RegionRef[]>();
  for (const r of ctx.regions) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);

  for (const { row, values } of rows) {
    const before = errors.length;
    const fail = (column: EnterpriseColumnKey, message: string) => errors.push({ row, column: headerOf(column), message });
    const text = (key: EnterpriseColumnKey) => {
      const v = halfWidth(values[key] ?? '');
      return v === '' ? null : v;
    };

    const creditCode = normaliseCreditCode(values.creditCode ?? '');
    const codeProblem = creditCode ? creditCodeProblem(creditCode) : '统一社会信用代码必填';
    if (codeProblem) fail('creditCode', codeProblem);
    else if (seen.has(creditCode)) fail('creditCode', `统一社会信用代码与第${seen.get(creditCode)}行重复`);
    else seen.set(creditCode, row);

    const name = (values.name ?? '').trim();
    if (!name) fail('name', '企业名称必填');
    else if (name.length > 128) fail('name', '企业名称不能超过128个字');

    const regionText = text('region');
    let region: RegionRef | undefined;
    if (!regionText) fail('region', '所属区域必填');
    else {
      const named = byName.get(regionText) ?? [];
      region = byCode.get(regionText) ?? (named.length === 1 ? named[0] : undefined);
      if (!region) fail('region', named.length > 1 ? `区域“${regionText}”不唯一，请填写区划代码` : `区域“${regionText}”不存在`);
      else if (region.path !== ctx.jurisdictionPath && !region.path.startsWith(`${ctx.jurisdictionPath}.`)) fail('region', `${region.name}不在您的管辖范围内`);
    }

    const flag = (text('keyDischarger') ?? '').toLowerCase();
    if (!YES.has(flag) && !NO.has(flag)) fail('keyDischarger', '重点排污单位请填写“是”或“否”');

    const coordinate = (key: 'lat' | 'lng', min: number, max: number) => {
      const t = text(key);
      if (t === null) return null;
      const n = Number(t);
      if (!Number.isFinite(n) || n < min || n > max) {
        fail(key, `${headerOf(key)}应为 ${min} 至 ${max} 之间的数字`);
        return null;
      }
      return n;
    };
    const lat = coordinate('lat', -90, 90);
    const lng = coordinate('lng', -180, 180);
    if ((lat === null) !== (lng === null) && errors.length === before) fail(lat === null ? 'lat' : 'lng', '经度和纬度须同时填写');

    const rating = text('creditRating')?.toUpperCase() ?? null;
    if (rating !== null && !(CREDIT_RATINGS as readonly string[]).includes(rating)) fail('creditRating', '信用等级应为 A、B、C 或 D');

    const limited = (key: 'address' | 'industry' | 'permitNumber' | 'contactName' | 'contactPhone', max: number) => {
      const t = text(key);
      if (t !== null && t.length > max) fail(key, `${headerOf(key)}不能超过${max}个字`);
      return t;
    };
    const item = {
      address: limited('address', 255),
      industry: limited('industry', 64),
      permitNumber: limited('permitNumber', 64),
      contactName: limited('contactName', 64),
      contactPhone: limited('contactPhone', 32),
    };
    if (errors.length > before || !region) continue;
    items.push({ row, creditCode, name, regionCode: region.code, ...item, keyDischarger: YES.has(flag), lat, lng, creditRating: rating as CreditRating | null });
  }
  return { items, errors };
}

function headerOf(key: EnterpriseColumnKey): string {
  return ENTERPRISE_COLUMNS.find((c) => c.key === key)!.header;
}
