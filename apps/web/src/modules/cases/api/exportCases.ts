// xlsx export of a filtered case list, built in the browser with exceljs (loaded on demand).
// Reporter contact (name, phone) is never exported (DESIGN §5).
import { casesApi } from '../../../api/cases';
import { categoryLabel, severityLabel, sourceLabel, stateLabel, deadlineKindLabel } from '../../../i18n/labels';
import { saveBlob } from '../../../lib/download';
import { formatDateTime, inShanghai } from '../../../lib/time';
import type { Case, CaseListQuery } from '../types';

const PAGE = 100;
const MAX_ROWS = 10_000;

export async function fetchAllCases(
  query: CaseListQuery,
  onProgress?: (done: number, total: number) => void,
  limit = MAX_ROWS,
) {
  const rows: Case[] = [];
  let page = 1;
  let total = Infinity;
  while (rows.length < Math.min(total, limit)) {
    const res = await casesApi.list({ ...query, page, pageSize: PAGE });
    total = res.total;
    rows.push(...res.items);
    onProgress?.(rows.length, total);
    if (res.items.length < PAGE) break;
    page += 1;
  }
  return rows.slice(0, limit);
}

const COLUMNS: { header: string; width: number; value: (c: Case) => string | number }[] = [
  { header: '案件编号', width: 18, value: (c) => c.code },
  { header: '标题', width: 36, value: (c) => c.title },
  { header: '类别', width: 20, value: (c) => categoryLabel(c.category) },
  { header: '来源', width: 22, value: (c) => sourceLabel(c.source) },
  { header: '严重程度', width: 10, value: (c) => severityLabel(c.severity) },
  { header: '状态', width: 10, value: (c) => stateLabel(c.state) },
  { header: '所属区域', width: 16, value: (c) => c.regionName ?? c.regionCode },
  { header: '地址', width: 28, value: (c) => c.address ?? '' },
  { header: '牵头单位', width: 18, value: (c) => c.leadUnitName ?? '' },
  { header: '当前时限类型', width: 12, value: (c) => (c.deadlineKind ? deadlineKindLabel(c.deadlineKind) : '') },
  { header: '当前时限', width: 18, value: (c) => (c.dueAt ? formatDateTime(c.dueAt) : '') },
  { header: '是否超期', width: 10, value: (c) => (c.overdue ? '是' : '否') },
  { header: '督办', width: 10, value: (c) => (c.supervisionLevel ? '是' : '否') },
  { header: '返工次数', width: 10, value: (c) => c.reworkCount ?? 0 },
  { header: '上报时间', width: 18, value: (c) => formatDateTime(c.createdAt) },
  { header: '销号时间', width: 18, value: (c) => (c.closedAt ? formatDateTime(c.closedAt) : '') },
];

export async function exportCasesXlsx(
  query: CaseListQuery,
  title: string,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const [{ default: ExcelJS }, rows] = await Promise.all([import('exceljs'), fetchAllCases(query, onProgress)]);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'EcoLoop';
  wb.created = new Date();
  const ws = wb.addWorksheet('案件清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  for (const c of rows) ws.addRow(COLUMNS.map((col) => col.value(c)));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F5E9' } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const buf = await wb.xlsx.writeBuffer();
  const stamp = inShanghai(new Date()).format('YYYYMMDD-HHmm');
  saveBlob(
    new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    `${title}-${stamp}.xlsx`,
  );
  return rows.length;
}
