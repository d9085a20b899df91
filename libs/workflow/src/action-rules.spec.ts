import { ACTING_ROLES, HANDING_AWAY_ACTIONS, actingRole, handsCaseAway, statesAllowing } from './action-rules.js';
import { currentSignoffLevel, currentSignoffLevelSql } from './case-machine.js';
import { possibleActions } from './decide.js';
import { CASE_ACTIONS, CASE_STATES, DISCARDED_STATES, DONE_STATES, OPEN_STATES, isOpenState, openStateSql, stateInSql, type CaseAction, type CaseState, type Role } from './domain.js';
import { initialSnapshot } from './case-machine.js';
import { PETITION_ACTIONS } from './petition-types.js';

const OPEN = ['reported', 'pending_dispatch', 'assigned', 'rectifying', 'pending_verification'];

describe('statesAllowing (DESIGN §4 "from")', () => {
  it.each<[CaseAction, string[]]>([
    ['accept', ['reported']],
    ['dispatch', ['reported', 'pending_dispatch']],
    ['reject', ['reported', 'pending_dispatch']],
    ['merge', ['reported', 'pending_dispatch']],
    ['resolve_on_spot', ['reported']],
    ['escalate', ['pending_dispatch']],
    ['sign_for', ['assigned']],
    ['return', ['assigned']],
    ['reassign', ['assigned', 'rectifying']],
    ['report_progress', ['rectifying']],
    ['request_extension', ['rectifying']],
    ['decide_extension', ['rectifying']],
    ['submit_completion', ['rectifying']],
    ['approve', ['pending_verification']],
    ['reject_completion', ['pending_verification']],
    ['review_pass', ['closed']],
    ['review_fail', ['closed']],
    ['spot_check', ['closed']],
    ['supervise', OPEN],
    ['remind', OPEN],
    ['transfer_enforcement', [...OPEN, 'closed']],
    ['instruct', OPEN],
    ['take_charge', OPEN],
  ])('%s: %j', (action, states) => {
    expect(statesAllowing(action)).toEqual(states);
  });

  it('covers every action, and every state in which possibleActions() offers it', () => {
    for (const action of CASE_ACTIONS) expect(statesAllowing(action).length).toBeGreaterThan(0);
    const variants = [{}, { pendingExtension: { newDueAt: '2099-01-01T00:00:00Z', reason: 'x' } }, { ownerLevel: 'town' as const, signoffSteps: ['town' as const] }];
    for (const state of CASE_STATES) {
      for (const extra of variants) {
        const offered = possibleActions({ ...initialSnapshot({ severity: 'general', source: 'grid_patrol', category: 'air' }), state, ...extra });
        for (const action of offered) expect({ action, state, allowed: statesAllowing(action).includes(state) }).toEqual({ action, state, allowed: true });
      }
    }
  });

  it('returns a copy', () => {
    statesAllowing('accept').push('closed');
    expect(statesAllowing('accept')).toEqual(['reported']);
  });
});

describe('ACTING_ROLES and actingRole (DESIGN §4 "who")', () => {
  it('names roles for every case and petition action and for report', () => {
    expect(Object.keys(ACTING_ROLES).sort()).toEqual([...CASE_ACTIONS, ...PETITION_ACTIONS, 'report'].sort());
  });

  it.each<[Role[], Parameters<typeof actingRole>[1], Role | undefined]>([
    [['dispatcher'], 'dispatch', 'dispatcher'],
    [['supervisor', 'dispatcher'], 'dispatch', 'dispatcher'],
    [['dispatcher', 'supervisor'], 'approve', 'supervisor'],
    [['dispatcher', 'supervisor'], 'supervise', 'dispatcher'],
    [['supervisor', 'dispatcher'], 'remind', 'supervisor'],
    [['handler'], 'sign_for', 'handler'],
    [['grid_inspector', 'dispatcher'], 'report', 'grid_inspector'],
    [['dispatcher'], 'report', 'dispatcher'],
    [['leader'], 'take_charge', 'leader'],
    [['supervisor', 'dispatcher'], 'reply', 'dispatcher'],
    [['admin', 'leader'], 'dispatch', 'admin'],
    [[], 'dispatch', undefined],
  ])('%j acting for %s: %s', (roles, action, role) => {
    expect(actingRole(roles, action)).toBe(role);
  });
});

describe('handsCaseAway', () => {
  it.each(CASE_ACTIONS.map((a) => [a, a === 'return']))('%s: %s', (action, away) => {
    expect(handsCaseAway(action as CaseAction)).toBe(away);
  });

  it('lists only actions that exist', () => {
    for (const a of HANDING_AWAY_ACTIONS) expect(CASE_ACTIONS).toContain(a);
  });
});

describe('open and done states', () => {
  it.each(CASE_STATES.map((s) => [s, OPEN.includes(s)]))('%s open: %s', (state, open) => {
    expect(isOpenState(state as string)).toBe(open);
    expect(DONE_STATES.includes(state as CaseState)).toBe(!open);
  });

  it('an unknown state is not open', () => {
    expect(isOpenState('archived')).toBe(false);
  });

  it('DONE_STATES is the rest of CASE_STATES; DISCARDED_STATES are done', () => {
    expect(DONE_STATES).toEqual(['closed', 'rejected', 'merged']);
    expect(OPEN_STATES.length + DONE_STATES.length).toBe(CASE_STATES.length);
    for (const s of DISCARDED_STATES) expect(DONE_STATES).toContain(s);
  });

  it.each<[string, string]>([
    [openStateSql(), "c.state IN ('reported', 'pending_dispatch', 'assigned', 'rectifying', 'pending_verification')"],
    [openStateSql('x.state', true), "x.state NOT IN ('reported', 'pending_dispatch', 'assigned', 'rectifying', 'pending_verification')"],
    [stateInSql('state', DISCARDED_STATES, true), "state NOT IN ('rejected', 'merged')"],
    [stateInSql('c.state', ['closed']), "c.state IN ('closed')"],
  ])('%s', (sql, expected) => {
    expect(sql).toBe(expected);
  });

  it('refuses anything but case states (nothing but constants reaches the SQL)', () => {
    expect(() => stateInSql('c.state', ["closed') OR TRUE --" as CaseState])).toThrow(RangeError);
    expect(() => stateInSql('c.state', [])).toThrow(RangeError);
  });
});

describe('currentSignoffLevel', () => {
  const base = initialSnapshot({ severity: 'major', source: 'grid_patrol', category: 'water' });
  it.each<[CaseState, number, string | null]>([
    ['pending_verification', 0, 'county'],
    ['pending_verification', 1, 'city'],
    ['pending_verification', 2, null],
    ['rectifying', 0, null],
    ['closed', 1, null],
    ['reported', 0, null],
  ])('%s at step %i: %s', (state, signoffIndex, level) => {
    expect(currentSignoffLevel({ ...base, state, signoffIndex })).toBe(level);
  });

  it('in SQL reads the same step (arrays count from 1)', () => {
    expect(currentSignoffLevelSql()).toBe("(CASE WHEN c.state = 'pending_verification' THEN c.signoff_steps[c.signoff_index + 1] END)");
    expect(currentSignoffLevelSql('k')).toContain('k.signoff_steps[k.signoff_index + 1]');
  });
});
