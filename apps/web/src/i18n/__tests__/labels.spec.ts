import { describe, expect, it } from '@jest/globals';
import { CASE_ACTIONS, CASE_SOURCES, CASE_STATES, CATEGORIES, ROLES, SUB_CATEGORIES } from '@ecoloop/workflow';
import {
  ACTION_LABELS,
  actionLabel,
  categoryLabel,
  CATEGORY_LABELS,
  ROLE_LABELS,
  SOURCE_LABELS,
  STATE_LABELS,
  SUB_CATEGORY_LABELS,
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
  ] as const)('labels every one of the %s in Chinese', (_name, ids, labels) => {
    for (const id of ids) expect(hasChinese((labels as Record<string, string>)[id] ?? '')).toBe(true);
  });

  it('uses the glossary words for the loop', () => {
    expect(STATE_LABELS).toMatchObject({ reported: '待受理', assigned: '待签收', pending_verification: '待核查', closed: '已销号' });
    expect(ACTION_LABELS).toMatchObject({ dispatch: '交办', sign_for: '签收', approve: '核查销号', supervise: '督办', remind: '催办' });
    expect(actionLabel('overdue')).toBe('超期');
  });

  it('labels categories with their sub-category, keeping unknown codes readable', () => {
    expect(categoryLabel('air.open_burning')).toBe('大气 / 秸秆露天焚烧');
    expect(categoryLabel('water')).toBe('水');
    expect(categoryLabel('soil.heavy_metal')).toBe('土壤 / heavy_metal');
  });
});
