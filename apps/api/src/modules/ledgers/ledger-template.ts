// The ledger spreadsheet template (表格化、清单式管理): its columns, their Chinese headers and field
// keys, and how a cell's value is read. Pure: used by the importer, the exporter and the tests.
import { CATEGORY_LABELS, STATE_LABELS, isValidCategory } from '@ecoloop/workflow';

export { CATEGORY_LABELS, STATE_LABELS };

export const LEDGER_SHEET = '台账';
export const NOTES_SHEET = '说明';

export interface TemplateColumn<K extends string = string> {
  key: K;
  header: string;
  width: number;
  required?: boolean;
  /** What the 说明 sheet says about the column. */
  note: string;
  /** Other headers accepted on import. */
  aliases?: string[];
}

/** The columns a file must (or may) carry, in template order. One row per problem or task. */
export const IMPORT_COLUMNS = [
  { key: 'seq', header: '序号', width: 8, required: true, note: '正整数，在本台账内不能重复（再次导入同一台账时也不能与已有序号重复）。', aliases: ['编号'] },
  { key: 'title', header: '问题标题', width: 36, required: true, note: '必填，不超过 200 字。同一台账内“问题标题 + 县（市、区）”不能重复。', aliases: ['问题名称', '标题', '任务名称'] },
  { key: 'description', header: '问题描述', width: 50, note: '可选，不超过 5000 字；为空时取问题标题。', aliases: ['问题内容', '具体问题', '描述'] },
  {
    key: 'category',
    header: '类别',
    width: 14,
    required: true,
    note: '必填。可填标识（如 water.outfall、air）或中文名称（如 入河排污口、扬尘、水、大气；也可写作“大气/扬尘”）。',
    aliases: ['问题类别', '问题类型'],
  },
  {
    key: 'county',
    header: '县（市、区）',
    width: 16,
    note: '名称或行政区划代码（如 南湖区 或 330402）。可填多个，用“、”或“,”分隔：每个县（市、区）生成一个案件。只填镇（街道）时可留空。',
    aliases: ['县市区', '县区', '所属县（市、区）', '所在县（市、区）'],
  },
  {
    key: 'town',
    header: '镇（街道）',
    width: 16,
    note: '可选。名称或代码（如 凤桥镇 或 330402101），多个用“、”分隔；须属于所填的县（市、区）。一个县（市、区）只填一个镇（街道）时案件落到该镇（街道），否则落到县（市、区）。',
    aliases: ['镇街道', '镇街', '乡镇（街道）', '所属镇（街道）'],
  },
  {
    key: 'leadUnit',
    header: '牵头单位',
    width: 18,
    required: true,
    note: '必填，系统中的单位名称（如 凤桥镇生态办）。涉及多个县（市、区）时为每个县（市、区）各填一个位于该地的单位（用“、”分隔），或填一个上级单位统一牵头。',
    aliases: ['责任单位', '牵头责任单位'],
  },
  { key: 'coUnits', header: '配合单位', width: 22, note: '可选，单位名称，多个用“、”分隔；每个案件取位于其县（市、区）或其上级的配合单位。', aliases: ['配合责任单位', '协办单位'] },
  { key: 'deadline', header: '整改时限', width: 12, required: true, note: '必填，日期（如 2026-12-31），须晚于导入时间；到期日 17:30 为时限。', aliases: ['完成时限', '整改期限'] },
  { key: 'milestones', header: '序时节点', width: 26, note: '可选，序时进度节点日期，多个用“;”分隔（如 2026-09-30;2026-12-31），不得晚于整改时限。', aliases: ['序时进度节点'] },
  { key: 'target', header: '整改目标', width: 36, note: '可选，不超过 2000 字。', aliases: ['整改要求', '整改措施'] },
] as const satisfies readonly TemplateColumn[];

/** Columns the export adds after the template's; the importer ignores them. */
export const EXPORT_COLUMNS = [
  { key: 'caseCodes', header: '案件编号', width: 18, note: '导出时填写：本行生成的案件编号。导入时忽略。' },
  { key: 'state', header: '状态', width: 18, note: '导出时填写：案件状态（多个县（市、区）时分别列出）。导入时忽略。' },
  { key: 'progress', header: '序时进展', width: 40, note: '导出时填写：各期序时进展。导入时忽略。' },
  { key: 'signedOffAt', header: '销号日期', width: 12, note: '导出时填写：全部案件销号的日期。导入时忽略。' },
  { key: 'overdue', header: '是否超期', width: 10, note: '导出时填写：是 / 否。导入时忽略。' },
] as const satisfies readonly TemplateColumn[];

export type ImportKey = (typeof IMPORT_COLUMNS)[number]['key'];
export type ExportKey = (typeof EXPORT_COLUMNS)[number]['key'];
export type ColumnKey = ImportKey | ExportKey;

export const ALL_COLUMNS: readonly TemplateColumn<ColumnKey>[] = [...IMPORT_COLUMNS, ...EXPORT_COLUMNS];
const HEADER_OF = new Map<string, string>(ALL_COLUMNS.map((c) => [c.key, c.header]));

export function headerOf(key: ColumnKey): string {
  return HEADER_OF.get(key) ?? key;
}

/** Header text compared without spaces, brackets of either width or a trailing asterisk (required mark). */
export function normaliseHeader(text: string): string {
  return text.replace(/[\s（）()*＊]/g, '').toLowerCase();
}

const BY_HEADER = new Map<string, ColumnKey>(
  ALL_COLUMNS.flatMap((c) => [c.header, ...(c.aliases ?? [])].map((h) => [normaliseHeader(h), c.key] as [string, ColumnKey])),
);
const BY_KEY = new Map<string, ColumnKey>(ALL_COLUMNS.map((c) => [c.key.toLowerCase(), c.key]));

export function columnForHeader(text: string): ColumnKey | undefined {
  return BY_HEADER.get(normaliseHeader(text));
}

export function columnForKey(text: string): ColumnKey | undefined {
  return BY_KEY.get(text.trim().toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Cells

/** The text of a cell value as exceljs reads it (string, number, Date, rich text, hyperlink, formula). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoDate(value) ?? '';
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('').trim();
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}

function isoDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  // exceljs gives date cells as UTC midnight; a time part (e.g. 23:59) keeps its UTC date.
  return d.toISOString().slice(0, 10);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A calendar date from a cell: a date cell, an Excel serial number, or text like 2026-12-31 / 2026/12/31 / 2026年12月31日. */
export function cellDate(value: unknown): string | null {
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 2958465) return null;
    return isoDate(new Date(EXCEL_EPOCH_MS + Math.floor(value) * 86_400_000));
  }
  if (value && typeof value === 'object' && 'result' in value) return cellDate((value as { result: unknown }).result);
  return textDate(cellText(value));
}

/** Text such as 2026-12-31, 2026/1/5, 2026.01.05 or 2026年1月5日 as YYYY-MM-DD; null when not a real date. */
export function textDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date as a Date for an Excel date cell (UTC midnight, as exceljs expects). */
export function excelDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Splits a list cell (names separated by 、 , ， ; ； or new lines). */
export function splitList(text: string, separators: RegExp = /[、,，;；\n]+/): string[] {
  return [
    ...new Set(
      text
        .split(separators)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Labels (GLOSSARY.md): the shared names live in libs/workflow/src/labels.ts.


const EXTRA_CATEGORY_NAMES: Record<string, string> = {
  固废: 'solid_waste',
  危废: 'solid_waste.hazardous',
  秸秆焚烧: 'air.open_burning',
  露天焚烧: 'air.open_burning',
  异味: 'air.odor',
  油烟: 'air.cooking_fume',
  排污口: 'water.outfall',
  水环境: 'water',
  大气环境: 'air',
  水污染: 'water',
  大气污染: 'air',
};

const CATEGORY_BY_LABEL = new Map<string, string>([
  ...Object.entries(CATEGORY_LABELS).map(([id, label]) => [label, id] as [string, string]),
  ...Object.entries(EXTRA_CATEGORY_NAMES),
]);

/** A category from a cell: an identifier (air.dust), a Chinese name (扬尘), or "大气/扬尘"; null when unknown. */
export function parseCategory(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  if (isValidCategory(t)) return t;
  const compact = t.replace(/\s/g, '');
  const direct = CATEGORY_BY_LABEL.get(compact);
  if (direct) return direct;
  const parts = compact.split(/[/／\-—>＞]+/).filter(Boolean);
  if (parts.length === 2) {
    const top = CATEGORY_BY_LABEL.get(parts[0]);
    const sub = CATEGORY_BY_LABEL.get(parts[1]);
    if (top && sub && sub.startsWith(`${top}.`)) return sub;
  }
  return null;
}

/** The Chinese name of a category for a spreadsheet; an unlabelled one keeps its identifier. */
export function categoryCell(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

