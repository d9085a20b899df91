import { decideCreditRepair, publicityEnd, type CreditRepairSnapshot } from './credit-repair.js';

const now = new Date('2026-12-02T02:00:00Z');
const review: CreditRepairSnapshot = { state: 'under_review', publicityEndsAt: null };

describe('credit repair (信用修复)', () => {
  it('passes review into a 7-day public notice, then approves only after it ends', () => {
    const passed = decideCreditRepair(review, 'review_pass', { now });
    expect(passed).toEqual({ ok: true, next: { state: 'publicized', publicityEndsAt: new Date('2026-12-09T02:00:00Z') }, recompute: false });
    const notice = (passed as { next: CreditRepairSnapshot }).next;
    expect(decideCreditRepair(notice, 'approve', { now: new Date('2026-12-09T01:59:00Z') })).toMatchObject({ ok: false, code: 'not_possible' });
    expect(decideCreditRepair(notice, 'approve', { now: new Date('2026-12-09T02:00:00Z') })).toMatchObject({ ok: true, next: { state: 'approved' }, recompute: true });
  });

  it('refuses with a reason from review or notice, and nothing after a decision', () => {
    expect(decideCreditRepair(review, 'refuse', { now })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(decideCreditRepair(review, 'refuse', { now, comment: '整改证据不足' })).toMatchObject({ ok: true, next: { state: 'refused' } });
    const notice = { state: 'publicized' as const, publicityEndsAt: publicityEnd(now) };
    expect(decideCreditRepair(notice, 'refuse', { now, comment: '公示期间收到实名异议' })).toMatchObject({ ok: true, next: { state: 'refused' } });
    expect(decideCreditRepair(review, 'approve', { now })).toMatchObject({ ok: false, code: 'not_possible' });
    expect(decideCreditRepair({ state: 'approved', publicityEndsAt: now }, 'refuse', { now, comment: 'x' })).toMatchObject({ ok: false });
    expect(decideCreditRepair(notice, 'review_pass', { now })).toMatchObject({ ok: false });
  });
});
