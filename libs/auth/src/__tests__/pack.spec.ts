// GET /me sends packed rules; the browser unpacks them and must decide exactly like the server.
import { describe, expect, it } from '@jest/globals';
import { CASE_ACTIONS } from '@ecoloop/workflow';
import { asCase, asLedger, createAbility, defineRulesFor, inRegion, packAbilityRules, unpackAbilityRules } from '../index.js';
import type { AppAbility, AppAction, CaseSubject } from '../index.js';
import { aCase, PATH, USERS, type DemoUser } from './fixtures.js';

const CASES: CaseSubject[] = [
  aCase({ regionPath: PATH.fengqiao001, leadUnitId: 'u-fengqiao', reporterId: USERS['grid.fengqiao001'].id, currentSignoffLevel: 'county' }),
  aCase({ regionPath: PATH.yuxin001, coUnitIds: ['u-fengqiao'], ownerLevel: 'city', currentSignoffLevel: 'city' }),
  aCase({ regionPath: PATH.wangjiangjing001, leadUnitId: 'u-wangjiangjing' }),
  aCase({ regionPath: PATH.city, ownerLevel: 'city' }),
  aCase({ regionPath: '330400.3304021' }),
];
const ACTIONS: AppAction[] = ['read', 'create', 'update', 'delete', 'export', 'import', 'report_back', ...CASE_ACTIONS];

function decisions(a: AppAbility): boolean[] {
  const out: boolean[] = [];
  for (const c of CASES) {
    for (const action of ACTIONS) out.push(a.can(action, asCase(c)));
    out.push(a.can('read', asCase(c), 'reporterPhone'), a.can('read', asCase(c), 'reporterName'), a.can('read', asCase(c), 'title'));
  }
  for (const path of [PATH.city, PATH.nanhu, PATH.fengqiao, PATH.xiuzhou]) {
    for (const action of ACTIONS) out.push(a.can(action, asLedger({ regionPath: path })));
    out.push(a.can('read', inRegion('Stats', path)), a.can('read', inRegion('RiskWarning', path)));
  }
  for (const s of ['Region', 'Unit', 'User', 'DeadlinePolicy', 'Calendar', 'Enterprise', 'Notification', 'Audit', 'Attachment'] as const) {
    for (const action of ACTIONS) out.push(a.can(action, s));
  }
  return out;
}

describe('packAbilityRules / unpackAbilityRules', () => {
  it.each(Object.keys(USERS) as DemoUser[])('round-trips %s through JSON with the same decisions', (name) => {
    const rules = defineRulesFor(USERS[name]);
    const overTheWire = JSON.parse(JSON.stringify(packAbilityRules(rules)));
    const unpacked = createAbility(unpackAbilityRules(overTheWire));
    expect(decisions(unpacked)).toEqual(decisions(createAbility(rules)));
  });

  it('packs smaller than the raw rules', () => {
    const rules = defineRulesFor(USERS['dispatcher.city']);
    expect(JSON.stringify(packAbilityRules(rules)).length).toBeLessThan(JSON.stringify(rules).length);
  });

  it('keeps defineRulesFor JSON-serialisable', () => {
    for (const user of Object.values(USERS)) {
      const rules = defineRulesFor(user);
      expect(JSON.parse(JSON.stringify(rules))).toEqual(rules);
    }
  });
});
