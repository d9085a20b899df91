// Ant Design controls as a person uses them, for the browser tests.
import type { Locator, Page } from 'playwright-core';

/** Failed API answers (4xx/5xx) seen by each page, newest last: what a refused submit said. */
const failures = new WeakMap<Page, string[]>();
/** How many changing API requests (not GET) each page has sent. */
const writes = new WeakMap<Page, { count: number }>();

/** Keeps the page's failed API answers, for `submitModal`'s message when a dialog does not close, and counts its writes. */
export function watchApiFailures(page: Page): void {
  const seen: string[] = [];
  failures.set(page, seen);
  const sent = { count: 0 };
  writes.set(page, sent);
  page.on('request', (req) => {
    if (req.method() !== 'GET' && req.url().includes('/api/')) sent.count += 1;
  });
  page.on('response', (res) => {
    if (res.status() < 400 || !res.url().includes('/api/')) return;
    const url = new URL(res.url());
    void res
      .text()
      .catch(() => '')
      .then((body) => seen.push(`${res.request().method()} ${url.pathname} → ${res.status()} ${body.slice(0, 300)}`));
  });
  page.on('pageerror', (err) => seen.push(`page error: ${err.message}`));
}

/** Whether the select shows `text` as (one of) its value(s) within `timeout` ms. */
async function chosen(page: Page, testId: string, text: string, timeout: number): Promise<boolean> {
  // antd puts the test id on the select's root; a single choice is its content, a multiple one an item each.
  const value = page.getByTestId(testId).locator('.ant-select-content-has-value, .ant-select-selection-item', { hasText: text }).first();
  return value.waitFor({ timeout }).then(
    () => true,
    () => false,
  );
}

/**
 * Opens the select `testId` (typing `search` into it when given) and clicks `option` until the select shows `text`. An option clicked while the list still changes
 * (options arriving, a search filtering) may not be taken, as a person's click may not: then the
 * click is made again, as a person would, before the form is submitted.
 */
async function choose(page: Page, testId: string, option: Locator, text: () => Promise<string>, search?: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    // Again only when the list closed (the first time, another select's list may still be closing).
    if (attempt === 1 || !(await page.locator('.ant-select-dropdown:visible, .ant-cascader-dropdown:visible').count())) {
      await page.getByTestId(testId).click();
      if (search) await page.keyboard.type(search);
    }
    const label = await text();
    await option.click();
    if (await chosen(page, testId, label, attempt < 3 ? 5_000 : 30_000)) return label;
    if (attempt === 3) throw new Error(`the select ${testId} does not show the option picked: ${label}`);
  }
}

/** Picks the option `text` in the antd Select, TreeSelect or Cascader `testId`, typing `text` first to search when asked. */
export async function pick(page: Page, testId: string, text: string, opts: { search?: boolean; tree?: boolean; cascader?: boolean } = {}): Promise<void> {
  const option = opts.tree
    ? page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: new RegExp(`^${text}$`) })
    : opts.cascader
      ? page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: text })
      : page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
  await choose(page, testId, option.first(), async () => text, opts.search ? text : undefined);
}

/** Picks the first option of the select `testId`; returns its text. */
export function pickFirst(page: Page, testId: string): Promise<string> {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  return choose(page, testId, option, async () => (await option.innerText()).trim());
}

/**
 * Clicks the radio or checkbox `control` (its antd wrapper) until it is checked. A click on a dialog
 * still settling in can be lost under load, as a person's can: then it is made again before the form
 * is submitted (a lost 回访结果 click once failed the petition test with "请选择回访结果").
 */
export async function tick(control: Locator): Promise<void> {
  const checked = control.locator('input:checked');
  for (let attempt = 1; ; attempt++) {
    await control.click();
    if (await checked.waitFor({ state: 'attached', timeout: attempt < 3 ? 5_000 : 30_000 }).then(() => true, () => false)) return;
    if (attempt === 3) throw new Error(`${control.toString()} is not checked after three clicks`);
  }
}

/**
 * Clicks the dialog's button (a locator, or the name of a footer button) and waits for the dialog
 * (its test id, or a locator) to close; if it stays open, says why: the form's errors, the API's answers.
 */
export async function submitModal(page: Page, modal: string | Locator, button: RegExp | Locator): Promise<void> {
  const dialog = typeof modal === 'string' ? page.getByTestId(modal) : modal;
  const before = failures.get(page)?.length ?? 0;
  const target = button instanceof RegExp ? page.locator('.ant-modal-footer:visible').getByRole('button', { name: button }) : button;
  const sentBefore = writes.get(page)?.count ?? 0;
  await target.click();
  // A click on a dialog still settling in can be lost under load: when it sent nothing and the form shows no
  // error, click again, as a person would (never once a request went out: that would submit twice).
  for (let attempt = 1; attempt < 3; attempt++) {
    const closed = await dialog.waitFor({ state: 'detached', timeout: 5000 }).then(() => true, () => false);
    if (closed || (writes.get(page)?.count ?? 0) > sentBefore) break;
    if (await page.locator('.ant-modal:visible .ant-form-item-explain-error').count()) break;
    await target.click().catch(() => undefined);
  }
  try {
    await dialog.waitFor({ state: 'detached' });
  } catch (err) {
    const errors = await page
      .locator('.ant-modal:visible')
      .locator('.ant-form-item-explain-error, .ant-alert')
      .allInnerTexts()
      .catch(() => []);
    const api = failures.get(page)?.slice(before) ?? [];
    throw new Error(`the dialog did not close. Form: ${JSON.stringify(errors)}; API: ${JSON.stringify(api)}; ${(err as Error).message}`);
  }
}

/** Waits until the input `testId` holds `value` (a value the app sets after a render, as an address written from a position). */
export async function waitForValue(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId);
  await page.waitForFunction(
    ({ id, want }) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | null)?.value === want,
    { id: testId, want: value },
  ).catch(async () => {
    throw new Error(`${testId} holds "${await input.inputValue()}", not "${value}"`);
  });
}
