// 信用修复 (DESIGN §13): an enterprise's application (commitment letter and rectification evidence)
// → county review → public notice (公示, 7 calendar days) → approved or refused. Approval is what
// stops the repaired facts from counting in the health code; nothing else forgives them.

export const CREDIT_REPAIR_STATES = ['under_review', 'publicized', 'approved', 'refused'] as const;
export type CreditRepairState = (typeof CREDIT_REPAIR_STATES)[number];

export const CREDIT_REPAIR_ACTIONS = ['review_pass', 'approve', 'refuse'] as const;
export type CreditRepairAction = (typeof CREDIT_REPAIR_ACTIONS)[number];

/** Length of the public notice. */
export const REPAIR_PUBLICITY_DAYS = 7;

export const CREDIT_REPAIR_STATE_LABELS: Record<CreditRepairState, string> = {
  under_review: '县级审核中',
  publicized: '公示中',
  approved: '已修复',
  refused: '不予修复',
};

export interface CreditRepairSnapshot {
  state: CreditRepairState;
  /** End of the public notice (set by review_pass). */
  publicityEndsAt: Date | null;
}

export type CreditRepairDecision =
  | { ok: true; next: CreditRepairSnapshot; recompute: boolean }
  | { ok: false; code: 'not_possible' | 'invalid_payload'; message: string };

/** The end of a public notice that starts at `start`: the same time of day, 7 calendar days later. */
export function publicityEnd(start: Date): Date {
  return new Date(start.getTime() + REPAIR_PUBLICITY_DAYS * 86_400_000);
}

/**
 * One step of a repair. review_pass: under_review → publicized (notice runs from `now`);
 * refuse: under_review or publicized → refused (a reason is required); approve: publicized →
 * approved, only once the notice has ended. Approval asks for the code to be recomputed.
 */
export function decideCreditRepair(
  repair: CreditRepairSnapshot,
  action: string,
  input: { now: Date; comment?: string | null },
): CreditRepairDecision {
  const comment = input.comment?.trim() ?? '';
  switch (action) {
    case 'review_pass':
      if (repair.state !== 'under_review') return notPossible(action, repair.state);
      return { ok: true, next: { state: 'publicized', publicityEndsAt: publicityEnd(input.now) }, recompute: false };
    case 'refuse':
      if (repair.state !== 'under_review' && repair.state !== 'publicized') return notPossible(action, repair.state);
      if (!comment) return { ok: false, code: 'invalid_payload', message: '不予修复须说明理由' };
      return { ok: true, next: { state: 'refused', publicityEndsAt: repair.publicityEndsAt }, recompute: false };
    case 'approve':
      if (repair.state !== 'publicized') return notPossible(action, repair.state);
      if (repair.publicityEndsAt && input.now.getTime() < repair.publicityEndsAt.getTime()) {
        return { ok: false, code: 'not_possible', message: `公示期至 ${repair.publicityEndsAt.toISOString()} 结束，期满后方可批准` };
      }
      return { ok: true, next: { state: 'approved', publicityEndsAt: repair.publicityEndsAt }, recompute: true };
    default:
      return { ok: false, code: 'not_possible', message: `未知操作：${action}` };
  }
}

function notPossible(action: string, state: CreditRepairState): CreditRepairDecision {
  return { ok: false, code: 'not_possible', message: `信用修复申请${CREDIT_REPAIR_STATE_LABELS[state]}，不能执行 ${action}` };
}
