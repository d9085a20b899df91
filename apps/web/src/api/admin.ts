// The admin resources (DESIGN §6 "admin CRUD under /admin/*"): users, units, regions, deadline
// policies and the working-day calendar. Shapes follow apps/api's DTOs.
import type { CaseSource, DeadlineKind, DeadlineUnit, RegionLevel, Role, Severity } from '@ecoloop/workflow';
import { api } from './index';
import type { Unit } from './regions';

/** UserDto (never the password hash). */
export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  unitName: string | null;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  active?: boolean;
}

export interface CreateUserInput {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
  unitId?: string | null;
  regionCode: string;
}

export type UpdateUserInput = Partial<Omit<CreateUserInput, 'username'>> & { active?: boolean };

/** UNIT_KINDS of apps/api units/dto. */
export const UNIT_KINDS = ['bureau', 'branch_bureau', 'town_office', 'department', 'enterprise', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface CreateUnitInput {
  name: string;
  kind: UnitKind;
  regionCode: string;
}

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  path: string;
}

export interface CreateRegionInput {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode?: string;
}

/** DeadlinePolicyDto: null in source / category / severity matches anything. */
export interface DeadlinePolicy {
  id: string;
  source: CaseSource | null;
  category: string | null;
  severity: Severity | null;
  kind: DeadlineKind;
  amount: number;
  unit: DeadlineUnit;
  reminderLeadMinutes: number;
}

export type DeadlinePolicyInput = Omit<DeadlinePolicy, 'id'>;

export interface CalendarYear {
  year: number;
  /** false when the year has no data yet (plain Monday–Friday weeks). */
  stored: boolean;
  holidays: string[];
  workdays: string[];
}

const id = (s: string) => encodeURIComponent(s);

export const adminUsersApi = {
  list: (query: { regionCode?: string; q?: string } = {}) => api.get<AdminUser[]>('/admin/users', query),
  create: (input: CreateUserInput) => api.post<AdminUser>('/admin/users', input),
  update: (userId: string, input: UpdateUserInput) => api.patch<AdminUser>(`/admin/users/${id(userId)}`, input),
  /** Deactivates (the account stays for the record). */
  deactivate: (userId: string) => api.del(`/admin/users/${id(userId)}`),
};

export const adminUnitsApi = {
  create: (input: CreateUnitInput) => api.post<Unit>('/admin/units', input),
  update: (unitId: string, input: Partial<Pick<CreateUnitInput, 'name' | 'kind'>>) => api.patch<Unit>(`/admin/units/${id(unitId)}`, input),
  /** Units are deactivated, never deleted (cases refer to them). */
  deactivate: (unitId: string) => api.del(`/admin/units/${id(unitId)}`),
};

export const adminRegionsApi = {
  create: (input: CreateRegionInput) => api.post<RegionRow>('/admin/regions', input),
  rename: (code: string, name: string) => api.patch<RegionRow>(`/admin/regions/${id(code)}`, { name }),
  /** 409 `region_in_use` while it has sub-regions, units, users or cases. */
  remove: (code: string) => api.del(`/admin/regions/${id(code)}`),
};

export const deadlinePoliciesApi = {
  list: () => api.get<DeadlinePolicy[]>('/admin/deadline-policies'),
  create: (input: DeadlinePolicyInput) => api.post<DeadlinePolicy>('/admin/deadline-policies', input),
  update: (policyId: string, input: Partial<DeadlinePolicyInput>) => api.patch<DeadlinePolicy>(`/admin/deadline-policies/${id(policyId)}`, input),
  remove: (policyId: string) => api.del(`/admin/deadline-policies/${id(policyId)}`),
};

export const calendarApi = {
  get: (year: number) => api.get<CalendarYear>(`/admin/calendar/${year}`),
  save: (year: number, body: { holidays: string[]; workdays: string[] }) => api.put<CalendarYear>(`/admin/calendar/${year}`, body),
};
