import ExcelJS from 'exceljs';
import { SCORECARD_FORMULA } from '@ecoloop/workflow';
import type { ScorecardLevel } from './scorecards.repository.js';
import type { Scorecard } from './scorecards.service.js';

export const LEVEL_TITLE: Record<ScorecardLevel, string> = { county: '县（市、区）', town: '镇（街道）', unit: '责任单位', grid: '网格员' };

const rate = (v: number | null) => (v === null ? '—' : v);

/** The monthly 通报 (ranking bulletin) as an xlsx workbook. */
export async function scorecardWorkbook(level: ScorecardLevel, month: string, rows: Scorecard[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核通报');
  const [y, m] = month.split('-').map(Number);
  const header = ['排名', LEVEL_TITLE[level], '综合得分', '新增问题', '自主发现率(%)', '按期签收率(%)', '按期办结率(%)', '一次性验收通过率(%)', '返工(件)', '反弹(件)', '超期(件)', '督办(件)', '信访满意率(%)'];
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell(1, 1).value = `${y}年${m}月${LEVEL_TITLE[level]}生态环境问题发现与整改考核通报`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow(header).font = { bold: true };
  for (const r of rows) {
    const f = r.figures;
    ws.addRow([
      r.rank ?? '—', r.subjectName, r.score ?? '—', f.total, rate(f.selfDiscoveryRate), rate(f.onTimeSignForRate), rate(f.onTimeCompletionRate),
      rate(f.firstPassRate), f.reworked, f.relapsed, f.overdue, f.supervised, rate(f.petitionSatisfactionRate),
    ]);
  }
  ws.addRow([]);
  ws.addRow([`说明：${SCORECARD_FORMULA}`]);
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 24 : 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
