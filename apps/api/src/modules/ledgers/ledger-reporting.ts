// Reporting on a ledger row (序时进展, 季度报告): who may, in which role, and the answer they get.
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { LedgerProgressDto } from './dto/ledger.dto.js';
import { toProgressDto } from './ledger-views.js';
import type { ItemCaseRow } from './ledgers.repository.js';

/**
 * The caller's unit and its role (lead or co) in reporting on a row, given the row's `cases` and
 * those of them the caller may report on (`mine`). Refuses a caller of no unit of the row (403)
 * and a row whose cases are all closed (422 item_signed_off), each with the caller's `refusals`.
 */
export function reportingUnit(
  user: RequestUser,
  cases: ItemCaseRow[],
  mine: ItemCaseRow[],
  refusals: { notAUnit: string; signedOff: string },
): { unitId: string; unitRole: 'lead' | 'co' } {
  if (mine.length === 0 || !user.unitId) throw AppError.forbidden(refusals.notAUnit);
  if (cases.every((c) => c.state === 'closed')) throw AppError.unprocessable('item_signed_off', refusals.signedOff);
  return { unitId: user.unitId, unitRole: mine.some((c) => c.leadUnitId === user.unitId) ? 'lead' : 'co' };
}

/** The answer to a report the caller has just stored. */
export function reportedProgress(
  user: RequestUser,
  report: { id: string; itemId: string; period: string; note: string; percent: number | null; at: Date; quarterly: boolean; attachmentIds: string[] },
  unit: { unitId: string; unitRole: 'lead' | 'co' },
): LedgerProgressDto {
  return toProgressDto({ ...report, ...unit, unitName: user.unitName ?? '', authorName: user.displayName, createdAt: report.at });
}
