// The import template as a bureau fills it in (DESIGN §15): dropdowns for 类别, 县（市、区）,
// 单位, 整改类型 and 问题性质 from a hidden 选项 sheet, a date check on 整改时限, and a 填写示例
// sheet with one example row. The 台账 sheet itself stays empty, so the template imports as nothing.
import type ExcelJS from 'exceljs';
import type { RegionRef, UnitRef } from './ledger-rows.js';
import { CATEGORY_LABELS, IMPORT_COLUMNS, RECTIFY_TYPE_LABELS, SCOPE_LABELS, type ImportKey } from './ledger-template.js';
import { MAX_LEDGER_ROWS } from './ledger-xlsx-read.js';

export const OPTIONS_SHEET = '选项';
export const EXAMPLE_SHEET = '填写示例';

export interface TemplateLists {
  categories: string[];
  counties: string[];
  units: string[];
}

/** The dropdowns for a user whose jurisdiction is `regionPath`: its counties and active units. */
export function templateListsFor(regionPath: string, regions: RegionRef[], units: UnitRef[]): TemplateLists {
  const inside = (path: string) => path === regionPath || path.startsWith(`${regionPath}.`);
  return {
    categories: Object.values(CATEGORY_LABELS),
    counties: regions.filter((r) => r.level === 'county' && inside(r.path)).map((r) => r.name),
    units: units
      .filter((u) => u.active && inside(u.regionPath))
      .map((u) => u.name)
      .sort((a, b) => a.localeCompare(b, 'zh-CN')),
  };
}

/** First data row of the 台账 sheet (row 1 headers, row 2 the hidden field keys). */
const FIRST = 3;

const column = (key: ImportKey) => {
  const n = IMPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
  return n <= 26 ? String.fromCharCode(64 + n) : `A${String.fromCharCode(64 + n - 26)}`;
};

/** Adds the dropdowns and date check to the 台账 sheet (call before it is committed). */
export function addTemplateValidations(sheet: ExcelJS.Worksheet, lists: TemplateLists): void {
  // exceljs writes worksheet.dataValidations (ranges too) but its typings omit the property.
  const ws = sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };
  const last = FIRST + MAX_LEDGER_ROWS - 1;
  const range = (key: ImportKey) => `${column(key)}${FIRST}:${column(key)}${last}`;
  const list = (col: string, n: number, key: ImportKey, title: string, strict: boolean) => {
    if (n === 0) return;
    ws.dataValidations.add(range(key), {
      type: 'list',
      allowBlank: true,
      formulae: [`'${OPTIONS_SHEET}'!$${col}$2:$${col}$${n + 1}`],
      showErrorMessage: true,
      errorStyle: strict ? 'stop' : 'warning',
      errorTitle: title,
      error: strict ? `请从下拉列表中选择${title}` : `${title}不在下拉列表中；多个请用“、”分隔，确认无误后可继续`,
    });
  };
  list('A', lists.categories.length, 'category', '类别', false);
  list('B', lists.counties.length, 'county', '县（市、区）', false);
  list('C', lists.units.length, 'leadUnit', '牵头单位', false);
  list('D', 3, 'rectifyType', '整改类型', true);
  list('E', 2, 'scope', '问题性质', true);
  ws.dataValidations.add(range('deadline'), {
    type: 'date',
    operator: 'greaterThan',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2000, 0, 1))],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '整改时限',
    error: '整改时限应为日期（如 2026-12-31），长期坚持的问题可填“长期坚持”',
  });
}

/** The hidden sheet the dropdowns read from, and the example sheet. */
export function addTemplateSheets(wb: ExcelJS.stream.xlsx.WorkbookWriter, lists: TemplateLists): void {
  const options = wb.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
  const columns: string[][] = [
    ['类别', ...lists.categories],
    ['县（市、区）', '全市', ...lists.counties],
    ['单位', ...lists.units],
    ['整改类型', ...Object.values(RECTIFY_TYPE_LABELS)],
    ['问题性质', ...Object.values(SCOPE_LABELS)],
  ];
  const height = Math.max(...columns.map((c) => c.length));
  for (let r = 0; r < height; r++) options.addRow(columns.map((c) => c[r] ?? null)).commit();
  options.commit();

  const example = wb.addWorksheet(EXAMPLE_SHEET);
  example.columns = IMPORT_COLUMNS.map((c) => ({ width: c.width }));
  const head = example.addRow(IMPORT_COLUMNS.map((c) => c.header));
  head.font = { bold: true };
  head.commit();
  const sample: Partial<Record<ImportKey, string | number | Date>> = {
    seq: 1,
    title: '凤桥镇三星村入河排污口私设暗管偷排',
    description: '督察组现场检查发现三星村河道边有一处暗管，夜间向河道排放生产废水。',
    category: '入河排污口',
    scope: '具体问题',
    county: '南湖区',
    town: '凤桥镇',
    leadUnit: '凤桥镇生态办',
    responsibleLeader: '张三（副镇长）',
    responsiblePerson: '李四',
    coUnits: '南湖分局',
    rectifyType: '限期整改',
    deadline: new Date(Date.UTC(2027, 2, 31)),
    milestones: '2026-12-31 30%;2027-02-28 70%;2027-03-31 100%',
    target: '封堵暗管，排污口规范化整治并纳入监管',
    measures: '1. 排查溯源；2. 封堵暗管；3. 立案查处；4. 设立排污口标识牌',
  };
  const row = example.addRow(IMPORT_COLUMNS.map((c) => sample[c.key] ?? null));
  row.getCell(IMPORT_COLUMNS.findIndex((c) => c.key === 'deadline') + 1).numFmt = 'yyyy-mm-dd';
  row.alignment = { vertical: 'top', wrapText: true };
  row.commit();
  example.addRow(['以上为示例，请在“台账”工作表中填写；本工作表不会被导入。']).commit();
  example.commit();
}
