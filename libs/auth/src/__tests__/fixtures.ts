// Demo-like users and cases (DESIGN.md §8) for the permission tests.
import type { AuthUser, CaseSubject } from '../types.js';

export const PATH = {
  city: '330400',
  nanhu: '330400.330402',
  xiuzhou: '330400.330411',
  fengqiao: '330400.330402.330402100',
  fengqiao001: '330400.330402.330402100.330402100001',
  fengqiao002: '330400.330402.330402100.330402100002',
  yuxin001: '330400.330402.330402101.330402101001',
  wangjiangjing001: '330400.330411.330411101.330411101001',
} as const;

function user(id: string, roles: AuthUser['roles'], regionPath: string, regionLevel: AuthUser['regionLevel'], unitId: string | null = null): AuthUser {
  return { id, roles, unitId, regionCode: regionPath.split('.').at(-1)!, regionPath, regionLevel };
}

export const USERS = {
  'dispatcher.city': user('u-dispatcher-city', ['dispatcher'], PATH.city, 'city', 'unit-city-bureau'),
  'dispatcher.nanhu': user('u-dispatcher-nanhu', ['dispatcher'], PATH.nanhu, 'county', 'unit-nanhu-branch'),
  'dispatcher.xiuzhou': user('u-dispatcher-xiuzhou', ['dispatcher'], PATH.xiuzhou, 'county', 'unit-xiuzhou-branch'),
  'supervisor.city': user('u-supervisor-city', ['supervisor'], PATH.city, 'city', 'unit-city-bureau'),
  'supervisor.nanhu': user('u-supervisor-nanhu', ['supervisor'], PATH.nanhu, 'county', 'unit-nanhu-branch'),
  'dispatcher.fengqiao': user('u-dispatcher-fengqiao', ['dispatcher'], PATH.fengqiao, 'town', 'u-fengqiao'),
  'supervisor.fengqiao': user('u-supervisor-fengqiao', ['supervisor'], PATH.fengqiao, 'town', 'u-fengqiao'),
  'handler.fengqiao': user('u-handler-fengqiao', ['handler'], PATH.fengqiao, 'town', 'u-fengqiao'),
  'grid.fengqiao001': user('u-grid-fengqiao001', ['grid_inspector'], PATH.fengqiao001, 'grid'),
  'grid.fengqiao001b': user('u-grid-fengqiao001b', ['grid_inspector'], PATH.fengqiao001, 'grid'),
  'leader.city': user('u-leader-city', ['leader'], PATH.city, 'city'),
  admin: user('u-admin', ['admin'], PATH.city, 'city'),
} satisfies Record<string, AuthUser>;
export type DemoUser = keyof typeof USERS;

export function aCase(overrides: Partial<CaseSubject> = {}): CaseSubject {
  return {
    regionPath: PATH.fengqiao001,
    reporterId: null,
    leadUnitId: null,
    coUnitIds: [],
    ownerLevel: 'county',
    currentSignoffLevel: null,
    state: 'rectifying',
    source: 'hotline',
    severity: 'general',
    spotCheckDrawn: false,
    ...overrides,
  };
}
