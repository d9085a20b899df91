import { CASE_ACTIONS } from './domain.js';
import { foreignFields } from './action-rules.js';
import { ACTION_FIELDS, NEEDS, type NeedsInput } from './needs.js';

const ALL_FIELDS = ['reason', 'comment', 'note', 'leadUnitId', 'coUnitIds', 'dueAt', 'newDueAt', 'approve', 'measures', 'targetCaseId', 'attachmentIds', 'finding', 'caseNumber', 'penaltyDecisionNo', 'fine', 'policeReferral'];

/** The payload fields a needs check reads, recorded through a proxy. */
function fieldsRead(action: (typeof CASE_ACTIONS)[number]): Set<string> {
  const read = new Set<string>();
  const filled: Record<string, unknown> = {
    reason: 'r', comment: 'c', note: 'n', leadUnitId: 'u1', coUnitIds: ['u2'], dueAt: '2099-01-01', newDueAt: '2099-01-01',
    approve: true, measures: 'm', targetCaseId: 't', attachmentIds: ['a'],
    finding: 'confirmed', caseNumber: '嘉环罚立〔2026〕1号', penaltyDecisionNo: '嘉环罚〔2026〕1号', fine: 1000, policeReferral: false,
  };
  const payload = new Proxy(filled, { get: (o, k) => (typeof k === 'string' && read.add(k), o[k as string]) });
  const input = { payload, now: new Date('2026-12-02T00:00:00Z'), target: { open: true, sameJurisdiction: true, isSelf: false }, current: { leadUnitId: 'u0' } } as unknown as NeedsInput;
  NEEDS[action](input);
  return read;
}

describe('ACTION_FIELDS', () => {
  it.each(CASE_ACTIONS)('%s: every field its needs read is one of its own fields', (action) => {
    const own = new Set<string>(ACTION_FIELDS[action]);
    for (const field of fieldsRead(action)) expect({ action, field, own: own.has(field) }).toEqual({ action, field, own: true });
    for (const field of ACTION_FIELDS[action]) expect(ALL_FIELDS).toContain(field);
  });

  it('refuses fields that are not the action’s own', () => {
    expect(foreignFields('report_progress', ['note', 'dueAt', 'approve', 'leadUnitId']).map((e) => e.field)).toEqual(['dueAt', 'approve', 'leadUnitId']);
    expect(foreignFields('dispatch', ['leadUnitId', 'coUnitIds', 'dueAt', 'comment'])).toEqual([]);
    expect(foreignFields('accept', ['comment'])).toEqual([]);
    expect(foreignFields('submit_completion', ['measures', 'finding', 'caseNumber']).map((e) => e.field)).toEqual(['caseNumber']);
    expect(foreignFields('transfer_enforcement', ['caseNumber', 'fine', 'policeReferral', 'measures']).map((e) => e.field)).toEqual(['measures']);
  });

  it.each([
    ['reply', ['comment', 'attachmentIds'], []],
    ['follow_up', ['satisfaction', 'note', 'dueAt'], ['dueAt']],
    ['extend_reply', ['newDueAt', 'reason', 'leadUnitId'], ['leadUnitId']],
    ['decline_petition', ['reason', 'satisfaction'], ['satisfaction']],
    ['accept_petition', ['comment'], []],
  ] as const)('petition action %s with %j: foreign %j', (action, given, foreign) => {
    expect(foreignFields(action, given).map((e) => e.field)).toEqual(foreign);
  });

  it('names the action in each message; an unknown action owns no field', () => {
    expect(foreignFields('consult', ['fine'])).toEqual([{ field: 'fine', message: 'fine is not a field of consult' }]);
    expect(foreignFields('nonsense' as never, ['comment']).map((e) => e.field)).toEqual(['comment']);
  });
});
