// The in-memory side of the custom condition operators.
import { describe, expect, it } from '@jest/globals';
import { asCase, conditionsMatcher, createAbility, isWithinPath } from '../index.js';
import { aCase } from './fixtures.js';

describe('$within', () => {
  it.each([
    ['330400.330402', '330400.330402', true],
    ['330400.330402.330402100', '330400.330402', true],
    ['330400.330402.330402100.330402100001', '330400.330402', true],
    ['330400.3304021', '330400.330402', false],
    ['330400.3304021.330402100', '330400.330402', false],
    ['330400', '330400.330402', false],
    ['330400.330411.330411101', '330400.330402', false],
    ['x330400.330402', '330400.330402', false],
  ])('path %s within %s → %s', (path, root, expected) => {
    expect(isWithinPath(path, root)).toBe(expected);
    expect(conditionsMatcher({ regionPath: { $within: root } })({ regionPath: path })).toBe(expected);
  });

  it('does not match a missing or non-string path', () => {
    const matches = conditionsMatcher({ regionPath: { $within: '330400' } });
    expect(matches({})).toBe(false);
    expect(matches({ regionPath: null })).toBe(false);
    expect(matches({ regionPath: 330400 })).toBe(false);
  });

  it.each(['', '330400.', '.330400', 330400, null])('refuses %p as a region path', (value) => {
    expect(() => conditionsMatcher({ regionPath: { $within: value } })).toThrow(/\$within|within/);
  });
});

describe('array membership', () => {
  it('matches { coUnitIds: unit } when the array contains the unit', () => {
    const ability = createAbility([{ action: 'read', subject: 'Case', conditions: { coUnitIds: 'u-1' } }]);
    expect(ability.can('read', asCase(aCase({ coUnitIds: ['u-0', 'u-1'] })))).toBe(true);
    expect(ability.can('read', asCase(aCase({ coUnitIds: ['u-10'] })))).toBe(false);
    expect(ability.can('read', asCase(aCase({ coUnitIds: [] })))).toBe(false);
  });
});

describe('$and / $or / $in / $ne', () => {
  it('evaluates them in one rule', () => {
    const matches = conditionsMatcher({
      $or: [{ leadUnitId: 'u-1' }, { coUnitIds: 'u-1' }],
      $and: [{ ownerLevel: { $in: ['county', 'city'] } }, { severity: { $ne: 'major' } }],
    });
    expect(matches({ ...aCase({ leadUnitId: 'u-1' }) })).toBe(true);
    expect(matches({ ...aCase({ coUnitIds: ['u-1'] }) })).toBe(true);
    expect(matches({ ...aCase({ leadUnitId: 'u-2' }) })).toBe(false);
    expect(matches({ ...aCase({ leadUnitId: 'u-1', severity: 'major' }) })).toBe(false);
    expect(matches({ ...aCase({ leadUnitId: 'u-1', ownerLevel: 'province' }) })).toBe(false);
  });

  it('refuses an empty $or', () => {
    expect(() => conditionsMatcher({ $or: [] })).toThrow(/\$or|or/);
  });
});
