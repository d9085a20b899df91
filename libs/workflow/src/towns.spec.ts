// DESIGN §11: towns dispatch and sign off general cases found in them; the county spot-checks.
import {
  SPOT_CHECK_SHARE,
  decide,
  initialOwnerLevel,
  initialSnapshot,
  isDrawnForSpotCheck,
  possibleActions,
  signoffChainFor,
  spotCheckDraw,
  type CaseLevel,
  type CaseSnapshot,
  type CaseSource,
  type DecideResult,
  type RegionLevel,
  type Severity,
} from './index.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');

function ok(result: DecideResult) {
  if (!result.ok) throw new Error(`expected the action to be accepted, got ${result.code}: ${result.message}`);
  return result;
}

describe('sign-off chains and owners by place (DESIGN §11)', () => {
  const rows: Array<[CaseSource, Severity, RegionLevel | undefined, CaseLevel[], CaseLevel]> = [
    ['grid_patrol', 'general', 'grid', ['town'], 'town'],
    ['grid_patrol', 'general', 'village', ['town'], 'town'],
    ['grid_patrol', 'general', 'town', ['town'], 'town'],
    ['grid_patrol', 'general', 'county', ['county'], 'county'],
    ['grid_patrol', 'general', undefined, ['county'], 'county'],
    ['hotline', 'general', 'grid', ['county'], 'town'],
    ['petition_letter', 'general', 'town', ['county'], 'town'],
    ['hotline', 'general', 'county', ['county'], 'county'],
    ['grid_patrol', 'major', 'grid', ['county', 'city'], 'county'],
    ['central_inspection', 'general', 'town', ['county', 'city'], 'county'],
    ['provincial_inspection', 'general', 'grid', ['county', 'city'], 'county'],
  ];

  test.each(rows)('%s %s case at %s level: sign-off %j, owned by the %s', (source, severity, regionLevel, chain, owner) => {
    expect(signoffChainFor({ source, severity, regionLevel })).toEqual(chain);
    expect(initialOwnerLevel({ source, severity, regionLevel })).toBe(owner);
    const snapshot = initialSnapshot({ source, severity, category: 'air', regionLevel });
    expect(snapshot.signoffSteps).toEqual(chain);
    expect(snapshot.ownerLevel).toBe(owner);
  });
});

describe('town dispatch and sign-off', () => {
  const gridCase = (): CaseSnapshot => initialSnapshot({ severity: 'general', source: 'grid_patrol', category: 'water', regionLevel: 'grid' });

  test('a town dispatcher accepts and dispatches a case its town owns; a village cannot', () => {
    const accepted = ok(decide(gridCase(), { action: 'accept', payload: {}, actorLevel: 'town', now: NOW })).next;
    const dispatched = ok(decide(accepted, { action: 'dispatch', payload: { leadUnitId: 'unit-village' }, actorLevel: 'town', now: NOW })).next;
    expect(dispatched.state).toBe('assigned');
    expect(decide(gridCase(), { action: 'accept', payload: {}, actorLevel: 'village', now: NOW })).toMatchObject({ ok: false, message: 'the case is owned by the town level' });
  });

  test('a town dispatcher cannot act on a county-owned case; the county can act on a town-owned one', () => {
    const major = initialSnapshot({ severity: 'major', source: 'grid_patrol', category: 'water', regionLevel: 'grid' });
    expect(decide(major, { action: 'accept', payload: {}, actorLevel: 'town', now: NOW })).toMatchObject({ ok: false, code: 'not_possible' });
    expect(ok(decide(gridCase(), { action: 'accept', payload: {}, actorLevel: 'county', now: NOW })).next.state).toBe('pending_dispatch');
  });

  test('a town escalates to the county; a county escalating a town case hands it to the city', () => {
    const pending = { ...gridCase(), state: 'pending_dispatch' as const };
    expect(ok(decide(pending, { action: 'escalate', payload: { reason: 'beyond the town' }, actorLevel: 'town', now: NOW })).next.ownerLevel).toBe('county');
    expect(ok(decide(pending, { action: 'escalate', payload: { reason: 'beyond the county' }, actorLevel: 'county', now: NOW })).next.ownerLevel).toBe('city');
  });

  test('the town signs off a grid-found general case and closes it; the county cannot', () => {
    const waiting: CaseSnapshot = { ...gridCase(), state: 'pending_verification', leadUnitId: 'unit-village' };
    expect(decide(waiting, { action: 'approve', payload: { comment: 'c' }, actorLevel: 'county', now: NOW })).toMatchObject({
      ok: false,
      message: 'the sign-off now due is at the town level',
    });
    expect(ok(decide(waiting, { action: 'approve', payload: { comment: 'checked' }, actorLevel: 'town', now: NOW })).next.state).toBe('closed');
  });
});

describe('county spot check (spot_check)', () => {
  const townClosed: CaseSnapshot = {
    ...initialSnapshot({ severity: 'general', source: 'grid_patrol', category: 'water', regionLevel: 'grid' }),
    state: 'closed',
    leadUnitId: 'unit-village',
  };

  test('a pass keeps the case closed and records the county in the chain, so it is not offered again', () => {
    const r = ok(decide(townClosed, { action: 'spot_check', payload: { approve: true, comment: 'no relapse' }, actorLevel: 'county', now: NOW }));
    expect(r.next).toMatchObject({ state: 'closed', signoffSteps: ['town', 'county'], signoffIndex: 1, reopenCount: 0 });
    expect(r.effects).toEqual([]);
    expect(possibleActions(r.next, { actorLevel: 'county' })).not.toContain('spot_check');
  });

  test('a failure reopens the case as a relapse: reopenCount + 1, a rectify deadline, signed off by town then county', () => {
    const r = ok(decide(townClosed, { action: 'spot_check', payload: { approve: false, comment: 'outfall leaking again' }, actorLevel: 'county', now: NOW }));
    expect(r.next).toMatchObject({ state: 'rectifying', reopenCount: 1, signoffIndex: 0, signoffSteps: ['town', 'county'] });
    expect(r.effects).toEqual(expect.arrayContaining([{ type: 'start_deadline', kind: 'rectify' }, { type: 'reopened' }]));
  });

  test('only the county spot-checks, only town closures, and a comment and a decision are needed', () => {
    expect(decide(townClosed, { action: 'spot_check', payload: { approve: true, comment: 'c' }, actorLevel: 'city', now: NOW })).toMatchObject({
      ok: false,
      message: 'spot checks are made by the county',
    });
    const countyClosed = { ...townClosed, signoffSteps: ['county'] as CaseLevel[] };
    expect(decide(countyClosed, { action: 'spot_check', payload: { approve: true, comment: 'c' }, actorLevel: 'county', now: NOW })).toMatchObject({
      ok: false,
      message: 'only cases closed by a town are spot-checked, once',
    });
    expect(decide(townClosed, { action: 'spot_check', payload: { comment: 'c' }, actorLevel: 'county', now: NOW })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
  });

  test('the draw is the id’s last eight hex digits modulo 10 000, compared with the share', () => {
    expect(spotCheckDraw('00000000-0000-4000-8000-000000000000')).toBe(0);
    expect(spotCheckDraw('00000000-0000-4000-8000-0000000003e7')).toBe(999);
    expect(spotCheckDraw('00000000-0000-4000-8000-0000000003e8')).toBe(1000);
    expect(isDrawnForSpotCheck('00000000-0000-4000-8000-0000000003e7')).toBe(true);
    expect(isDrawnForSpotCheck('00000000-0000-4000-8000-0000000003e8')).toBe(false);
    expect(isDrawnForSpotCheck('00000000-0000-4000-8000-0000000003e8', 0.2)).toBe(true);
  });

  test('about the policy share of random ids are drawn', () => {
    let state = 12345;
    const hex = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state.toString(16).padStart(8, '0').slice(-8);
    };
    const ids = Array.from({ length: 20_000 }, () => `${hex()}-0000-4000-8000-0000${hex()}`);
    const share = ids.filter((id) => isDrawnForSpotCheck(id)).length / ids.length;
    expect(share).toBeGreaterThan(SPOT_CHECK_SHARE - 0.01);
    expect(share).toBeLessThan(SPOT_CHECK_SHARE + 0.01);
  });
});
