// The rules CasesService applies that are about actions and cases, not about I/O.
import { CASE_ACTIONS, type CaseAction, type CaseSnapshot } from '@ecoloop/workflow';
import type { CaseActionDto } from './dto/case.dto.js';

/** Actions that put a case on the caller's worklist (remind / supervise / reassign apply to any open case). */
export const WORKLIST_ACTIONS = CASE_ACTIONS.filter((a) => !['remind', 'supervise', 'reassign', 'instruct', 'take_charge', 'transfer_enforcement'].includes(a));

/** What else a case needs to be on the worklist for an action, beyond its state and the permission. */
export const WORKLIST_EXTRA: Partial<Record<CaseAction, string>> = {
  decide_extension: ' AND c.pending_extension IS NOT NULL',
  review_pass: ` AND c.deadline_kind = 'review'`,
  review_fail: ` AND c.deadline_kind = 'review'`,
  // The spot-check queue: closures signed off last by a town (a spot check adds the county).
  spot_check: ` AND c.signoff_steps[array_length(c.signoff_steps, 1)] = 'town'`,
};

/** The payload fields that were given, as recorded on the event (attachments have their own column). */
export function eventPayload(p: Omit<CaseActionDto, 'expectedVersion'>): Record<string, unknown> {
  const { attachmentIds: _a, ...rest } = p;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/** The snapshot's fields as case-row columns. */
export function toSnapshotColumns(s: CaseSnapshot) {
  const { state, signoffSteps, signoffIndex, reworkCount, reopenCount, ownerLevel, supervisionLevel, leadUnitId, coUnitIds, pendingExtension } = s;
  return { state, signoffSteps, signoffIndex, reworkCount, reopenCount, ownerLevel, supervisionLevel, leadUnitId, coUnitIds, pendingExtension };
}
