import { describe, expect, it } from '@jest/globals';
import { CASE_ACTIONS, CASE_SOURCES, CASE_STATES, CATEGORIES, DEADLINE_KINDS, DEADLINE_STATUSES, DEADLINE_UNITS, PETITION_ACTIONS, ROLES, SUB_CATEGORIES } from '@ecoloop/workflow';
import { UNIT_KINDS } from '../../api/admin';
import {
  ACTION_LABELS,
  actionLabel,
  categoryLabel,
  CATEGORY_LABELS,
  DEADLINE_KIND_LABELS,
  DEADLINE_STATUS_LABELS,
  DEADLINE_UNIT_LABELS,
  HEALTH_CODE_META,
  PETITION_ACTION_LABELS,
  periodLabel,
  stateLabel,
  RISK_LEVEL_META,
  ROLE_LABELS,
  SOURCE_LABELS,
  STATE_LABELS,
  SUB_CATEGORY_LABELS,
  UNIT_KIND_LABELS,
} from '../labels';

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('Chinese labels for the shared vocabulary', () => {
  it.each([
    ['states', CASE_STATES, STATE_LABELS],
    ['actions', CASE_ACTIONS, ACTION_LABELS],
    ['sources', CASE_SOURCES, SOURCE_LABELS],
    ['roles', ROLES, ROLE_LABELS],
    ['categories', CATEGORIES, CATEGORY_LABELS],
    ['sub-categories', SUB_CATEGORIES, SUB_CATEGORY_LABELS],
    ['unit kinds', UNIT_KINDS, UNIT_KIND_LABELS],
    ['deadline units', DEADLINE_UNITS, DEADLINE_UNIT_LABELS],
    ['deadline kinds', DEADLINE_KINDS, DEADLINE_KIND_LABELS],
    ['deadline statuses', DEADLINE_STATUSES, DEADLINE_STATUS_LABELS],
    ['petition actions', PETITION_ACTIONS, PETITION_ACTION_LABELS],
  ] as const)('labels every one of the %s in Chinese', (_name, ids, labels) => {
    for (const id of ids) expect(hasChinese((labels as Record<string, string>)[id] ?? '')).toBe(true);
  });

  it('uses the glossary words for the loop', () => {
    expect(STATE_LABELS).toMatchObject({ reported: '待受理', assigned: '待签收', pending_verification: '待核查', closed: '已销号' });
    expect(ACTION_LABELS).toMatchObject({ dispatch: '交办', sign_for: '签收', approve: '核查销号', supervise: '督办', remind: '催办' });
    expect(actionLabel('overdue')).toBe('超期');
  });

  it('labels categories with their sub-category, never showing a code it does not know', () => {
    expect(categoryLabel('air.open_burning')).toBe('大气 / 秸秆露天焚烧');
    expect(categoryLabel('water')).toBe('水');
    expect(categoryLabel('air.made_up')).toBe('大气 / 未知子类');
    expect(categoryLabel('made_up')).toBe('未知类别');
    expect(stateLabel('made_up')).toBe('未知');
    expect(actionLabel('made_up')).toBe('其他操作');
  });

  it('names risk levels and health codes by colour, and progress periods in words', () => {
    expect(Object.values(RISK_LEVEL_META).map((m) => m.label)).toEqual(['绿', '黄', '橙', '红', '无数据']);
    expect(Object.values(HEALTH_CODE_META).map((m) => m.label)).toEqual(['绿码', '黄码', '红码']);
    expect(['2026', '2026-H1', '2026-Q4', '2026-03', 'soon'].map(periodLabel)).toEqual(['2026年', '2026年上半年', '2026年第四季度', '2026年3月', 'soon']);
  });
});
