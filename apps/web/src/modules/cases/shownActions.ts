// Which of the API's allowed actions a page offers, and which one is the primary button.
import { statesAllowing, type CaseAction } from '@ecoloop/workflow';
import { ACTION_FORMS, ACTION_ORDER } from './types/actionForms';
import type { Case } from './types';

/** 回头看 opens this long before its due date (the default reminder lead of the review deadline). */
export const REVIEW_WINDOW_MS = 3 * 86_400_000;

/** Not yet handed to a unit: the states from which the case can still be dispatched. */
const BEFORE_DISPATCH = new Set<string>(statesAllowing('dispatch'));

/**
 * The actions to show, in button order: 催办 only once the case has been handed to someone, 回头看
 * only when it is due; the rest as the API allows them.
 */
export function shownActions(kase: Pick<Case, 'allowedActions' | 'state' | 'deadlines'>, now: number): CaseAction[] {
  const allowed = new Set<string>(kase.allowedActions ?? []);
  const review = (kase.deadlines ?? []).find((d) => d.kind === 'review' && d.status === 'pending');
  const reviewDue = review ? new Date(review.dueAt).getTime() - REVIEW_WINDOW_MS <= now : false;
  return ACTION_ORDER.filter((a) => {
    if (!allowed.has(a)) return false;
    if (a === 'remind' && BEFORE_DISPATCH.has(kase.state)) return false;
    if ((a === 'review_pass' || a === 'review_fail') && !reviewDue) return false;
    return true;
  });
}

/** One primary button per state: the first forward action in order. */
export function primaryAction(actions: CaseAction[]): CaseAction | null {
  return actions.find((a) => ACTION_FORMS[a].primary) ?? null;
}
