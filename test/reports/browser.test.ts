/**
 * The run report in a real browser (Debian's chromium via playwright-core): every chart draws,
 * nothing errs, nothing goes to the network, hovering shows a tooltip, injected markup stays
 * text, and the charts read the same in every time zone. Screenshots go to /tmp for people.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser } from 'playwright-core';
import { RUN_CHARTS, runReportHtml, runReportSpecs } from '../../reports/index.ts';
import { launchChromium, markCounts, openReport, type OpenedReport } from '../support/browser.ts';
import { sampleSummary } from './fixture.ts';
import type { Summary } from '../../sim/batch/types.ts';

// Opening a report costs seconds on a busy machine, so the suite opens two pages once: the
// fixture in UTC, and a hostile copy (markup in every scenario string) in UTC+14, which serves
// both the injection test and the time-zone test (the charts never show the scenario strings).
const browser = suite<{ chromium?: Browser; fixture?: OpenedReport; hostile?: OpenedReport; utcTexts?: string[] }>('run report in chromium', {});

const EVIL = '</script><script>alert(1)</script>';

/** The fixture with markup in the scenario name, the diagnosis and the inputs table. */
function hostileSummary(): Summary {
  const summary = sampleSummary();
  summary.scenario = EVIL;
  summary.diagnosis = '<img src=x onerror=alert(2)> clearances';
  summary.inputs.push(['<b>bold</b>', '"><svg onload=alert(3)>']);
  return summary;
}

/** Every text the charts drew (axis labels, titles, annotations), in document order. */
const chartTexts = (r: OpenedReport): Promise<string[]> => r.page.$$eval('[data-chart] svg text', (els) => els.map((e) => e.textContent ?? ''));

browser.before(async (ctx) => {
  ctx.chromium = await launchChromium();
  ctx.fixture = await openReport(ctx.chromium, runReportHtml(sampleSummary()));
  // Read before any test hovers or zooms the page.
  ctx.utcTexts = await chartTexts(ctx.fixture);
  ctx.hostile = await openReport(ctx.chromium, runReportHtml(hostileSummary()), { timezoneId: 'Pacific/Kiritimati' });
});

browser.after(async (ctx) => {
  await ctx.fixture?.close();
  await ctx.hostile?.close();
  await ctx.chromium?.close();
});

function need<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('chromium did not start or the report did not open (see the before hook\'s error)');
  return x;
}

browser('every chart draws marks, with no console error and no request but the file itself', async ({ fixture }) => {
  const summary = sampleSummary();
  const report = need(fixture);
  {
    assert.is(await report.page.getAttribute('body', 'data-charts'), 'done');
    assert.equal(report.errors, []);
    assert.equal(report.requests, [report.url]);
    const counts = await markCounts(report.page);
    assert.equal(Object.keys(counts).sort(), [...RUN_CHARTS].sort());
    for (const [chart, n] of Object.entries(counts)) assert.ok(n > 0, `chart ${chart} drew no mark`);
    // Every phase of every sortie of the sample run is a bar in the Gantt (phases of zero length are not drawn).
    const rows = (runReportSpecs(summary).gantt as unknown as { datasets: { sorties: Array<Record<string, string>> } }).datasets.sorties;
    const order = ['requested', 'approved', 'arrived', 'spot', 'landed', 'loading', 'departed', 'returned'];
    const segments = rows.reduce((n, r) => n + order.slice(1).filter((k, i) => Date.parse(r[k]!) > Date.parse(r[order[i]!]!)).length, 0);
    const bars = await report.page.$$eval('[data-chart="gantt"] g.mark-rect.role-mark', (gs) => gs.reduce((n, g) => n + g.children.length, 0));
    assert.is(bars, segments);
    await report.page.screenshot({ path: '/tmp/retrograde-report-fixture.png', fullPage: true });
  }
});

browser('hovering a Gantt bar shows a tooltip naming the aircraft', async ({ fixture }) => {
  const summary = sampleSummary();
  const report = need(fixture);
  {
    const bar = await report.page.$('[data-chart="gantt"] g.mark-rect.role-mark path');
    assert.ok(bar, 'no Gantt bar');
    await bar!.scrollIntoViewIfNeeded();
    const box = await bar!.boundingBox();
    assert.ok(box);
    // Several steps, as a real pointer moves: vega hovers on pointerover/pointermove.
    await report.page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2, { steps: 4 });
    const tip = await report.page.waitForSelector('.report-tooltip:not([hidden])', { timeout: 3000 });
    const text = await tip.textContent();
    assert.match(text ?? '', /Aircraft/);
    assert.ok(summary.sample.sorties.some((s) => (text ?? '').includes(s.aircraft)), `tooltip names no aircraft: ${text}`);
    await report.page.screenshot({ path: '/tmp/retrograde-report-tooltip.png' });
    // Zooming the timeline (scroll wheel) redraws without error.
    await report.page.mouse.wheel(0, -400);
    await report.page.waitForTimeout(200);
    assert.equal(report.errors, []);
    await report.page.mouse.move(0, 0);
  }
});

browser('a scenario named </script><script>alert(1)</script> shows that text and runs nothing', async ({ hostile }) => {
  const report = need(hostile);
  assert.equal(report.dialogs, []);
  assert.equal(report.errors, []);
  assert.equal(report.requests, [report.url], 'an injected tag made a request');
  assert.is(await report.page.getAttribute('body', 'data-charts'), 'done');
  assert.is(await report.page.textContent('.kicker'), `Scenario: ${EVIL}`);
  assert.ok(await report.page.isVisible(`text=${EVIL}`), 'the scenario name is not visible as text');
  assert.match((await report.page.textContent('.diagnosis')) ?? '', /<img src=x onerror=alert\(2\)> clearances/);
  assert.is(await report.page.$$eval('main img, main b, main svg[onload]', (els) => els.length), 0);
  assert.is(await report.page.title(), `Retrograde – ${EVIL}`);
  await report.page.screenshot({ path: '/tmp/retrograde-report-injection.png' });
});

browser('charts read the same whatever the viewer\'s time zone', async ({ hostile, utcTexts }) => {
  const utc = need(utcTexts);
  assert.ok(utc.includes('Deadline 15 Sep'));
  const far = need(hostile);
  assert.is(await far.page.evaluate(() => new Date(Date.UTC(2024, 8, 15)).getTimezoneOffset()), -14 * 60, 'the page is not in UTC+14');
  assert.equal(await chartTexts(far), utc);
});

browser.run();
