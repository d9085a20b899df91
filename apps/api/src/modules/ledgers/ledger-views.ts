// How ledger rows are shown: the item DTO of the ledger page and the row of the exported sheet.
import { toSubject } from '../cases/case-row.js';
import type { ItemStatus, LedgerItemCaseDto, LedgerItemDto, LedgerProgressDto } from './dto/ledger.dto.js';
import { itemOverdue, itemStatus } from './ledger-progress.js';
import type { RegionRef, UnitRef } from './ledger-rows.js';
import { RECTIFY_TYPE_LABELS, SCOPE_LABELS, STATE_LABELS, categoryCell } from './ledger-template.js';
import type { LedgerSheetRow } from './ledger-xlsx.js';
import type { ItemCaseRow, ItemRow, ProgressRow } from './ledgers.repository.js';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
/** The calendar date of a moment in Asia/Shanghai. */
export const shanghaiDate = (d: Date | string) => new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A ledger row as one caller sees it: the cases they may see and the part of the row they cover. */
export interface ItemView {
  item: ItemRow;
  cases: ItemCaseRow[];
  statuses: (ItemStatus | 'other')[];
  whole: boolean;
  countyCodes: string[];
  townCodes: string[];
  leadUnitIds: string[];
  coUnitIds: string[];
  progress: ProgressRow[];
  dueAt: Date;
}

export interface Refs {
  regions: Map<string, RegionRef>;
  units: Map<string, UnitRef>;
  /** 811 task tables: the 专项行动 by id (export). */
  actions?: Map<string, { title: string; leadUnitName: string }>;
}

export function toItemDto(v: ItemView, refs: Refs, now: Date): LedgerItemDto {
  const region = (code: string) => ({ code, name: refs.regions.get(code)?.name ?? code });
  const unit = (id: string) => ({ id, name: refs.units.get(id)?.name ?? id });
  const signedOff = v.item.caseCount > 0 && v.item.closedCount === v.item.caseCount;
  return {
    id: v.item.id,
    seq: v.item.seq,
    title: v.item.title,
    description: v.item.description,
    category: v.item.category,
    counties: v.countyCodes.map(region),
    towns: visibleTowns(v, refs).map(region),
    leadUnits: v.leadUnitIds.map(unit),
    coUnits: v.coUnitIds.map(unit),
    dueDate: v.item.dueDate,
    milestones: v.item.milestones,
    milestonePercents: v.item.milestonePercents,
    target: v.item.target,
    kind: v.item.kind,
    problemScope: v.item.problemScope,
    measures: v.item.measures,
    responsibleLeader: v.item.responsibleLeader,
    responsiblePerson: v.item.responsiblePerson,
    rectifyType: v.item.rectifyType,
    planAttachmentId: v.item.planAttachmentId,
    splitByCounty: v.item.splitByCounty,
    parentId: v.item.parentId,
    lagLevel: v.item.lagLevel,
    lagMilestone: v.item.lagMilestone,
    signoffStage: v.item.signoffStage,
    noticeEndsOn: v.item.noticeEndsOn,
    status: itemStatus(v.statuses),
    overdue: itemOverdue(v.cases, v.dueAt, now),
    signedOff,
    signedOffAt: signedOff ? iso(v.item.lastClosedAt) : null,
    cases: v.cases.map(
      (c, i): LedgerItemCaseDto => ({
        id: c.id,
        code: c.code,
        state: c.state,
        status: v.statuses[i],
        regionCode: c.regionCode,
        regionName: c.regionName,
        countyCode: c.countyCode,
        countyName: c.countyName,
        leadUnitId: c.leadUnitId,
        leadUnitName: c.leadUnitName,
        dueAt: iso(c.dueAt),
        overdue: v.statuses[i] === 'overdue',
        closedAt: iso(c.closedAt),
      }),
    ),
    progress: v.progress.map(toProgressDto),
  };
}

export function toProgressDto(p: ProgressRow): LedgerProgressDto {
  return {
    id: p.id,
    itemId: p.itemId,
    period: p.period,
    note: p.note,
    unitId: p.unitId,
    unitName: p.unitName,
    unitRole: p.unitRole,
    percent: p.percent,
    authorName: p.authorName,
    createdAt: iso(p.createdAt)!,
    quarterly: p.quarterly,
    attachmentIds: p.attachmentIds,
  };
}

export function visibleTowns(v: ItemView, refs: Refs): string[] {
  if (v.whole) return v.townCodes;
  const counties = v.countyCodes.map((c) => refs.regions.get(c)?.path).filter((p): p is string => !!p);
  return v.townCodes.filter((t) => {
    const path = refs.regions.get(t)?.path;
    return !!path && counties.some((c) => path.startsWith(`${c}.`));
  });
}

/** A row of the exported sheet: the template's columns as they stand, plus state and progress. */
export function toSheetRow(v: ItemView, refs: Refs, now: Date): LedgerSheetRow {
  const name = (code: string) => refs.regions.get(code)?.name ?? code;
  const unit = (id: string) => refs.units.get(id)?.name ?? id;
  const allClosed = v.cases.every((c) => c.state === 'closed');
  const lastClosed = allClosed ? v.cases.map((c) => c.closedAt).reduce<Date | null>((a, b) => (b && (!a || new Date(b) > a) ? new Date(b) : a), null) : null;
  const states =
    v.cases.length === 1 ? STATE_LABELS[v.cases[0].state] : v.cases.map((c) => `${c.countyName ?? c.regionName}：${STATE_LABELS[c.state]}`).join('；');
  return {
    seq: v.item.seq,
    title: v.item.title,
    description: v.item.description,
    category: categoryCell(v.item.category),
    county: v.item.splitByCounty === false ? '全市' : v.countyCodes.map(name).join('、'),
    town: visibleTowns(v, refs).map(name).join('、'),
    leadUnit: v.leadUnitIds.map(unit).join('、'),
    coUnits: v.coUnitIds.map(unit).join('、'),
    scope: v.item.problemScope ? SCOPE_LABELS[v.item.problemScope] : null,
    responsibleLeader: v.item.responsibleLeader,
    responsiblePerson: v.item.responsiblePerson,
    rectifyType: RECTIFY_TYPE_LABELS[v.item.rectifyType],
    deadline: v.item.rectifyType === 'long_term' ? RECTIFY_TYPE_LABELS.long_term : v.item.dueDate,
    milestones: v.item.milestones.map((d, i) => `${d} ${v.item.milestonePercents[i] ?? 100}%`).join(';'),
    milestoneList: v.item.milestones.map((date, i) => ({ date, percent: v.item.milestonePercents[i] ?? 100 })),
    target: v.item.target,
    measures: v.item.measures,
    action: v.item.parentId ? (refs.actions?.get(v.item.parentId)?.title ?? null) : null,
    actionLeadUnit: v.item.parentId ? (refs.actions?.get(v.item.parentId)?.leadUnitName ?? null) : null,
    caseCodes: v.cases.map((c) => c.code).join('、'),
    state: states,
    progress: v.progress.map((p) => `${p.period} ${p.unitName}：${p.note}`).join('\n'),
    lag: v.item.lagLevel ? `序时滞后（${v.item.lagLevel === 'red' ? '红色' : '黄色'}）` : '正常',
    signoffStage: signoffCell(v.item),
    signedOffAt: lastClosed ? shanghaiDate(lastClosed) : null,
    overdue: itemOverdue(v.cases, v.dueAt, now) ? '是' : '否',
  };
}

export function caseSubject(c: ItemCaseRow) {
  return toSubject(
    { regionPath: c.regionPath, reporterId: c.reporterId, source: c.source, severity: c.severity },
    {
      state: c.state,
      severity: c.severity,
      source: c.source,
      category: '',
      signoffSteps: c.signoffSteps,
      signoffIndex: c.signoffIndex,
      reworkCount: 0,
      reopenCount: 0,
      ownerLevel: c.ownerLevel,
      supervisionLevel: null,
      leadUnitId: c.leadUnitId,
      coUnitIds: c.coUnitIds,
      pendingExtension: null,
    },
  );
}

export function groupBy<T>(list: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const group = map.get(k);
    if (group) group.push(x);
    else map.set(k, [x]);
  }
  return map;
}

export function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}


/** The 销号阶段 cell of an inspection row. */
export function signoffCell(item: Pick<ItemRow, 'signoffStage' | 'noticeEndsOn'>): string | null {
  if (item.signoffStage === 'accepted') return '已验收';
  if (item.signoffStage === 'notice') return `公示中（至 ${item.noticeEndsOn}）`;
  if (item.signoffStage === 'signed_off') return '已复核销号';
  return null;
}
