// Lists are scoped in SQL from the CASL rules: the WHERE fragments scopeToSql produces.
import { describe, expect, it } from '@jest/globals';
import { asCase, createAbility, defineRulesFor, escapeLike, scopeToSql } from '../index.js';
import type { AppAbility, AppRawRule, AuthUser, ColumnSpec } from '../index.js';
import { aCase, PATH, USERS } from './fixtures.js';

const CASE_COLUMNS: Record<string, ColumnSpec> = {
  regionPath: 'c.region_path',
  reporterId: 'c.reporter_id',
  leadUnitId: 'c.lead_unit_id',
  coUnitIds: { column: 'c.co_unit_ids', array: true, element: 'uuid' },
  ownerLevel: 'c.owner_level',
  currentSignoffLevel: 'c.current_signoff_level',
  state: 'c.state',
  source: 'c.source',
  severity: 'c.severity',
};
const abilityOf = (user: AuthUser): AppAbility => createAbility(defineRulesFor(user));
const rules = (...list: AppRawRule[]): AppAbility => createAbility(list);

describe('scopeToSql from the role rules', () => {
  it('gives FALSE when no rule allows the action', () => {
    expect(scopeToSql(createAbility([]), 'read', 'Case', CASE_COLUMNS)).toEqual({ sql: 'FALSE', params: {} });
    expect(scopeToSql(abilityOf(USERS['leader.city']), 'approve', 'Case', CASE_COLUMNS)).toEqual({ sql: 'FALSE', params: {} });
  });

  it('gives TRUE for an unconditional rule (admin reads everything)', () => {
    expect(scopeToSql(abilityOf(USERS.admin), 'read', 'Case', CASE_COLUMNS)).toEqual({ sql: 'TRUE', params: {} });
  });

  it('scopes a dispatcher by jurisdiction and, for actions, by owner level', () => {
    const a = abilityOf(USERS['dispatcher.nanhu']);
    expect(scopeToSql(a, 'read', 'Case', CASE_COLUMNS)).toEqual({
      sql: '(c.region_path = :scope_0 OR c.region_path LIKE :scope_0_like)',
      params: { scope_0: PATH.nanhu, scope_0_like: `${PATH.nanhu}.%` },
    });
    expect(scopeToSql(a, 'dispatch', 'Case', CASE_COLUMNS)).toEqual({
      sql: '((c.region_path = :scope_0 OR c.region_path LIKE :scope_0_like) AND c.owner_level IN (:...scope_1))',
      params: { scope_0: PATH.nanhu, scope_0_like: `${PATH.nanhu}.%`, scope_1: ['county', 'town'] },
    });
  });

  it('scopes a handler to lead unit or co-unit with the array operator a GIN index answers', () => {
    const { sql, params } = scopeToSql(abilityOf(USERS['handler.fengqiao']), 'read', 'Case', CASE_COLUMNS);
    expect(sql).toBe('(c.co_unit_ids @> ARRAY[:scope_0]::uuid[] OR c.lead_unit_id = :scope_1)');
    expect(params).toEqual({ scope_0: 'u-fengqiao', scope_1: 'u-fengqiao' });
    expect(scopeToSql(abilityOf(USERS['handler.fengqiao']), 'submit_completion', 'Case', CASE_COLUMNS)).toEqual({
      sql: 'c.lead_unit_id = :scope_0',
      params: { scope_0: 'u-fengqiao' },
    });
  });

  it('scopes a supervisor’s sign-off by jurisdiction and current sign-off level', () => {
    expect(scopeToSql(abilityOf(USERS['supervisor.city']), 'approve', 'Case', CASE_COLUMNS)).toEqual({
      sql: '((c.region_path = :scope_0 OR c.region_path LIKE :scope_0_like) AND c.current_signoff_level = :scope_1)',
      params: { scope_0: PATH.city, scope_0_like: `${PATH.city}.%`, scope_1: 'city' },
    });
  });

  it('scopes a grid inspector to own reports or own grid, ignoring the contact-field rules', () => {
    const { sql, params } = scopeToSql(abilityOf(USERS['grid.fengqiao001']), 'read', 'Case', CASE_COLUMNS);
    expect(sql).toBe('(c.reporter_id = :scope_0 OR (c.region_path = :scope_1 OR c.region_path LIKE :scope_1_like))');
    expect(params).toEqual({ scope_0: USERS['grid.fengqiao001'].id, scope_1: PATH.fengqiao001, scope_1_like: `${PATH.fengqiao001}.%` });
  });

  it('scopes ledgers, including the handler’s regions above', () => {
    expect(scopeToSql(abilityOf(USERS['dispatcher.nanhu']), 'export', 'Ledger', { regionPath: 'l.region_path' }).sql).toBe(
      '(l.region_path = :scope_0 OR l.region_path LIKE :scope_0_like)',
    );
    expect(scopeToSql(abilityOf(USERS['handler.fengqiao']), 'read', 'Ledger', { regionPath: 'l.region_path' })).toEqual({
      sql: '(l.region_path IN (:...scope_0) OR (l.region_path = :scope_1 OR l.region_path LIKE :scope_1_like))',
      params: { scope_0: [PATH.city, PATH.nanhu], scope_1: PATH.fengqiao, scope_1_like: `${PATH.fengqiao}.%` },
      // The branches of the OR, each for its own index.
      anyOf: ['l.region_path IN (:...scope_0)', '(l.region_path = :scope_1 OR l.region_path LIKE :scope_1_like)'],
    });
  });

  it('uses the given parameter prefix', () => {
    const { sql, params } = scopeToSql(abilityOf(USERS['handler.fengqiao']), 'sign_for', 'Case', CASE_COLUMNS, 'acl');
    expect(sql).toBe('c.lead_unit_id = :acl_0');
    expect(params).toEqual({ acl_0: 'u-fengqiao' });
    expect(() => scopeToSql(abilityOf(USERS['handler.fengqiao']), 'read', 'Case', CASE_COLUMNS, 'a-b')).toThrow(/prefix/);
  });
});

describe('LIKE escaping', () => {
  it('escapes %, _ and \\ in the jurisdiction prefix', () => {
    expect(escapeLike('a%b_c\\d')).toBe('a\\%b\\_c\\\\d');
    const odd = { ...USERS['dispatcher.nanhu'], regionPath: '3304%0._02\\x' };
    expect(scopeToSql(abilityOf(odd), 'read', 'Case', CASE_COLUMNS).params).toEqual({
      scope_0: '3304%0._02\\x',
      scope_0_like: '3304\\%0.\\_02\\\\x.%',
    });
  });
});

describe('inverted rules', () => {
  it('bounds a can rule by a higher-priority cannot (AND NOT, NULL-safe)', () => {
    const a = rules(
      { action: 'read', subject: 'Case', conditions: { regionPath: { $within: PATH.nanhu } } },
      { action: 'read', subject: 'Case', inverted: true, conditions: { state: 'closed' } },
    );
    expect(scopeToSql(a, 'read', 'Case', CASE_COLUMNS)).toEqual({
      sql: '((c.region_path = :scope_1 OR c.region_path LIKE :scope_1_like) AND (c.state = :scope_0) IS NOT TRUE)',
      params: { scope_0: 'closed', scope_1: PATH.nanhu, scope_1_like: `${PATH.nanhu}.%` },
    });
  });

  it('keeps only the cannot after an unconditional can', () => {
    const a = rules({ action: 'read', subject: 'Case' }, { action: 'read', subject: 'Case', inverted: true, conditions: { leadUnitId: 'u-x' } });
    expect(scopeToSql(a, 'read', 'Case', CASE_COLUMNS)).toEqual({
      sql: '((c.lead_unit_id = :scope_0) IS NOT TRUE)',
      params: { scope_0: 'u-x' },
    });
  });

  it('ignores a cannot of lower priority than the can', () => {
    const a = rules(
      { action: 'read', subject: 'Case', inverted: true, conditions: { state: 'closed' } },
      { action: 'read', subject: 'Case', conditions: { leadUnitId: 'u-x' } },
    );
    expect(scopeToSql(a, 'read', 'Case', CASE_COLUMNS)).toEqual({ sql: 'c.lead_unit_id = :scope_0', params: { scope_0: 'u-x' } });
  });

  it('gives FALSE after an unconditional cannot', () => {
    const a = rules({ action: 'read', subject: 'Case', conditions: { leadUnitId: 'u-x' } }, { action: 'read', subject: 'Case', inverted: true });
    expect(scopeToSql(a, 'read', 'Case', CASE_COLUMNS)).toEqual({ sql: 'FALSE', params: {} });
  });

  it('ignores field-only cannot rules (rows stay visible, fields are hidden elsewhere)', () => {
    const a = rules(
      { action: 'read', subject: 'Case' },
      { action: 'read', subject: 'Case', inverted: true, fields: ['reporterPhone'] },
    );
    expect(scopeToSql(a, 'read', 'Case', CASE_COLUMNS).sql).toBe('TRUE');
  });
});

describe('operators', () => {
  const one = (conditions: Record<string, unknown>) => scopeToSql(rules({ action: 'read', subject: 'Case', conditions }), 'read', 'Case', CASE_COLUMNS);

  it('translates $eq null, $ne, $nin, $in on arrays, $or and $and', () => {
    expect(one({ leadUnitId: null }).sql).toBe('c.lead_unit_id IS NULL');
    expect(one({ leadUnitId: { $ne: null } }).sql).toBe('c.lead_unit_id IS NOT NULL');
    expect(one({ severity: { $ne: 'major' } })).toEqual({ sql: 'c.severity IS DISTINCT FROM :scope_0', params: { scope_0: 'major' } });
    expect(one({ coUnitIds: { $ne: 'u-1' } }).sql).toBe('(c.co_unit_ids @> ARRAY[:scope_0]::uuid[]) IS NOT TRUE');
    expect(one({ state: { $nin: ['closed', 'merged'] } })).toEqual({
      sql: '(c.state IN (:...scope_0)) IS NOT TRUE',
      params: { scope_0: ['closed', 'merged'] },
    });
    expect(one({ state: { $in: [] } }).sql).toBe('FALSE');
    expect(one({ coUnitIds: { $in: ['u-1', 'u-2'] } })).toEqual({
      sql: 'c.co_unit_ids && ARRAY[:...scope_0]::uuid[]',
      params: { scope_0: ['u-1', 'u-2'] },
    });
    expect(one({ $or: [{ leadUnitId: 'u-1' }, { coUnitIds: 'u-1' }], severity: 'major' }).sql).toBe(
      '((c.lead_unit_id = :scope_0 OR c.co_unit_ids @> ARRAY[:scope_1]::uuid[]) AND c.severity = :scope_2)',
    );
    expect(one({ $and: [{ severity: 'major' }, { source: 'hotline' }] }).sql).toBe('(c.severity = :scope_0 AND c.source = :scope_1)');
  });

  it('throws on an unknown field rather than widening', () => {
    expect(() => scopeToSql(createAbility(defineRulesFor(USERS['handler.fengqiao'])), 'read', 'Case', { leadUnitId: 'c.lead_unit_id' })).toThrow(
      /coUnitIds/,
    );
    expect(() => one({ category: 'air' })).toThrow(/category/);
    expect(() => one({ toString: 'x' })).toThrow(/toString/);
  });

  it('throws on an operator or value it cannot translate exactly', () => {
    expect(() => one({ severity: { $regex: '^maj' } })).toThrow(/regex/);
    expect(() => one({ reworkCount: { $gt: 1 } })).toThrow();
    expect(() => one({ severity: { $gt: 'a' } })).toThrow(/gt/);
    expect(() => one({ coUnitIds: { $within: 'u' } })).toThrow(/array/);
    expect(() => one({ state: { $in: [{ a: 1 }] } })).toThrow(/unsupported value/);
    expect(() => one({ coUnitIds: ['u-1', 'u-2'] })).toThrow(/unsupported value/);
  });

  it('agrees with the in-memory matcher on what it translates (spot check)', () => {
    const a = abilityOf(USERS['dispatcher.nanhu']);
    expect(a.can('read', asCase(aCase({ regionPath: '330400.3304021' })))).toBe(false);
    // '330400.3304021' = '330400.330402' is false and does not match '330400.330402.%'
    expect(scopeToSql(a, 'read', 'Case', CASE_COLUMNS).params['scope_0_like']).toBe('330400.330402.%');
  });
});
