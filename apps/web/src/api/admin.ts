// The admin resources (DESIGN §6 "admin CRUD under /admin/*"): users, units, regions, deadline
// policies and the working-day calendar, typed by the generated client.
import { client, ok, type Schemas } from './http';

export type AdminUser = Schemas['UserDto'];
export type CreateUserInput = Schemas['CreateUserDto'];
export type UpdateUserInput = Schemas['UpdateUserDto'];
export type UnitKind = Schemas['UnitKind'];
export type CreateUnitInput = Schemas['CreateUnitDto'];
export type RegionRow = Schemas['RegionDto'];
export type CreateRegionInput = Schemas['CreateRegionDto'];
export type DeadlinePolicy = Schemas['DeadlinePolicyDto'];
export type DeadlinePolicyInput = Schemas['CreateDeadlinePolicyDto'];
export type CalendarYear = Schemas['CalendarYearDto'];

/** Every unit kind, in the order the forms offer them (the generated union, spelled out once). */
export const UNIT_KINDS = ['bureau', 'town_office', 'department', 'external', 'enterprise'] as const satisfies readonly UnitKind[];

export const adminUsersApi = {
  list: (query: { regionCode?: string; q?: string } = {}) => ok(client.GET('/api/v1/admin/users', { params: { query } })),
  create: (input: CreateUserInput) => ok(client.POST('/api/v1/admin/users', { body: input })),
  update: (id: string, input: UpdateUserInput) => ok(client.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body: input })),
  /** Deactivates (the account stays for the record). */
  deactivate: (id: string) => ok(client.DELETE('/api/v1/admin/users/{id}', { params: { path: { id } } })),
};

export const adminUnitsApi = {
  create: (input: CreateUnitInput) => ok(client.POST('/api/v1/admin/units', { body: input })),
  update: (id: string, input: Schemas['UpdateUnitDto']) => ok(client.PATCH('/api/v1/admin/units/{id}', { params: { path: { id } }, body: input })),
  /** Units are deactivated, never deleted (cases refer to them). */
  deactivate: (id: string) => ok(client.DELETE('/api/v1/admin/units/{id}', { params: { path: { id } } })),
};

export const adminRegionsApi = {
  create: (input: CreateRegionInput) => ok(client.POST('/api/v1/admin/regions', { body: input })),
  rename: (code: string, name: string) => ok(client.PATCH('/api/v1/admin/regions/{code}', { params: { path: { code } }, body: { name } })),
  /** 409 `region_in_use` while it has sub-regions, units, users or cases. */
  remove: (code: string) => ok(client.DELETE('/api/v1/admin/regions/{code}', { params: { path: { code } } })),
};

export const deadlinePoliciesApi = {
  list: () => ok(client.GET('/api/v1/admin/deadline-policies')),
  create: (input: DeadlinePolicyInput) => ok(client.POST('/api/v1/admin/deadline-policies', { body: input })),
  update: (id: string, input: Schemas['UpdateDeadlinePolicyDto']) =>
    ok(client.PATCH('/api/v1/admin/deadline-policies/{id}', { params: { path: { id } }, body: input })),
  remove: (id: string) => ok(client.DELETE('/api/v1/admin/deadline-policies/{id}', { params: { path: { id } } })),
};

export const calendarApi = {
  get: (year: number) => ok(client.GET('/api/v1/admin/calendar/{year}', { params: { path: { year } } })),
  save: (year: number, body: Schemas['CalendarYearBodyDto']) => ok(client.PUT('/api/v1/admin/calendar/{year}', { params: { path: { year } }, body })),
};
