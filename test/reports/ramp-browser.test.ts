/**
 * The ramp chart of a real run report in chromium: the walkthrough found its areas a few pixels
 * high (daily means of 0.02-0.2 aircraft on a 0-4 axis). Screenshot in /tmp for people.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser } from 'playwright-core';
import { runReportHtml } from '../../reports/index.ts';
import { launchChromium, openReport, type OpenedReport } from '../support/browser.ts';
import { realSummary } from './real.ts';

const PANEL_PX = 140; // the height of each ramp panel's plot (reports/charts/ramp.ts)

const ramp = suite<{ chromium?: Browser; report?: OpenedReport }>('ramp chart of a real report in chromium', {});

ramp.before(async (ctx) => {
  ctx.chromium = await launchChromium();
  ctx.report = await openReport(ctx.chromium, runReportHtml(await realSummary({ runs: 60 })));
});

ramp.after(async (ctx) => {
  await ctx.report?.close();
  await ctx.chromium?.close();
});

ramp('each base\'s ramp areas fill most of their panel\'s height, with no console error and no request', async ({ report }) => {
  if (report === undefined) throw new Error('chromium did not start or the report did not open (see the before hook\'s error)');
  assert.is(await report.page.getAttribute('body', 'data-charts'), 'done');
  assert.equal(report.errors, []);
  assert.equal(report.requests, [report.url]);
  const chart = await report.page.$('[data-chart="ramp"]');
  assert.ok(chart, 'no ramp chart');
  // The stacked areas (one path per owner) of each base's panel, whose classes name the panel;
  // their union's height is the busiest day's stack, in px.
  const boxes = await chart!.$$eval('g.mark-area.role-mark', (groups) =>
    groups.map((g) => ({ panel: g.getAttribute('class') ?? '', top: g.getBoundingClientRect().top, bottom: g.getBoundingClientRect().bottom })),
  );
  const panels = [...new Set(boxes.map((b) => b.panel))];
  const heights = panels.map((p) => {
    const mine = boxes.filter((b) => b.panel === p);
    return Math.max(...mine.map((b) => b.bottom)) - Math.min(...mine.map((b) => b.top));
  });
  assert.is(heights.length, 2, `expected a panel per base of niger-2024, got ${panels.join(', ')}`);
  for (const h of heights) assert.ok(h >= 0.5 * PANEL_PX, `an area is ${h.toFixed(1)} px high in a ${PANEL_PX} px panel`);
  await chart!.screenshot({ path: '/tmp/retrograde-report-ramp.png' });
});

ramp.run();
