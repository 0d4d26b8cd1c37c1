/**
 * Drives Debian's chromium with playwright-core for the report tests: opens an HTML string as a
 * file:// page and records what a reader would not see (console errors, page errors, dialogs,
 * network requests), so a test can assert the page is quiet, offline and inert.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches chromium; throws a message that says how to install it when it is missing (tests fail, never skip). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Debian's chromium at ${CHROMIUM_PATH}, which is missing. ` +
        'Install it with `apt-get install -y chromium` (as root, `npm test` and .ci/run do this themselves).',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface OpenedReport {
  page: Page;
  context: BrowserContext;
  /** The file:// URL the page was loaded from. */
  url: string;
  /** Console messages of type error, and uncaught page errors. */
  errors: string[];
  /** Every request the page made, by URL (a report should make none but its own file:). */
  requests: string[];
  /** Every dialog (alert, confirm, prompt) the page opened; each is dismissed. */
  dialogs: string[];
  /** Closes the page's context and deletes its temporary file. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** IANA time zone the page sees, e.g. 'Pacific/Kiritimati'; default UTC. */
  timezoneId?: string;
  width?: number;
  height?: number;
}

/**
 * Writes `html` to a temporary file, opens it, and waits until the report says its charts are
 * done (body[data-charts]) or 20 s pass. Non-file requests are aborted and recorded.
 */
export async function openReport(browser: Browser, html: string, options: OpenOptions = {}): Promise<OpenedReport> {
  const dir = mkdtempSync(join(tmpdir(), 'retrograde-report-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1200, height: options.height ?? 900 },
    timezoneId: options.timezoneId ?? 'UTC',
    locale: 'en-US',
  });
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    return u.startsWith('file:') ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-charts]', { timeout: 20_000 }).catch(() => undefined);
  return {
    page,
    context,
    url,
    errors,
    requests,
    dialogs,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Per chart container (`[data-chart]`), the number of SVG elements drawn by data marks (not axes or legends). */
export async function markCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-chart]', (els) =>
    Object.fromEntries(
      els.map((el) => [el.getAttribute('data-chart') ?? '?', el.querySelectorAll('svg g.role-mark:not(.mark-group) > *').length]),
    ),
  );
}
