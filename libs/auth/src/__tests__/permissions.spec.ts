// The permission matrix (DESIGN.md §4 "who", §5): role × jurisdiction × action → allowed?
// Checked with ability.can on case instances, never on the rules' shape.
import { describe, expect, it } from '@jest/globals';
import { CASE_ACTIONS } from '@ecoloop/workflow';
import { asCase, canSeeReporterContact, createAbility, defineRulesFor, inRegion, asLedger } from '../index.js';
import type { AppAbility, AppAction, AuthUser, CaseSubject } from '../index.js';
import { aCase, PATH, USERS, type DemoUser } from './fixtures.js';

const abilityOf = (user: AuthUser): AppAbility => createAbility(defineRulesFor(user));
const ability = (name: DemoUser): AppAbility => abilityOf(USERS[name]);

// Where a case lies, seen from the demo users. Lead/co-units and reporter vary so that the
// handler and grid inspector columns are meaningful too.
const PLACES = {
  /** grid 330402100001 (凤桥镇 001), lead unit 凤桥. */
  grid: aCase({ regionPath: PATH.fengqiao001, leadUnitId: 'u-fengqiao', currentSignoffLevel: 'county' }),
  /** another grid of 凤桥镇, reported by grid.fengqiao001, lead unit 凤桥. */
  town: aCase({ regionPath: PATH.fengqiao002, leadUnitId: 'u-fengqiao', reporterId: USERS['grid.fengqiao001'].id, currentSignoffLevel: 'county' }),
  /** 余新镇 in 南湖区, lead unit 余新 with 凤桥 as co-unit. */
  county: aCase({ regionPath: PATH.yuxin001, leadUnitId: 'u-yuxin', coUnitIds: ['u-yuxin-water', 'u-fengqiao'], currentSignoffLevel: 'county' }),
  /** 王江泾镇 in the sibling county 秀洲区. */
  sibling: aCase({ regionPath: PATH.wangjiangjing001, leadUnitId: 'u-wangjiangjing', currentSignoffLevel: 'county' }),
  /** a 南湖区 case escalated to the city (owned by the city, city sign-off step). */
  escalated: aCase({ regionPath: PATH.yuxin001, ownerLevel: 'city', currentSignoffLevel: 'city' }),
  /** a city-level case (owned and signed off by the city). */
  city: aCase({ regionPath: PATH.city, leadUnitId: 'u-city-bureau', ownerLevel: 'city', currentSignoffLevel: 'city', severity: 'major' }),
  /** a grid-found general case of 凤桥镇, owned and signed off by the town (§11), lead unit a village. */
  townOwned: aCase({ regionPath: PATH.fengqiao002, leadUnitId: 'u-fengqiao-village', ownerLevel: 'town', currentSignoffLevel: 'town', source: 'grid_patrol' }),
  /** a case 凤桥镇 closed, drawn for the county's spot check. */
  drawn: aCase({ regionPath: PATH.fengqiao002, leadUnitId: 'u-fengqiao-village', ownerLevel: 'town', state: 'closed', source: 'grid_patrol', spotCheckDrawn: true }),
} satisfies Record<string, CaseSubject>;
type Place = keyof typeof PLACES;
const ALL: Place[] = ['grid', 'town', 'county', 'sibling', 'escalated', 'city', 'townOwned', 'drawn'];
const NANHU: Place[] = ['grid', 'town', 'county', 'escalated', 'townOwned', 'drawn'];
const NANHU_COUNTY_OWNED: Place[] = ['grid', 'town', 'county'];
const COUNTY_OWNED: Place[] = ['grid', 'town', 'county', 'sibling'];
const TOWN_OWNED: Place[] = ['townOwned', 'drawn'];
const FENGQIAO: Place[] = ['grid', 'town', 'townOwned', 'drawn'];

const MATRIX_ACTIONS: AppAction[] = ['read', 'create', ...CASE_ACTIONS];
const DISPATCH = ['accept', 'dispatch', 'reject', 'merge', 'escalate', 'reassign', 'decide_extension'] as const;

type Expected = Partial<Record<AppAction, Place[]>>;
const each = (actions: readonly AppAction[], places: Place[]): Expected =>
  Object.fromEntries(actions.map((action) => [action, places]));

const EXPECTED: Record<DemoUser, Expected> = {
  'dispatcher.city': { read: ALL, create: ALL, remind: ALL, ...each(DISPATCH, ALL), supervise: [...COUNTY_OWNED, ...TOWN_OWNED], transfer_enforcement: ALL },
  'dispatcher.nanhu': { read: NANHU, create: NANHU, remind: NANHU, ...each(DISPATCH, [...NANHU_COUNTY_OWNED, ...TOWN_OWNED]), supervise: TOWN_OWNED, transfer_enforcement: NANHU },
  'dispatcher.xiuzhou': { read: ['sibling'], create: ['sibling'], remind: ['sibling'], ...each(DISPATCH, ['sibling']), transfer_enforcement: ['sibling'] },
  'supervisor.city': {
    read: ALL,
    approve: ['escalated', 'city'],
    reject_completion: ['escalated', 'city'],
    review_pass: ALL,
    review_fail: ALL,
    supervise: [...COUNTY_OWNED, ...TOWN_OWNED],
    remind: ALL,
    transfer_enforcement: ALL,
  },
  'supervisor.nanhu': {
    read: NANHU,
    approve: NANHU_COUNTY_OWNED,
    reject_completion: NANHU_COUNTY_OWNED,
    review_pass: NANHU,
    review_fail: NANHU,
    spot_check: ['drawn'],
    supervise: TOWN_OWNED,
    remind: NANHU,
    transfer_enforcement: NANHU,
  },
  // §11: the town dispatches the general cases it owns and signs off grid-found ones.
  'dispatcher.fengqiao': { read: FENGQIAO, create: FENGQIAO, remind: FENGQIAO, ...each(DISPATCH, TOWN_OWNED) },
  'supervisor.fengqiao': { read: FENGQIAO, approve: ['townOwned'], reject_completion: ['townOwned'], remind: FENGQIAO },
  'handler.fengqiao': {
    read: ['grid', 'town', 'county'],
    ...each(['sign_for', 'return', 'request_extension', 'submit_completion'], ['grid', 'town']),
    report_progress: ['grid', 'town', 'county'],
  },
  'grid.fengqiao001': { read: ['grid', 'town'], create: ['grid'], resolve_on_spot: ['town'] },
  'grid.fengqiao001b': { read: ['grid'], create: ['grid'] },
  'leader.city': { read: ALL, instruct: ALL, take_charge: ALL },
  admin: { read: ALL },
};

describe('permission matrix: role × jurisdiction × case action', () => {
  it.each(Object.keys(EXPECTED) as DemoUser[])('%s may do exactly what DESIGN §4/§5 allow', (name) => {
    const a = ability(name);
    const actual: Expected = {};
    for (const action of MATRIX_ACTIONS) {
      const places = ALL.filter((place) => a.can(action, asCase(PLACES[place])));
      if (places.length > 0) actual[action] = places;
    }
    expect(actual).toEqual(EXPECTED[name]);
  });
});

describe('enterprises, credit repairs and 约谈 (DESIGN §13)', () => {
  const nanhu = (type: 'CreditRepair' | 'Interview') => inRegion(type, PATH.fengqiao);
  const xiuzhou = (type: 'CreditRepair' | 'Interview') => inRegion(type, PATH.wangjiangjing001);

  it('lets dispatchers file repairs and 约谈 in jurisdiction, and county supervisors decide repairs', () => {
    expect(ability('dispatcher.nanhu').can('create', nanhu('CreditRepair'))).toBe(true);
    expect(ability('dispatcher.nanhu').can('create', xiuzhou('CreditRepair'))).toBe(false);
    expect(ability('dispatcher.nanhu').can('approve', nanhu('CreditRepair'))).toBe(false);
    expect(ability('dispatcher.nanhu').can('create', nanhu('Interview'))).toBe(true);
    for (const action of ['review_pass', 'approve', 'refuse'] as const) {
      expect(ability('supervisor.nanhu').can(action, nanhu('CreditRepair'))).toBe(true);
      expect(ability('supervisor.nanhu').can(action, xiuzhou('CreditRepair'))).toBe(false);
    }
    expect(ability('supervisor.nanhu').can('create', nanhu('CreditRepair'))).toBe(false);
    expect(ability('leader.city').can('read', xiuzhou('CreditRepair'))).toBe(true);
    expect(ability('leader.city').can('approve', xiuzhou('CreditRepair'))).toBe(false);
    expect(ability('handler.fengqiao').can('read', nanhu('CreditRepair'))).toBe(false);
  });

  it('lets admins and county-or-city dispatchers import the registry', () => {
    expect(ability('admin').can('import', 'Enterprise')).toBe(true);
    expect(ability('dispatcher.nanhu').can('import', 'Enterprise')).toBe(true);
    expect(ability('supervisor.nanhu').can('import', 'Enterprise')).toBe(false);
    expect(ability('handler.fengqiao').can('import', 'Enterprise')).toBe(false);
  });
});

describe('levels', () => {
  const nanhuMajor = (step: CaseSubject['currentSignoffLevel']) =>
    aCase({ regionPath: PATH.yuxin001, severity: 'major', state: 'pending_verification', currentSignoffLevel: step });

  it('lets the county supervisor sign off the county step but not the city step', () => {
    const a = ability('supervisor.nanhu');
    expect(a.can('approve', asCase(nanhuMajor('county')))).toBe(true);
    expect(a.can('reject_completion', asCase(nanhuMajor('county')))).toBe(true);
    expect(a.can('approve', asCase(nanhuMajor('city')))).toBe(false);
    expect(a.can('reject_completion', asCase(nanhuMajor('city')))).toBe(false);
  });

  it('lets the city supervisor sign off the city step but not the county step', () => {
    const a = ability('supervisor.city');
    expect(a.can('approve', asCase(nanhuMajor('city')))).toBe(true);
    expect(a.can('reject_completion', asCase(nanhuMajor('city')))).toBe(true);
    expect(a.can('approve', asCase(nanhuMajor('county')))).toBe(false);
    expect(a.can('reject_completion', asCase(nanhuMajor('county')))).toBe(false);
  });

  it('lets nobody sign off a case with no current sign-off step', () => {
    for (const name of ['supervisor.city', 'supervisor.nanhu'] as const) {
      expect(ability(name).can('approve', asCase(nanhuMajor(null)))).toBe(false);
    }
  });

  it('lets a county supervisor of another county sign off nothing in Nanhu', () => {
    const xiuzhou = abilityOf({ ...USERS['supervisor.nanhu'], id: 'u-sx', regionPath: PATH.xiuzhou, regionCode: '330411' });
    expect(xiuzhou.can('approve', asCase(nanhuMajor('county')))).toBe(false);
    expect(xiuzhou.can('read', asCase(nanhuMajor('county')))).toBe(false);
  });

  it('supervises only from a level higher than the owner level', () => {
    const countyOwned = asCase(aCase({ regionPath: PATH.yuxin001, ownerLevel: 'county' }));
    const cityOwned = asCase(aCase({ regionPath: PATH.yuxin001, ownerLevel: 'city' }));
    for (const name of ['dispatcher.city', 'supervisor.city'] as const) {
      expect(ability(name).can('supervise', countyOwned)).toBe(true);
      expect(ability(name).can('supervise', cityOwned)).toBe(false);
    }
    for (const name of ['dispatcher.nanhu', 'supervisor.nanhu'] as const) {
      expect(ability(name).can('supervise', countyOwned)).toBe(false);
      expect(ability(name).can('supervise', cityOwned)).toBe(false);
    }
  });

  it('takes an escalated case out of the county dispatcher’s hands but leaves it readable', () => {
    const escalated = asCase(aCase({ regionPath: PATH.yuxin001, state: 'pending_dispatch', ownerLevel: 'city' }));
    const county = ability('dispatcher.nanhu');
    expect(county.can('read', escalated)).toBe(true);
    expect(county.can('remind', escalated)).toBe(true);
    for (const action of DISPATCH) expect(county.can(action, escalated)).toBe(false);
    const city = ability('dispatcher.city');
    for (const action of DISPATCH) expect(city.can(action, escalated)).toBe(true);
  });

  it('gives a dispatcher below county level no owner-level actions', () => {
    const town = abilityOf({ ...USERS['dispatcher.nanhu'], regionPath: PATH.fengqiao, regionCode: '330402100', regionLevel: 'town' });
    const c = asCase(aCase({ regionPath: PATH.fengqiao001 }));
    expect(town.can('read', c)).toBe(true);
    expect(town.can('dispatch', c)).toBe(false);
    expect(town.can('supervise', c)).toBe(false);
  });
});

describe('leader and admin', () => {
  it('lets the leader read in jurisdiction, instruct and take charge (批示, 包案), and do nothing else to a case', () => {
    const a = ability('leader.city');
    const c = asCase(aCase());
    expect(a.can('read', c)).toBe(true);
    for (const action of ['instruct', 'take_charge'] as const) expect(a.can(action, c)).toBe(true);
    for (const action of [...CASE_ACTIONS.filter((x) => x !== 'instruct' && x !== 'take_charge'), 'create', 'update', 'delete'] as const) expect(a.can(action, c)).toBe(false);
    expect(a.can('read', asLedger({ regionPath: PATH.nanhu }))).toBe(true);
    expect(a.can('export', asLedger({ regionPath: PATH.nanhu }))).toBe(true);
    expect(a.can('import', asLedger({ regionPath: PATH.nanhu }))).toBe(false);
    expect(a.can('read', inRegion('Stats', PATH.nanhu))).toBe(true);
    expect(a.can('read', inRegion('RiskWarning', PATH.nanhu))).toBe(true);
    expect(a.can('read', 'Enterprise')).toBe(true);
  });

  it('lets the admin manage the registers and read everything, but act on no case', () => {
    const a = ability('admin');
    for (const s of ['Region', 'Unit', 'User', 'DeadlinePolicy', 'Calendar', 'ApiKey'] as const) {
      for (const action of ['read', 'create', 'update', 'delete'] as const) expect(a.can(action, s)).toBe(true);
    }
    for (const s of ['Case', 'Ledger', 'Stats', 'RiskWarning', 'Enterprise', 'Audit', 'Attachment'] as const) {
      expect(a.can('read', s)).toBe(true);
    }
    // Issuing the monthly risk warnings by hand (the job does it otherwise) is the admin's.
    expect(a.can('manage', 'RiskWarning')).toBe(true);
    for (const u of ['leader.city', 'supervisor.city', 'dispatcher.city'] as const) expect(ability(u).can('manage', 'RiskWarning')).toBe(false);
    const c = asCase(aCase());
    for (const action of CASE_ACTIONS) expect(a.can(action, c)).toBe(false);
    expect(a.can('create', c)).toBe(false);
    expect(a.can('update', 'Case')).toBe(false);
  });

  it('does not let the other roles touch the registers', () => {
    for (const name of ['dispatcher.city', 'supervisor.city', 'handler.fengqiao', 'grid.fengqiao001', 'leader.city'] as const) {
      const a = ability(name);
      expect(a.can('read', 'Region')).toBe(true);
      expect(a.can('read', 'Unit')).toBe(true);
      expect(a.can('read', 'Notification')).toBe(true);
      for (const s of ['Region', 'Unit', 'User', 'DeadlinePolicy', 'Calendar', 'ApiKey'] as const) expect(a.can('update', s)).toBe(false);
      expect(a.can('read', 'User')).toBe(false);
      expect(a.can('read', 'Audit')).toBe(false);
    }
  });
});

describe('ledgers and dashboards', () => {
  const nanhuLedger = asLedger({ regionPath: PATH.nanhu });
  const xiuzhouLedger = asLedger({ regionPath: PATH.xiuzhou });
  const cityLedger = asLedger({ regionPath: PATH.city });

  it('lets the dispatcher read, create, import and export ledgers in jurisdiction only', () => {
    const a = ability('dispatcher.nanhu');
    for (const action of ['read', 'create', 'import', 'export'] as const) {
      expect(a.can(action, nanhuLedger)).toBe(true);
      expect(a.can(action, xiuzhouLedger)).toBe(false);
      expect(a.can(action, cityLedger)).toBe(false);
    }
    expect(a.can('report_back', nanhuLedger)).toBe(false);
  });

  it('lets the supervisor read and report back ledgers in jurisdiction', () => {
    const a = ability('supervisor.nanhu');
    expect(a.can('read', nanhuLedger)).toBe(true);
    expect(a.can('report_back', nanhuLedger)).toBe(true);
    expect(a.can('report_back', xiuzhouLedger)).toBe(false);
    expect(a.can('export', nanhuLedger)).toBe(true);
    expect(a.can('export', xiuzhouLedger)).toBe(false);
    expect(a.can('import', nanhuLedger)).toBe(false);
  });

  it('lets the handler read ledgers handed to their region or above it, not to a sibling', () => {
    const a = ability('handler.fengqiao');
    expect(a.can('read', cityLedger)).toBe(true);
    expect(a.can('read', nanhuLedger)).toBe(true);
    expect(a.can('read', asLedger({ regionPath: PATH.fengqiao }))).toBe(true);
    expect(a.can('read', xiuzhouLedger)).toBe(false);
    expect(a.can('read', asLedger({ regionPath: '330400.330402.330402101' }))).toBe(false);
    expect(a.can('export', nanhuLedger)).toBe(false);
    expect(a.can('read', 'Enterprise')).toBe(true);
    expect(a.can('read', 'Stats')).toBe(false);
  });

  it('scopes stats and risk warnings to the jurisdiction', () => {
    expect(ability('dispatcher.nanhu').can('read', inRegion('Stats', PATH.nanhu))).toBe(true);
    expect(ability('dispatcher.nanhu').can('read', inRegion('Stats', PATH.xiuzhou))).toBe(false);
    expect(ability('dispatcher.nanhu').can('read', inRegion('Stats', PATH.city))).toBe(false);
    expect(ability('dispatcher.nanhu').can('read', 'RiskWarning')).toBe(false);
    expect(ability('supervisor.nanhu').can('read', inRegion('RiskWarning', PATH.nanhu))).toBe(true);
    expect(ability('supervisor.nanhu').can('read', inRegion('RiskWarning', PATH.xiuzhou))).toBe(false);
    expect(ability('grid.fengqiao001').can('read', 'Stats')).toBe(false);
  });
});

describe('field-level reporter privacy', () => {
  const hotline = aCase({ regionPath: PATH.yuxin001, source: 'hotline', leadUnitId: 'u-fengqiao', currentSignoffLevel: 'county' });

  it.each([
    ['dispatcher.nanhu', true, true],
    ['dispatcher.city', true, true],
    ['dispatcher.xiuzhou', false, false],
    ['handler.fengqiao', true, false],
    ['supervisor.nanhu', true, false],
    ['supervisor.city', true, false],
    ['leader.city', true, false],
    ['admin', true, false],
  ] as const)('%s: reads the case %s, reads the reporter contact %s', (name, readsCase, readsContact) => {
    const a = ability(name);
    expect(a.can('read', asCase(hotline))).toBe(readsCase);
    expect(a.can('read', asCase(hotline), 'reporterPhone')).toBe(readsContact);
    expect(a.can('read', asCase(hotline), 'reporterName')).toBe(readsContact);
    expect(canSeeReporterContact(a, hotline)).toBe(readsContact);
    // other fields stay readable with the case
    expect(a.can('read', asCase(hotline), 'title')).toBe(readsCase);
  });

  it('shows the contact to the grid inspector who reported the case, not to another in the same grid', () => {
    const own = aCase({ regionPath: PATH.fengqiao001, source: 'grid_patrol', reporterId: USERS['grid.fengqiao001'].id });
    expect(canSeeReporterContact(ability('grid.fengqiao001'), own)).toBe(true);
    const other = ability('grid.fengqiao001b');
    expect(other.can('read', asCase(own))).toBe(true);
    expect(canSeeReporterContact(other, own)).toBe(false);
  });

  it('keeps the contact hidden from a dispatcher who is also admin, outside the jurisdiction', () => {
    const a = abilityOf({ ...USERS['dispatcher.nanhu'], roles: ['admin', 'dispatcher'] });
    const sibling = aCase({ regionPath: PATH.wangjiangjing001 });
    expect(a.can('read', asCase(sibling))).toBe(true);
    expect(canSeeReporterContact(a, sibling)).toBe(false);
    expect(canSeeReporterContact(a, hotline)).toBe(true);
  });
});

describe('grid inspector', () => {
  it('creates cases in the own grid only', () => {
    const a = ability('grid.fengqiao001');
    expect(a.can('create', asCase(aCase({ regionPath: PATH.fengqiao001 })))).toBe(true);
    expect(a.can('create', asCase(aCase({ regionPath: PATH.fengqiao002 })))).toBe(false);
    expect(a.can('create', asCase(aCase({ regionPath: PATH.fengqiao })))).toBe(false);
  });

  it('resolves on the spot only the own reports', () => {
    const a = ability('grid.fengqiao001');
    const mine = aCase({ reporterId: USERS['grid.fengqiao001'].id, state: 'reported' });
    const notMine = aCase({ reporterId: 'u-somebody', state: 'reported' });
    expect(a.can('resolve_on_spot', asCase(mine))).toBe(true);
    expect(a.can('resolve_on_spot', asCase(notMine))).toBe(false);
    expect(ability('dispatcher.nanhu').can('resolve_on_spot', asCase(mine))).toBe(false);
  });

  it('reads attachments and updates own notifications', () => {
    const a = ability('grid.fengqiao001');
    expect(a.can('read', 'Attachment')).toBe(true);
    expect(a.can('update', 'Notification')).toBe(true);
  });
});

describe('handler', () => {
  it('acts as lead unit only on its own cases, and only reports progress as co-unit', () => {
    const a = ability('handler.fengqiao');
    const asCo = asCase(aCase({ leadUnitId: 'u-other', coUnitIds: ['u-fengqiao'] }));
    expect(a.can('read', asCo)).toBe(true);
    expect(a.can('report_progress', asCo)).toBe(true);
    expect(a.can('submit_completion', asCo)).toBe(false);
    expect(a.can('sign_for', asCo)).toBe(false);
    const unrelated = asCase(aCase({ leadUnitId: 'u-other', coUnitIds: ['u-fengqiao-x'] }));
    expect(a.can('read', unrelated)).toBe(false);
  });

  it('sees no case without a unit', () => {
    const a = abilityOf({ ...USERS['handler.fengqiao'], unitId: null });
    expect(a.can('read', asCase(aCase({ leadUnitId: null })))).toBe(false);
    expect(a.can('read', 'Case')).toBe(false);
  });
});

describe('several roles', () => {
  it('gives the union of the roles', () => {
    const a = abilityOf({ ...USERS['grid.fengqiao001'], roles: ['grid_inspector', 'handler'], unitId: 'u-fengqiao' });
    const ledByUnit = asCase(aCase({ regionPath: PATH.yuxin001, leadUnitId: 'u-fengqiao' }));
    expect(a.can('sign_for', ledByUnit)).toBe(true);
    expect(a.can('read', ledByUnit)).toBe(true);
    expect(a.can('create', asCase(aCase({ regionPath: PATH.fengqiao001 })))).toBe(true);
    expect(a.can('create', ledByUnit)).toBe(false);
  });

  it('gives the contact to a handler who is also dispatcher in jurisdiction', () => {
    const a = abilityOf({ ...USERS['dispatcher.nanhu'], roles: ['handler', 'dispatcher'], unitId: 'u-fengqiao' });
    expect(canSeeReporterContact(a, aCase({ regionPath: PATH.yuxin001, leadUnitId: 'u-fengqiao' }))).toBe(true);
    expect(canSeeReporterContact(a, aCase({ regionPath: PATH.wangjiangjing001, leadUnitId: 'u-fengqiao' }))).toBe(false);
  });

  it('gives nothing but the basics to a user without roles', () => {
    const a = abilityOf({ ...USERS['leader.city'], roles: [] });
    expect(a.can('read', 'Case')).toBe(false);
    expect(a.can('read', 'Region')).toBe(true);
  });
});

describe('jurisdiction by region path', () => {
  it('does not treat a sibling whose code shares a prefix as within', () => {
    const a = ability('dispatcher.nanhu');
    expect(a.can('read', asCase(aCase({ regionPath: '330400.3304021' })))).toBe(false);
    expect(a.can('read', asCase(aCase({ regionPath: '330400.3304021.330402100' })))).toBe(false);
    expect(a.can('read', asCase(aCase({ regionPath: '330400.330402' })))).toBe(true);
    expect(a.can('read', asCase(aCase({ regionPath: '330400' })))).toBe(false);
  });

  it('rejects a user without a region path', () => {
    expect(() => defineRulesFor({ ...USERS['dispatcher.nanhu'], regionPath: '' })).toThrow(/regionPath/);
    expect(() => defineRulesFor({ ...USERS['dispatcher.nanhu'], regionPath: '330400..330402' })).toThrow(/regionPath/);
  });

  it('does not tag or change the case passed in', () => {
    const c = aCase();
    ability('dispatcher.nanhu').can('read', asCase(c));
    expect(Object.getOwnPropertyNames(c)).not.toContain('__caslSubjectType__');
    expect(() => asCase(c)).not.toThrow();
  });
});
