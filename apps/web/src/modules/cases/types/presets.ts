import type { Role } from '@ecoloop/workflow';
import type { CaseFilters, CaseSort } from './index';

/** A tab of 我的待办: fixed filters for one role's work. `actionable` keeps only cases the user can act on now
 * (e.g. a supervisor's 待核查 at their own sign-off level). */
export interface WorklistPreset {
  key: string;
  label: string;
  filters: CaseFilters;
  sort: CaseSort;
  roles: Role[];
  /** Show the due date column first (handlers care about due dates). */
  dueFirst?: boolean;
}

export const WORKLIST_PRESETS: WorklistPreset[] = [
  { key: 'reported', label: '待受理', filters: { state: 'reported', actionable: true }, sort: 'createdAt', roles: ['dispatcher'] },
  { key: 'pending_dispatch', label: '待交办', filters: { state: 'pending_dispatch', actionable: true }, sort: 'createdAt', roles: ['dispatcher'] },
  { key: 'assigned', label: '待签收', filters: { state: 'assigned', actionable: true }, sort: 'dueAt', roles: ['handler'], dueFirst: true },
  { key: 'rectifying', label: '整改中', filters: { state: 'rectifying', actionable: true }, sort: 'dueAt', roles: ['handler'], dueFirst: true },
  {
    key: 'pending_verification',
    label: '待核查',
    filters: { state: 'pending_verification', actionable: true },
    sort: 'dueAt',
    roles: ['supervisor'],
  },
  // 信访 (DESIGN §9): the petition desk's own tabs, by petition state.
  { key: 'petition_registered', label: '信访待告知', filters: { petitionState: 'registered' }, sort: 'createdAt', roles: ['dispatcher'] },
  { key: 'petition_accepted', label: '信访待答复', filters: { petitionState: 'accepted' }, sort: 'createdAt', roles: ['dispatcher'] },
  { key: 'petition_replied', label: '信访待回访', filters: { petitionState: 'replied' }, sort: 'createdAt', roles: ['dispatcher'] },
  { key: 'petition_review', label: '复查复核中', filters: { petitionState: 'under_review,under_recheck' }, sort: 'createdAt', roles: ['dispatcher'] },
  { key: 'mine', label: '我的上报', filters: {}, sort: '-createdAt', roles: ['grid_inspector'] },
  { key: 'overdue', label: '已超期', filters: { overdue: true }, sort: 'dueAt', roles: ['dispatcher', 'leader', 'supervisor'] },
  { key: 'supervised', label: '督办件', filters: { supervised: true }, sort: 'dueAt', roles: ['supervisor', 'leader'] },
  { key: 'taken', label: '我的包案', filters: { takenBy: 'me' }, sort: 'dueAt', roles: ['leader'] },
];

export function presetsFor(roles: readonly Role[]): WorklistPreset[] {
  return WORKLIST_PRESETS.filter((p) => p.roles.some((r) => roles.includes(r)));
}
