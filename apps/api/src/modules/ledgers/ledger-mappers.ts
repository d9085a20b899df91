import { INSPECTION_SOURCES } from '@ecoloop/workflow';
import type { ErrorDetail } from '../../core/errors/app-error.js';
import type { LedgerDto } from './dto/ledger.dto.js';
import type { LedgerKind } from './entities/ledger.entity.js';
import type { ItemKind } from './ledger-rows.js';
import type { LedgerRow } from './ledgers.repository.js';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The kind of a ledger's rows: 交办信访件 in a petition batch, tasks in a task plan, else feedback problems. */
export function rowKindOf(kind: LedgerKind): ItemKind {
  return kind === 'petition_batch' ? 'petition' : kind === 'task_plan' ? 'task' : 'feedback_problem';
}

export function isInspectionLedger(kind: LedgerKind, source: string): boolean {
  return kind === 'inspection_feedback' || INSPECTION_SOURCES.includes(source as never) || source === 'city_inspection';
}

export function toLedgerDto(l: LedgerRow): LedgerDto {
  return {
    id: l.id,
    title: l.title,
    kind: l.kind,
    source: l.source,
    issuer: l.issuer,
    issuedDate: l.issuedDate,
    dueDate: l.dueDate,
    regionCode: l.regionCode,
    regionName: l.regionName,
    createdBy: l.createdBy,
    createdByName: l.createdByName,
    createdAt: iso(l.createdAt)!,
    updatedAt: iso(l.updatedAt)!,
  };
}

export function sortByRow(details: ErrorDetail[]): ErrorDetail[] {
  return [...details].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
