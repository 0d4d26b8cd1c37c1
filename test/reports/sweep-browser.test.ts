/**
 * Sweep and sensitivity reports in a real browser (Debian's chromium via playwright-core): every
 * chart draws, nothing errs, nothing goes to the network, a heatmap cell's tooltip gives the
 * interval, and markup in scenario names and parameter values runs nothing. Screenshots go to
 * /tmp for people.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser } from 'playwright-core';
import { sensitivityReportHtml, sweepReportHtml } from '../../reports/sweep.ts';
import { valueText, type SensitivityTable, type SweepTable } from '../../sim/sweep/index.ts';
import { launchChromium, markCounts, openReport, type OpenedReport } from '../support/browser.ts';
import { tables } from './sweep-tables.ts';

// One browser and three pages for the suite (opening a page costs seconds on a busy machine):
// the one-parameter sweep with a target, the two-parameter heatmap with markup in every string
// the reports show, and the sensitivity report, also with markup in its scenario name.
const browser = suite<{ chromium?: Browser; one?: OpenedReport; heatmap?: OpenedReport; sens?: OpenedReport; two?: SweepTable }>('sweep reports in chromium', {});

const EVIL = '</script><script>alert(1)</script>';
const EVIL_PATH = '"><svg onload=alert(3)>';

/** The two-parameter sweep with markup in the scenario name, the first parameter's path and the second's values. */
function hostileSweep(two: SweepTable): SweepTable {
  const t = structuredClone(two);
  t.scenario = EVIL;
  t.parameters = [EVIL_PATH, 'clearance.approval_delay'];
  for (const r of t.rows) {
    r.values = { [EVIL_PATH]: r.values['fleet.C-17.count']!, 'clearance.approval_delay': `<img src=x onerror=alert(2)> ${valueText(r.values['clearance.approval_delay']!)}` };
  }
  return t;
}

function hostileSensitivity(sens: SensitivityTable): SensitivityTable {
  const s = structuredClone(sens);
  s.scenario = EVIL;
  s.rows[0]!.path = '<b>bold</b>';
  return s;
}

browser.before(async (ctx) => {
  // The tables run while chromium starts, and the pages load side by side. Both are awaited
  // before anything is thrown: a browser that finished starting after this hook failed would
  // be missed by `after` and keep the test process alive.
  const [made, launched] = await Promise.allSettled([tables(), launchChromium()]);
  if (launched.status === 'fulfilled') ctx.chromium = launched.value;
  if (made.status === 'rejected') throw made.reason;
  if (launched.status === 'rejected') throw launched.reason;
  const { one, target, two, sens } = made.value;
  const chromium = launched.value;
  ctx.two = two;
  [ctx.one, ctx.heatmap, ctx.sens] = await Promise.all([
    openReport(chromium, sweepReportHtml(one, target, { file: 'scenarios/niger-2024.yaml' })),
    openReport(chromium, sweepReportHtml(hostileSweep(two))),
    openReport(chromium, sensitivityReportHtml(hostileSensitivity(sens))),
  ]);
});

browser.after(async (ctx) => {
  await ctx.one?.close();
  await ctx.heatmap?.close();
  await ctx.sens?.close();
  await ctx.chromium?.close();
});

function need<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('chromium did not start or a report did not open (see the before hook\'s error)');
  return x;
}

browser('every chart of each report draws marks, with no console error and no request but the file itself', async ({ one, heatmap, sens }) => {
  const expected: Array<[string, OpenedReport | undefined, string[]]> = [
    ['sweep', one, ['dates-by-value', 'p-by-value']],
    ['heatmap', heatmap, ['heatmap', 'p-lines']],
    ['sensitivity', sens, ['tornado-days', 'tornado-p']],
  ];
  for (const [name, opened, charts] of expected) {
    const report = need(opened);
    assert.is(await report.page.getAttribute('body', 'data-charts'), 'done', name);
    assert.equal(report.errors, [], name);
    assert.equal(report.requests, [report.url], name);
    const counts = await markCounts(report.page);
    assert.equal(Object.keys(counts).sort(), charts, name);
    for (const [chart, n] of Object.entries(counts)) assert.ok(n > 0, `${name}: chart ${chart} drew no mark`);
    await report.page.screenshot({ path: `/tmp/retrograde-${name}-report.png`, fullPage: true });
  }
});

browser('the heatmap draws one cell per point, labelled with its chance, and a cell\'s tooltip gives the interval', async ({ heatmap, two }) => {
  const report = need(heatmap);
  const cells = await report.page.$$('[data-chart="heatmap"] g.mark-rect.role-mark path');
  assert.is(cells.length, need(two).rows.length);
  const labels = await report.page.$$eval('[data-chart="heatmap"] g.mark-text.role-mark text', (els) => els.map((e) => e.textContent));
  assert.is(labels.length, cells.length);
  assert.ok(labels.every((l) => /^\d+(\.\d)?%$/.test(l ?? '')), JSON.stringify(labels));
  await cells[0]!.scrollIntoViewIfNeeded();
  const box = await cells[0]!.boundingBox();
  assert.ok(box);
  await report.page.mouse.move(box!.x + box!.width / 4, box!.y + box!.height / 4, { steps: 4 });
  const tip = await report.page.waitForSelector('.report-tooltip:not([hidden])', { timeout: 3000 });
  const text = (await tip.textContent()) ?? '';
  assert.match(text, /95% interval\d+(\.\d)?% – \d+(\.\d)?%/);
  assert.match(text, /Median completion/);
  await report.page.mouse.move(0, 0);
});

browser('markup in scenario names, parameter paths and values shows as text and runs nothing', async ({ heatmap, sens }) => {
  for (const opened of [heatmap, sens]) {
    const report = need(opened);
    assert.equal(report.dialogs, []);
    assert.equal(report.errors, []);
    assert.equal(report.requests, [report.url], 'an injected tag made a request');
    assert.match((await report.page.textContent('.kicker')) ?? '', EVIL);
    assert.is(await report.page.$$eval('main img, main b, main svg[onload]', (els) => els.length), 0);
    assert.match(await report.page.title(), EVIL);
  }
  const h = need(heatmap);
  assert.ok(await h.page.isVisible(`th:has-text('${EVIL_PATH}')`), 'the parameter path is not a table header');
  // Chart texts come out as the strings themselves (SVG text nodes), never as markup.
  const texts = await h.page.$$eval('[data-chart="heatmap"] svg text', (els) => els.map((e) => e.textContent ?? ''));
  assert.ok(texts.includes(EVIL_PATH), 'the axis title is not the path as text');
  assert.ok(texts.some((t) => t.startsWith('<img src=x onerror=alert(2)>')), 'the values are not shown as text');
  assert.match((await need(sens).page.textContent('table')) ?? '', /<b>bold<\/b>/);
});

browser.run();
