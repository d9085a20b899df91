import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { watchApiFailures } from './ui';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`); override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * Screenshots are for people to look at: taken by `npm test` on a developer's machine, not in CI
 * (CI=true) unless E2E_SCREENSHOTS=1; E2E_SCREENSHOTS=0 turns them off anywhere. Without them
 * `snapBoth` still waits for the page to be drawn.
 */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? process.env.E2E_SCREENSHOTS !== '0' : !process.env.CI;
/** Screenshots land here (git-ignored). */
export const SCREENSHOT_DIR = join(__dirname, '..', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh context (own localStorage = own session) in zh-CN, Shanghai time, asking for reduced motion
 * as a user may (the client then draws without animation; `reducedMotion: 'no-preference'` for the
 * animated client). An alert marker's endless ripple kept Chromium at 25–40 % of a core for every page
 * showing one, and on two cores that slowed the whole suite.
 */
export async function newContext(browser: Browser, opts: BrowserContextOptions & { phone?: boolean } = {}): Promise<BrowserContext> {
  const { phone, ...rest } = opts;
  const ctx = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: phone ? PHONE : DESKTOP,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    isMobile: phone ?? false,
    hasTouch: phone ?? false,
    ...rest,
  });
  ctx.on('page', watchApiFailures);
  return ctx;
}

/** The page has drawn: no spinner or skeleton, charts done animating, fonts loaded, two frames painted. */
async function drawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, [data-rendered="false"]') &&
      document.fonts.status === 'loaded',
    undefined,
    { timeout: 10_000 },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Screenshots at desktop (1440×900) and phone (390×844) widths, restoring the viewport. Waits for the layout of each width (the phone header shows
 * the menu button), for spinners and chart animations to finish, and freezes CSS animations.
 * `fullPage: false` for open modals (a fixed layer does not extend over a full-page capture).
 */
export async function snapBoth(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  if (!SCREENSHOTS) return drawn(page);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    const toggle = page.getByTestId('nav-toggle');
    if (await page.getByTestId('user-name').count()) await toggle.waitFor({ state: label === 'phone' ? 'visible' : 'hidden' });
    await drawn(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${label}.png`), fullPage: opts.fullPage ?? true, animations: 'disabled' });
  }
  if (original) await page.setViewportSize(original);
}
