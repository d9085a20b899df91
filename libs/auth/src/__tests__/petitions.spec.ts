// Petitions (DESIGN §5, §9): the petition actions and the petitioners (PII) belong to the
// dispatchers of the jurisdiction; nobody else acts on them or reads them.
import { describe, expect, it } from '@jest/globals';
import { PETITION_ACTIONS } from '@ecoloop/workflow';
import { asCase, canSeePetitioners, createAbility, defineRulesFor } from '../index.js';
import { aCase, PATH, USERS, type DemoUser } from './fixtures.js';

const ability = (name: DemoUser) => createAbility(defineRulesFor(USERS[name]));
/** 凤桥镇's town dispatcher (DESIGN §11). */
const townDispatcher = createAbility(defineRulesFor({ ...USERS['dispatcher.nanhu'], id: 'u-dispatcher-fengqiao', regionPath: PATH.fengqiao, regionLevel: 'town' }));
const petition = aCase({ regionPath: PATH.yuxin001, source: 'petition_letter', leadUnitId: 'u-fengqiao', currentSignoffLevel: 'county' });

describe('petition actions and petitioners', () => {
  it.each([
    ['dispatcher.nanhu', true],
    ['dispatcher.city', true],
    ['dispatcher.xiuzhou', false],
    ['handler.fengqiao', false],
    ['supervisor.nanhu', false],
    ['leader.city', false],
    ['admin', false],
    ['grid.fengqiao001', false],
  ] as const)('%s: acts on and reads the petitioners of a 南湖区 petition: %s', (name, allowed) => {
    const a = ability(name);
    for (const action of PETITION_ACTIONS) expect(a.can(action, asCase(petition))).toBe(allowed);
    expect(canSeePetitioners(a, petition)).toBe(allowed);
    expect(a.can('read', asCase(petition), 'petitioners')).toBe(allowed);
  });

  it('a town dispatcher handles the petitions of the town', () => {
    const inTown = aCase({ regionPath: PATH.fengqiao001, source: 'petition_visit' });
    expect(townDispatcher.can('reply', asCase(inTown))).toBe(true);
    expect(canSeePetitioners(townDispatcher, inTown)).toBe(true);
    expect(townDispatcher.can('reply', asCase(petition))).toBe(false);
    expect(canSeePetitioners(townDispatcher, petition)).toBe(false);
  });

  it('the reporting grid inspector sees the reporter contact but never petitioners', () => {
    const own = aCase({ regionPath: PATH.fengqiao001, source: 'petition_visit', reporterId: USERS['grid.fengqiao001'].id });
    expect(canSeePetitioners(ability('grid.fengqiao001'), own)).toBe(false);
  });
});
