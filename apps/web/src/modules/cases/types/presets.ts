import type { Role } from '@ecoloop/workflow';
import type { CaseFilters } from './index';

/** A tab of 我的待办: fixed filters for one role's work. `actionable` keeps only cases the user can act on now
 * (e.g. a supervisor's 待核查 at their own sign-off level). */
export interface WorklistPreset {
  key: string;
  label: string;
  filters: CaseFilters;
  sort: string;
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
  { key: 'mine', label: '我的上报', filters: {}, sort: '-createdAt', roles: ['grid_inspector'] },
  { key: 'overdue', label: '已超期', filters: { overdue: true }, sort: 'dueAt', roles: ['dispatcher', 'leader', 'supervisor'] },
  { key: 'supervised', label: '督办件', filters: { supervised: true }, sort: 'dueAt', roles: ['supervisor', 'leader'] },
];

export function presetsFor(roles: readonly Role[]): WorklistPreset[] {
  return WORKLIST_PRESETS.filter((p) => p.roles.some((r) => roles.includes(r)));
}
