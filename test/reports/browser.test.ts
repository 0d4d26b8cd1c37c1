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

// One browser and one opened fixture report for the suite: opening a report costs seconds.
const browser = suite<{ chromium?: Browser; fixture?: OpenedReport; html?: string }>('run report in chromium', {});

browser.before(async (ctx) => {
  ctx.chromium = await launchChromium();
  ctx.html = runReportHtml(sampleSummary());
  ctx.fixture = await openReport(ctx.chromium, ctx.html);
});

browser.after(async (ctx) => {
  await ctx.fixture?.close();
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
    // Every sortie segment of the sample run is a bar in the Gantt.
    const spec = JSON.stringify(runReportSpecs(summary).gantt);
    const segments = (spec.match(/"when":/g) ?? []).length;
    const bars = await report.page.$$eval('[data-chart="gantt"] g.mark-rect.role-mark', (gs) => gs[0]?.children.length ?? 0);
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
    await report.page.mouse.move(0, 0);
  }
});

browser('a scenario named </script><script>alert(1)</script> shows that text and runs nothing', async ({ chromium }) => {
  const summary = sampleSummary();
  const evil = '</script><script>alert(1)</script>';
  summary.scenario = evil;
  summary.diagnosis = '<img src=x onerror=alert(2)> clearances';
  summary.inputs.push(['<b>bold</b>', '"><svg onload=alert(3)>']);
  const report = await openReport(need(chromium), runReportHtml(summary));
  try {
    assert.equal(report.dialogs, []);
    assert.equal(report.errors, []);
    assert.equal(report.requests, [report.url], 'an injected tag made a request');
    assert.is(await report.page.getAttribute('body', 'data-charts'), 'done');
    assert.is(await report.page.textContent('.kicker'), `Scenario: ${evil}`);
    assert.ok(await report.page.isVisible(`text=${evil}`), 'the scenario name is not visible as text');
    assert.match((await report.page.textContent('.diagnosis')) ?? '', /<img src=x onerror=alert\(2\)> clearances/);
    assert.is(await report.page.$$eval('main img, main b, main svg[onload]', (els) => els.length), 0);
    assert.is(await report.page.title(), `Retrograde – ${evil}`);
    await report.page.screenshot({ path: '/tmp/retrograde-report-injection.png' });
  } finally {
    await report.close();
  }
});

browser('charts read the same whatever the viewer\'s time zone', async ({ chromium, fixture, html }) => {
  const texts = (r: OpenedReport): Promise<string[]> => r.page.$$eval('[data-chart] svg text', (els) => els.map((e) => e.textContent ?? ''));
  const utc = await texts(need(fixture));
  assert.ok(utc.includes('Deadline 15 Sep'));
  const far = await openReport(need(chromium), need(html), { timezoneId: 'Pacific/Kiritimati' });
  try {
    assert.is(await far.page.evaluate(() => new Date(Date.UTC(2024, 8, 15)).getTimezoneOffset()), -14 * 60, 'the page is not in UTC+14');
    assert.equal(await texts(far), utc);
  } finally {
    await far.close();
  }
});

browser.run();
