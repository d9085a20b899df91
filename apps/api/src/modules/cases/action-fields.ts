import { CASE_ACTIONS, PETITION_ACTIONS, foreignFields, type CaseAction, type PetitionAction } from '@ecoloop/workflow';
import { AppError } from '../../core/errors/app-error.js';
import type { CaseActionDto } from './dto/case.dto.js';

/**
 * Refuses (400) payload fields that are not the action's own (the workflow's `foreignFields`, over
 * ACTION_FIELDS and PETITION_ACTION_FIELDS), before anything is recorded: `report_progress` carrying
 * `dueAt` or `approve` would otherwise end up in the permanent event. Unknown actions are left to the
 * service (404).
 */
export function assertOwnFields(action: string, body: CaseActionDto): void {
  if (!(CASE_ACTIONS as readonly string[]).includes(action) && !(PETITION_ACTIONS as readonly string[]).includes(action)) return;
  const given = Object.entries(body)
    .filter(([key, value]) => key !== 'expectedVersion' && value !== undefined)
    .map(([key]) => key);
  const foreign = foreignFields(action as CaseAction | PetitionAction, given);
  if (foreign.length) {
    const names = foreign.map((e) => e.field).join('、');
    throw AppError.badRequest('foreign_fields', `操作 ${action} 不接受字段：${names}`, foreign);
  }
}
