import {
  PETITION_ACTIONS,
  PETITION_STATES,
  WorkCalendar,
  dateRange,
  decidePetition,
  openPetition,
  possiblePetitionActions,
  type PetitionAction,
  type PetitionPayload,
  type PetitionResult,
  type PetitionSnapshot,
  type PetitionState,
} from './index.js';

/** An instant given as Asia/Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`);
/** The end (24:00) of an Asia/Shanghai day. */
const endOf = (date: string) => sh(`${date}T23:59:59.999`).toISOString();

const NOW = sh('2026-03-02T10:00:00'); // Monday
const RECEIVED = '2026-02-26T02:00:00.000Z';

/** A letter petition in `state`, with the history that state implies (replied two days ago, etc.). */
function petitionIn(state: PetitionState, overrides: Partial<PetitionSnapshot> = {}): PetitionSnapshot {
  const base: PetitionSnapshot = {
    ...openPetition({ channel: 'letter', grade: 'general', receivedAt: new Date(RECEIVED) }).snapshot,
    state,
  };
  const accepted = state !== 'registered' && state !== 'declined';
  const replied = accepted && state !== 'accepted';
  return {
    ...base,
    ...(accepted ? { acceptedAt: '2026-02-27T02:00:00.000Z' } : {}),
    ...(state === 'accepted' ? { replyDueAt: endOf('2026-04-28') } : {}),
    ...(replied ? { replyCount: 1, repliedAt: '2026-02-28T02:00:00.000Z' } : {}),
    ...(state === 'concluded' ? { satisfaction: 'satisfied' as const } : {}),
    ...(['under_review', 'reviewed', 'under_recheck', 'final'].includes(state) ? { reviewRequestedAt: '2026-02-28T06:00:00.000Z' } : {}),
    ...(['reviewed', 'under_recheck', 'final'].includes(state) ? { reviewDecidedAt: '2026-03-01T02:00:00.000Z' } : {}),
    ...overrides,
  };
}

/** A payload that meets every need of the action. */
const PAYLOADS: Record<PetitionAction, PetitionPayload> = {
  accept_petition: {},
  decline_petition: { reason: '不属于生态环境部门职责，已告知向属地街道反映' },
  extend_reply: { newDueAt: '2026-05-20', reason: '需第三方检测机构出具监测报告' },
  reply: { comment: '经现场核查，该企业已停产整改，处理意见见附件', attachmentIds: ['att-1'] },
  follow_up: { satisfaction: 'satisfied', note: '电话回访，信访人表示满意' },
  consult: { note: '与属地镇政府、综合执法局会商，明确由镇政府牵头' },
  request_review: { reason: '信访人对处理意见不服' },
  decide_review: { comment: '复查维持原处理意见' },
  request_recheck: { reason: '信访人对复查意见不服' },
  decide_recheck: { comment: '复核维持复查意见' },
};

/** The one fixture per (state, action) whose petition rules let the action through. */
function fixture(state: PetitionState, action: PetitionAction): PetitionSnapshot {
  return petitionIn(state, action === 'consult' ? { satisfaction: 'dissatisfied', replyCount: 1 } : {});
}

function ok(result: PetitionResult) {
  if (!result.ok) throw new Error(`expected the action to be accepted, got ${result.code}: ${result.message}`);
  return result;
}

function refused(result: PetitionResult) {
  if (result.ok) throw new Error(`expected a refusal, got ${result.next.state}`);
  return result;
}

/** DESIGN §9, row by row: from → action → to. Everything not listed is not possible. */
const TRANSITIONS: Array<[PetitionState, PetitionAction, PetitionState]> = [
  ['registered', 'accept_petition', 'accepted'],
  ['registered', 'decline_petition', 'declined'],
  ['accepted', 'extend_reply', 'accepted'],
  ['accepted', 'reply', 'replied'],
  ['accepted', 'consult', 'accepted'],
  ['replied', 'follow_up', 'concluded'],
  ['replied', 'request_review', 'under_review'],
  ['concluded', 'request_review', 'under_review'],
  ['under_review', 'decide_review', 'reviewed'],
  ['reviewed', 'request_recheck', 'under_recheck'],
  ['under_recheck', 'decide_recheck', 'final'],
];

describe('petition machine: every state × action', () => {
  const table = PETITION_STATES.flatMap((state) =>
    PETITION_ACTIONS.map((action) => {
      const row = TRANSITIONS.find(([from, a]) => from === state && a === action);
      return [state, action, row ? row[2] : null] as const;
    }),
  );

  test.each(table)('%s + %s → %s', (state, action, to) => {
    const result = decidePetition(fixture(state, action), { action, payload: PAYLOADS[action], now: NOW });
    if (to === null) {
      expect(refused(result).code).toBe('not_possible');
    } else {
      expect(ok(result).next.state).toBe(to);
    }
  });

  test.each(PETITION_STATES.map((s) => [s]))('possiblePetitionActions(%s) lists exactly the rows from it', (state) => {
    const expected = TRANSITIONS.filter(([from, a]) => from === state && a !== 'consult').map(([, a]) => a);
    expect(possiblePetitionActions(petitionIn(state), NOW)).toEqual(expected);
  });

  test('consult is possible only after a dissatisfied 回访', () => {
    expect(possiblePetitionActions(petitionIn('accepted', { satisfaction: 'dissatisfied', replyCount: 1 }), NOW)).toContain('consult');
    expect(refused(decidePetition(petitionIn('accepted'), { action: 'consult', payload: PAYLOADS.consult, now: NOW })).message).toMatch(/会商/);
  });

  test.each(TRANSITIONS.map(([from, action]) => [from, action] as const).filter(([, a]) => a !== 'accept_petition'))(
    '%s + %s with an empty payload → invalid_payload',
    (state, action) => {
      const result = refused(decidePetition(fixture(state, action), { action, payload: {}, now: NOW }));
      expect(result.code).toBe('invalid_payload');
      expect(result.details?.length).toBeGreaterThan(0);
    },
  );
});

describe('petition limits (信访工作条例, calendar days, end-of-period rule)', () => {
  test('the acceptance notice is due 15 days after receipt, at 24:00', () => {
    const { snapshot, effects } = openPetition({ channel: 'visit', grade: 'key', receivedAt: sh('2026-03-02T23:30:00') });
    expect(snapshot.state).toBe('registered');
    expect(effects).toEqual([{ type: 'start_deadline', kind: 'petition_accept', from: sh('2026-03-02T23:30:00').toISOString(), dueAt: endOf('2026-03-17') }]);
  });

  test('received before 国庆 2026: the 15th day is 1 Oct, so the notice is due on 8 Oct', () => {
    const { effects } = openPetition({ channel: 'letter', grade: 'general', receivedAt: sh('2026-09-16T09:00:00') });
    expect(effects[0]).toMatchObject({ dueAt: endOf('2026-10-08') });
  });

  test('12345 / 12369 work orders take their limits from deadline_policy (no statutory due time)', () => {
    const { effects } = openPetition({ channel: 'hotline_12345', grade: 'general', receivedAt: NOW });
    expect(effects).toEqual([{ type: 'start_deadline', kind: 'petition_accept', from: NOW.toISOString() }]);
    const accepted = ok(decidePetition(openPetition({ channel: 'hotline_12369', grade: 'general', receivedAt: NOW }).snapshot, { action: 'accept_petition', payload: {}, now: NOW }));
    expect(accepted.effects).toContainEqual({ type: 'start_deadline', kind: 'petition_reply', from: NOW.toISOString() });
    expect(accepted.next.replyDueAt).toBeNull();
  });

  test('acceptance settles the notice clock and starts the 60-day reply clock', () => {
    const accepted = ok(decidePetition(petitionIn('registered'), { action: 'accept_petition', payload: {}, now: sh('2026-08-02T10:00:00') }));
    // 2 Aug + 60 days = 1 Oct, a holiday: the reply is due at the end of 8 Oct.
    expect(accepted.effects).toEqual([
      { type: 'settle_deadlines', kinds: ['petition_accept'], status: 'met' },
      { type: 'start_deadline', kind: 'petition_reply', from: sh('2026-08-02T10:00:00').toISOString(), dueAt: endOf('2026-10-08') },
    ]);
    expect(accepted.next).toMatchObject({ acceptedAt: sh('2026-08-02T10:00:00').toISOString(), replyDueAt: endOf('2026-10-08') });
  });

  test('decline settles the notice clock', () => {
    const declined = ok(decidePetition(petitionIn('registered'), { action: 'decline_petition', payload: PAYLOADS.decline_petition, now: NOW }));
    expect(declined.effects).toEqual([{ type: 'settle_deadlines', kinds: ['petition_accept'], status: 'met' }]);
  });

  describe('extend_reply: once, at most 30 days, with a reason', () => {
    const running = petitionIn('accepted', { replyDueAt: endOf('2026-04-28') });
    const extend = (payload: PetitionPayload, p = running) => decidePetition(p, { action: 'extend_reply', payload, now: NOW });

    test('30 days later is the most: the new due time runs to 24:00 of that day', () => {
      const result = ok(extend({ newDueAt: '2026-05-28', reason: '需第三方检测' }));
      expect(result.next).toMatchObject({ state: 'accepted', extensionUsed: true, replyDueAt: endOf('2026-05-28') });
      expect(result.effects).toEqual([{ type: 'extend_deadline', kind: 'petition_reply', dueAt: endOf('2026-05-28') }]);
    });

    test('31 days is too long', () => {
      const result = refused(extend({ newDueAt: '2026-05-29', reason: '需第三方检测' }));
      expect(result.code).toBe('invalid_payload');
      expect(result.details).toEqual([{ field: 'newDueAt', message: '答复期限最多延长30日' }]);
    });

    test('a second extension is refused', () => {
      const once = ok(extend({ newDueAt: '2026-05-10', reason: '需第三方检测' })).next;
      const second = refused(extend({ newDueAt: '2026-05-20', reason: '仍需检测' }, once));
      expect(second.code).toBe('not_possible');
      expect(second.message).toMatch(/只能延长一次/);
    });

    test('the new limit must be later, and a reason is required', () => {
      expect(refused(extend({ newDueAt: '2026-04-20', reason: 'x' })).details?.[0].field).toBe('newDueAt');
      expect(refused(extend({ newDueAt: '2026-05-10' })).details).toEqual([{ field: 'reason', message: '请填写理由' }]);
    });

    test('the 30 days count from the limit now running, with the end-of-period rule (国庆 2026)', () => {
      const beforeNationalDay = petitionIn('accepted', { replyDueAt: endOf('2026-09-01') });
      // 1 Sep + 30 days = 1 Oct, a holiday: the cap moves to 8 Oct.
      expect(ok(extend({ newDueAt: '2026-10-08', reason: '节日期间无法检测' }, beforeNationalDay)).next.replyDueAt).toBe(endOf('2026-10-08'));
      expect(refused(extend({ newDueAt: '2026-10-09', reason: '节日期间无法检测' }, beforeNationalDay)).code).toBe('invalid_payload');
    });
  });

  test('reply counts, and a dissatisfied 回访 sends it back for a new reply within 30 days', () => {
    const replied = ok(decidePetition(petitionIn('accepted'), { action: 'reply', payload: PAYLOADS.reply, now: NOW }));
    expect(replied.next).toMatchObject({ state: 'replied', replyCount: 1, repliedAt: NOW.toISOString(), replyDueAt: null });
    expect(replied.effects).toEqual([{ type: 'settle_deadlines', kinds: ['petition_reply'], status: 'met' }]);

    const later = sh('2026-03-05T10:00:00');
    const back = ok(decidePetition(replied.next, { action: 'follow_up', payload: { satisfaction: 'dissatisfied', note: '认为噪声仍未消除' }, now: later }));
    expect(back.next).toMatchObject({ state: 'accepted', satisfaction: 'dissatisfied', replyDueAt: endOf('2026-04-07') });
    expect(back.effects).toEqual([{ type: 'start_deadline', kind: 'petition_reply', from: later.toISOString(), dueAt: endOf('2026-04-07') }]);

    const again = ok(decidePetition(back.next, { action: 'reply', payload: PAYLOADS.reply, now: later }));
    expect(again.next.replyCount).toBe(2);
    const done = ok(decidePetition(again.next, { action: 'follow_up', payload: { satisfaction: 'basically_satisfied', note: '基本满意' }, now: later }));
    expect(done.next).toMatchObject({ state: 'concluded', satisfaction: 'basically_satisfied' });
  });

  test('a 回访 needs one of the three results', () => {
    const result = refused(decidePetition(petitionIn('replied'), { action: 'follow_up', payload: { satisfaction: 'happy', note: 'x' }, now: NOW }));
    expect(result.details?.[0].field).toBe('satisfaction');
  });

  describe('复查 within 30 days of the reply, decided within 30 days', () => {
    const replied = petitionIn('replied', { repliedAt: sh('2026-09-01T10:00:00').toISOString() });

    test('the request window ends with the end-of-period rule (1 Oct → 8 Oct)', () => {
      const lastMoment = sh('2026-10-08T23:59:59');
      const result = ok(decidePetition(replied, { action: 'request_review', payload: PAYLOADS.request_review, now: lastMoment }));
      expect(result.next.state).toBe('under_review');
      // Requested 8 Oct: decided within 30 days, by 7 Nov, a Saturday → Monday 9 Nov.
      expect(result.effects).toEqual([{ type: 'start_deadline', kind: 'petition_review', from: lastMoment.toISOString(), dueAt: endOf('2026-11-09') }]);
    });

    test('after the window the request is refused', () => {
      const result = refused(decidePetition(replied, { action: 'request_review', payload: PAYLOADS.request_review, now: sh('2026-10-09T00:00:00') }));
      expect(result.code).toBe('not_possible');
      expect(result.message).toMatch(/复查请求应在/);
      expect(possiblePetitionActions(replied, sh('2026-10-09T00:00:00'))).toEqual(['follow_up']);
    });

    test('decide_review settles the clock; 复核 follows the same rule from the 复查 decision; then 终结', () => {
      const decided = ok(decidePetition(petitionIn('under_review'), { action: 'decide_review', payload: PAYLOADS.decide_review, now: NOW }));
      expect(decided.effects).toEqual([{ type: 'settle_deadlines', kinds: ['petition_review'], status: 'met' }]);
      expect(decided.next.reviewDecidedAt).toBe(NOW.toISOString());
      // 2 Mar + 30 days = 1 Apr (a Wednesday).
      expect(ok(decidePetition(decided.next, { action: 'request_recheck', payload: PAYLOADS.request_recheck, now: sh('2026-04-01T23:00:00') })).effects).toEqual([
        { type: 'start_deadline', kind: 'petition_recheck', from: sh('2026-04-01T23:00:00').toISOString(), dueAt: endOf('2026-05-06') },
      ]);
      expect(refused(decidePetition(decided.next, { action: 'request_recheck', payload: PAYLOADS.request_recheck, now: sh('2026-04-02T00:00:00') })).message).toMatch(/复核/);
      const final = ok(decidePetition(petitionIn('under_recheck'), { action: 'decide_recheck', payload: PAYLOADS.decide_recheck, now: NOW }));
      expect(final.next.state).toBe('final');
      expect(possiblePetitionActions(final.next, NOW)).toEqual([]);
    });
  });
});

describe('WorkCalendar.endOfCalendarPeriod across 国庆 and 春节', () => {
  const calendar2026 = new WorkCalendar([
    {
      year: 2026,
      holidays: [...dateRange('2026-02-15', '2026-02-23'), ...dateRange('2026-09-25', '2026-09-27'), ...dateRange('2026-10-01', '2026-10-07')],
      workdays: ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'],
    },
  ]);
  // 2027 as an admin enters it once the State Council publishes it; here the statutory days only:
  // 春节 除夕 to 初三 (5–8 Feb 2027), 国庆 1–3 Oct 2027.
  const calendar2027 = new WorkCalendar([{ year: 2027, holidays: [...dateRange('2027-02-05', '2027-02-08'), ...dateRange('2027-10-01', '2027-10-03')], workdays: [] }]);

  const cases: Array<[string, WorkCalendar, string, number, string]> = [
    ['ends on an ordinary working day', calendar2026, '2026-03-02T10:00:00', 15, '2026-03-17'],
    ['the start day does not count, whatever the time', calendar2026, '2026-03-02T00:00:01', 1, '2026-03-03'],
    ['ends on a Saturday → Monday', calendar2026, '2026-03-06T10:00:00', 15, '2026-03-23'],
    ['ends on 国庆 2026 → the first working day after it', calendar2026, '2026-09-16T10:00:00', 15, '2026-10-08'],
    ['ends on a make-up Saturday (调休) → that Saturday', calendar2026, '2026-09-25T10:00:00', 15, '2026-10-10'],
    ['ends on 中秋 2026 (a Friday) → the Monday after it', calendar2026, '2026-09-10T10:00:00', 15, '2026-09-28'],
    ['ends inside 春节 2026 → 24 Feb', calendar2026, '2026-02-01T10:00:00', 15, '2026-02-24'],
    ['ends the working day before 春节 2026', calendar2026, '2026-01-29T10:00:00', 15, '2026-02-13'],
    ['ends on the make-up Saturday before 春节 2026', calendar2026, '2026-01-30T10:00:00', 15, '2026-02-14'],
    ['60 days ending on 1 Oct 2026 → 8 Oct', calendar2026, '2026-08-02T10:00:00', 60, '2026-10-08'],
    ['ends on 春节 2027 (Saturday 初一) → after 初三', calendar2027, '2027-01-22T10:00:00', 15, '2027-02-09'],
    ['ends on 除夕 2027 (a Friday) → after 初三', calendar2027, '2027-01-21T10:00:00', 15, '2027-02-09'],
    ['ends on 国庆 2027 (a Friday) → Monday 4 Oct', calendar2027, '2027-09-16T10:00:00', 15, '2027-10-04'],
    ['an instant counts on its Shanghai date (00:30 local is still 16 Sep)', calendar2026, '2026-09-16T00:30:00', 15, '2026-10-08'],
  ];

  test.each(cases)('%s', (_what, calendar, from, days, lastDay) => {
    expect(calendar.endOfCalendarPeriod(sh(from), days).toISOString()).toBe(endOf(lastDay));
  });

  test('zero days ends today at 24:00, or on the next working day', () => {
    expect(calendar2026.endOfCalendarPeriod(sh('2026-03-02T10:00:00'), 0).toISOString()).toBe(endOf('2026-03-02'));
    expect(calendar2026.endOfCalendarPeriod(sh('2026-10-03T10:00:00'), 0).toISOString()).toBe(endOf('2026-10-08'));
  });

  test('rejects negative and fractional days', () => {
    expect(() => calendar2026.endOfCalendarPeriod(NOW, -1)).toThrow(RangeError);
    expect(() => calendar2026.endOfCalendarPeriod(NOW, 1.5)).toThrow(RangeError);
  });
});
