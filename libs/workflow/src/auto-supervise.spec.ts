import { decideAutoSupervise } from './decide.js';
import { initialSnapshot } from './case-machine.js';
import { CASE_STATES, OPEN_STATES, type AdminLevel, type CaseState } from './domain.js';

const dueAt = new Date('2026-12-10T10:00:00Z');
const now = new Date('2026-12-03T10:00:00Z');
const caseIn = (state: CaseState, supervisionLevel: AdminLevel | null = null) => ({
  ...initialSnapshot({ severity: 'general', source: 'grid_patrol', category: 'air' }),
  state,
  supervisionLevel,
});

describe('auto_supervise: the system’s 督办 goes through the machine', () => {
  it.each(OPEN_STATES.map((s) => [s]))('in %s: stays, raises the supervision level and replaces the pending order', (state) => {
    expect(decideAutoSupervise(caseIn(state), { level: 'city', dueAt, now })).toEqual({
      next: { ...caseIn(state), supervisionLevel: 'city' },
      effects: [
        { type: 'settle_deadlines', kinds: ['supervision'], status: 'cancelled' },
        { type: 'start_deadline', kind: 'supervision', dueAt: dueAt.toISOString(), level: 'city' },
      ],
    });
  });

  it.each(CASE_STATES.filter((s) => !OPEN_STATES.includes(s)).map((s) => [s]))('in %s: refused (nothing left to supervise)', (state) => {
    expect(decideAutoSupervise(caseIn(state), { level: 'city', dueAt, now })).toBeNull();
  });

  it('never lowers a higher supervision level already on the case', () => {
    const decided = decideAutoSupervise(caseIn('rectifying', 'province'), { level: 'county', dueAt, now });
    expect(decided?.next.supervisionLevel).toBe('province');
    expect(decided?.effects[1]).toEqual({ type: 'start_deadline', kind: 'supervision', dueAt: dueAt.toISOString(), level: 'county' });
  });
});
