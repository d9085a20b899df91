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
  { key: 'seq', header: '序号', width: 8, required: true, note: '正整数，在本台账内不能重复（再次导入同一台账时也不能与已有序号重复）。', aliases: ['编号', '问题序号', '序列号'] },
  { key: 'title', header: '问题标题', width: 36, required: true, note: '必填，不超过 200 字。同一台账内“问题标题 + 县（市、区）”不能重复。', aliases: ['问题名称', '标题', '任务名称', '反馈问题', '交办问题', '问题', '主要问题', '主要任务'] },
  { key: 'description', header: '问题描述', width: 50, note: '可选，不超过 5000 字；为空时取问题标题。', aliases: ['问题内容', '具体问题', '描述', '具体表现', '反映问题', '信访内容', '问题情况'] },
  {
    key: 'category',
    header: '类别',
    width: 14,
    required: true,
    note: '必填，可从下拉列表选择，或填中文名称（如 入河排污口、扬尘、水、大气；也可写作“大气/扬尘”）。',
    aliases: ['问题类别', '问题类型'],
  },
  { key: 'scope', header: '问题性质', width: 10, note: '可选：具体问题 或 共性问题（督察反馈问题）。', aliases: ['具体/共性', '问题分类', '具体或共性'] },
  {
    key: 'county',
    header: '县（市、区）',
    width: 16,
    note: '名称或行政区划代码（如 南湖区 或 330402）。可填多个，用“、”或“,”分隔：每个县（市、区）生成一个案件。只填镇（街道）时可留空。',
    aliases: ['县市区', '县区', '所属县（市、区）', '所在县（市、区）', '涉及县（市、区）', '属地', '所在地区', '地区'],
  },
  {
    key: 'town',
    header: '镇（街道）',
    width: 16,
    note: '可选。名称或代码（如 凤桥镇 或 330402100），多个用“、”分隔；须属于所填的县（市、区）。一个县（市、区）只填一个镇（街道）时案件落到该镇（街道），否则落到县（市、区）。',
    aliases: ['镇街道', '镇街', '乡镇（街道）', '所属镇（街道）', '乡镇', '镇（乡、街道）'],
  },
  {
    key: 'leadUnit',
    header: '牵头单位',
    width: 18,
    required: true,
    note: '必填，系统中的单位名称（如 凤桥镇生态办）。涉及多个县（市、区）时为每个县（市、区）各填一个位于该地的单位（用“、”分隔），或填一个上级单位统一牵头。',
    aliases: ['责任单位', '牵头责任单位', '主要责任单位', '责任主体'],
  },
  { key: 'responsibleLeader', header: '责任领导', width: 12, note: '可选，姓名及职务（如 张三（副市长））。', aliases: ['牵头领导', '责任市领导', '包案领导', '分管领导'] },
  { key: 'responsiblePerson', header: '责任人', width: 12, note: '可选，具体责任人姓名。', aliases: ['具体责任人', '联系人'] },
  { key: 'coUnits', header: '配合单位', width: 22, note: '可选，单位名称，多个用“、”分隔；每个案件取位于其县（市、区）或其上级的配合单位。', aliases: ['配合责任单位', '协办单位', '协同单位', '配合部门'] },
  { key: 'rectifyType', header: '整改类型', width: 10, note: '可选：立行立改、限期整改 或 长期坚持；空白时为限期整改（整改时限填“长期坚持”时为长期坚持）。', aliases: ['整改方式', '整改性质'] },
  { key: 'deadline', header: '整改时限', width: 12, required: true, note: '必填：日期（如 2026-12-31、2026年12月31日前、2027年3月底前）或“长期坚持”；须晚于导入时间，且不晚于本台账的交账日期；到期日 17:30 为时限。长期坚持的问题以交账日期为时限。', aliases: ['完成时限', '整改期限', '时限要求', '完成时间', '整改完成时限', '整改时间'] },
  { key: 'milestones', header: '序时节点', width: 26, note: '可选，序时进度节点及计划完成比例，多个用“;”分隔（如 2026-12-31 30%;2027-03-31 100%）；不写比例时按节点平均分配。节点不得晚于整改时限，比例须逐个递增。', aliases: ['序时进度节点', '序时进度'] },
  { key: 'target', header: '整改目标', width: 36, note: '可选，不超过 2000 字。', aliases: ['整改要求', '目标要求'] },
  { key: 'measures', header: '整改措施', width: 40, note: '可选，不超过 5000 字。', aliases: ['主要措施', '具体措施'] },
  {
    key: 'action',
    header: '专项行动',
    width: 24,
    note: '任务清单（如“811”生态文明先行示范行动）填写：本行主要任务所属的专项行动名称，同名的行归入同一专项行动；不分专项行动的任务清单可留空。其他台账不填。',
    aliases: ['专项行动名称', '行动名称', '所属专项行动'],
  },
  {
    key: 'actionLeadUnit',
    header: '行动牵头单位',
    width: 18,
    note: '任务清单中每个专项行动第一次出现时必填：专项行动的牵头单位（季度报告报送该单位）；同一专项行动的各行须一致。',
    aliases: ['专项行动牵头单位', '牵头处室'],
  },
] as const satisfies readonly TemplateColumn[];

/** Columns the export adds after the template's; the importer ignores them. */
export const EXPORT_COLUMNS = [
  { key: 'caseCodes', header: '案件编号', width: 18, note: '导出时填写：本行生成的案件编号。导入时忽略。' },
  { key: 'state', header: '状态', width: 18, note: '导出时填写：案件状态（多个县（市、区）时分别列出）。导入时忽略。' },
  { key: 'progress', header: '序时进展', width: 40, note: '导出时填写：各期序时进展。导入时忽略。' },
  { key: 'lag', header: '序时状态', width: 14, note: '导出时填写：正常、序时滞后（黄色）或序时滞后（红色）。导入时忽略。' },
  { key: 'signoffStage', header: '销号阶段', width: 16, note: '导出时填写：督察问题的验收、公示（至某日）、销号。导入时忽略。' },
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
  return halfWidth(text).replace(/[\s()*]/g, '').toLowerCase();
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

/**
 * The export writes each 序时节点 as a real date cell: columns 序时节点1, 计划比例1(%), 序时节点2 …
 * (keys milestone1, milestonePercent1 …) instead of the template's one text column.
 */
export interface NumberedMilestoneColumn {
  n: number;
  part: 'date' | 'percent';
}

export const milestoneHeader = (n: number, part: NumberedMilestoneColumn['part']) => (part === 'date' ? `序时节点${n}` : `计划比例${n}（%）`);
export const milestoneKey = (n: number, part: NumberedMilestoneColumn['part']) => (part === 'date' ? `milestone${n}` : `milestonePercent${n}`);

/** A numbered 序时节点 column by its header (序时节点1, 计划比例1（%）) or key (milestone1, milestonePercent1). */
export function numberedMilestoneColumn(text: string): NumberedMilestoneColumn | undefined {
  const t = normaliseHeader(text);
  const m = /^(?:序时节点|milestone)(\d{1,2})$/.exec(t) ?? null;
  if (m) return { n: Number(m[1]), part: 'date' };
  const p = /^(?:计划比例|计划完成比例|milestonepercent)(\d{1,2})%?$/.exec(t);
  if (p) return { n: Number(p[1]), part: 'percent' };
  return undefined;
}

/** Numbered 序时节点 cells back into the template's text (`2026-12-31 30%;2027-03-31 100%`). */
export function milestonesText(cells: Map<number, { date?: unknown; percent?: unknown }>): string {
  return [...cells.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, c]) => {
      const date = c.date === undefined ? null : (cellDate(c.date) ?? cellText(c.date));
      if (!date) return null;
      const raw = typeof c.percent === 'number' ? c.percent : Number(halfWidth(cellText(c.percent)).replace('%', ''));
      // A cell formatted as a percentage holds 0.3 for 30 %.
      const percent = c.percent === undefined || cellText(c.percent) === '' || !Number.isFinite(raw) ? null : raw > 0 && raw <= 1 && !Number.isInteger(raw) ? raw * 100 : raw;
      return percent === null ? date : `${date} ${Math.round(percent)}%`;
    })
    .filter((x): x is string => !!x)
    .join(';');
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

/** Full-width ASCII (`３`, `／`, `－`, `．`) and the ideographic space as their half-width forms. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export const RECTIFY_TYPE_LABELS = { immediate: '立行立改', deadline: '限期整改', long_term: '长期坚持' } as const;
export const SCOPE_LABELS = { specific: '具体问题', common: '共性问题' } as const;

/** A 整改类型 cell: 立行立改 / 限期整改 / 长期坚持 (or the identifier); null when unknown. */
export function parseRectifyType(text: string): keyof typeof RECTIFY_TYPE_LABELS | null {
  const t = halfWidth(text).replace(/\s/g, '');
  for (const [id, label] of Object.entries(RECTIFY_TYPE_LABELS)) if (t === id || t === label || (label === '长期坚持' && t === '长期')) return id as keyof typeof RECTIFY_TYPE_LABELS;
  return null;
}

/** A 问题性质 cell: 具体(问题) / 共性(问题); null when unknown. */
export function parseScope(text: string): keyof typeof SCOPE_LABELS | null {
  const t = halfWidth(text).replace(/\s/g, '');
  if (/^(具体(问题)?|specific)$/.test(t)) return 'specific';
  if (/^(共性(问题)?|common)$/.test(t)) return 'common';
  return null;
}

/** One 序时节点 as written: `2026-12-31 30%`, `2026年12月底前完成30%`, or a bare date. */
export function parseMilestone(text: string): { date: string; percent: number | null } | null {
  const t = halfWidth(text).trim();
  const pct = /(\d{1,3}(?:\.\d+)?)\s*%/.exec(t);
  const datePart = t.replace(/(\d{1,3}(?:\.\d+)?)\s*%/, '').replace(/[:：\s]|(完成|达到|进度|累计)+/g, '');
  const d = cellDeadline(datePart);
  if (!d?.date) return null;
  return { date: d.date, percent: pct ? Math.round(Number(pct[1])) : null };
}

/** A 整改时限 cell: a date, or 长期坚持 (no date of its own). */
export type DeadlineCell = { date: string; longTerm: false } | { date: null; longTerm: true };

const LONG_TERM = /^(长期坚持|长期|持续推进|长期推进)$/;

/**
 * A 整改时限 as bureaus write it: a date cell or serial, `2026-12-31`, `2027.1.15`, `2026年12月31日`,
 * `2026年12月31日前(完成)`, `2027年3月底(前)` / `2027年3月` (the month's last day), `2027年底前`
 * (31 December), full-width digits, or `长期坚持` (no date). Null when none of these.
 */
export function cellDeadline(value: unknown): DeadlineCell | null {
  const direct = value instanceof Date || typeof value === 'number' ? cellDate(value) : null;
  if (direct) return { date: direct, longTerm: false };
  const text = halfWidth(cellText(value)).replace(/\s+/g, '');
  if (!text) return null;
  if (LONG_TERM.test(text)) return { date: null, longTerm: true };
  const bare = text.replace(/(之前|以前|前)?(完成|完工|办结|整改到位)?$/, '');
  const day = textDate(bare);
  if (day) return { date: day, longTerm: false };
  const month = /^(\d{4})[-/.年](\d{1,2})月?(底|末)?$/.exec(bare);
  if (month) return monthEnd(Number(month[1]), Number(month[2]));
  const year = /^(\d{4})年?(底|末)$/.exec(bare);
  if (year) return monthEnd(Number(year[1]), 12);
  return null;
}

function monthEnd(year: number, month: number): DeadlineCell | null {
  if (month < 1 || month > 12 || year < 1900 || year > 9999) return null;
  return { date: new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10), longTerm: false };
}

/** Text such as 2026-12-31, 2026/1/5, 2026.01.05 or 2026年1月5日 as YYYY-MM-DD; null when not a real date. */
export function textDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(halfWidth(text).trim());
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
  const t = halfWidth(text).trim();
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

