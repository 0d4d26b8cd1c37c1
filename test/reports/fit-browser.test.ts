/**
 * No chart text is cut off or drawn over another, in a real browser (Debian's chromium via
 * playwright-core), at the page's full width (1200 px window) and in a narrow 800 px window (a
 * laptop with a side panel): every text of every chart of the run, sensitivity and sweep reports
 * lies inside its chart's SVG and inside the part of the chart's container a reader sees, none
 * ends with vega's truncation ellipsis, no two overlap, and no two on one line touch. The run report is the large fixture
 * with a long base name and two clearance blocks. Screenshots of each chart go to /tmp/retrograde-fit-* for people.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser } from 'playwright-core';
import { runReportHtml } from '../../reports/index.ts';
import { sensitivityReportHtml, sweepReportHtml } from '../../reports/sweep.ts';
import { launchChromium, openReport, type OpenedReport } from '../support/browser.ts';
import { textProblems } from '../support/chart-fit.ts';
import { largeSummary } from './fixture.ts';
import { tables } from './sweep-tables.ts';

const WIDTHS = [1200, 800] as const;

interface Opened {
  name: string;
  width: number;
  report: OpenedReport;
}

const fit = suite<{ chromium?: Browser; pages?: Opened[] }>('chart texts fit and do not overlap in chromium', {});

fit.before(async (ctx) => {
  // Awaited together before anything is thrown, so a browser that started is always closed.
  const [made, launched] = await Promise.allSettled([tables(), launchChromium()]);
  if (launched.status === 'fulfilled') ctx.chromium = launched.value;
  if (made.status === 'rejected') throw made.reason;
  if (launched.status === 'rejected') throw launched.reason;
  const { one, sens } = made.value;
  const run = largeSummary();
  run.bases.AB201!.name = 'Air Base 201 (Agadez)';
  // Grey bands with labels, two close together (see reports/charts/clearance-blocks.ts).
  run.inputs.push(['Clearance not before', '2024-05-26 UTC'], ['Clearance freeze', '2024-06-01 UTC to 2024-06-22 UTC']);
  const html: Array<[string, string]> = [
    ['run', runReportHtml(run)],
    ['sensitivity', sensitivityReportHtml(sens)],
    ['sweep', sweepReportHtml(one)],
  ];
  const chromium = launched.value;
  ctx.pages = await Promise.all(
    html.flatMap(([name, page]) => WIDTHS.map(async (width) => ({ name, width, report: await openReport(chromium, page, { width }) }))),
  );
});

fit.after(async (ctx) => {
  for (const p of ctx.pages ?? []) await p.report.close();
  await ctx.chromium?.close();
});

fit('at 1200 and 800 px, every chart text of the three reports lies inside its chart, whole, and over no other', async ({ pages }) => {
  if (pages === undefined) throw new Error('chromium did not start or a report did not open (see the before hook\'s error)');
  const found: string[] = [];
  for (const { name, width, report } of pages) {
    assert.is(await report.page.getAttribute('body', 'data-charts'), 'done', `${name} at ${width}`);
    assert.equal(report.errors, [], `${name} at ${width}`);
    assert.equal(report.requests, [report.url], `${name} at ${width}`);
    const { charts, texts, problems } = await textProblems(report.page);
    assert.ok(charts >= 2 && texts > 10 * charts, `${name} at ${width}: ${charts} charts, ${texts} texts`);
    found.push(...problems.map((p) => `${name} at ${width} px, ${p.chart}: "${p.text}" ${p.why}`));
    for (const figure of await report.page.$$('figure.chart')) {
      const chart = await figure.$eval('[data-chart]', (d) => d.getAttribute('data-chart'));
      await figure.screenshot({ path: `/tmp/retrograde-fit-${name}-${width}-${chart}.png` });
    }
  }
  assert.equal(found, [], found.join('\n'));
});

fit('in a narrow window no chart is wider than its container, so none needs a sideways scroll', async ({ pages }) => {
  if (pages === undefined) throw new Error('chromium did not start or a report did not open (see the before hook\'s error)');
  for (const { name, width, report } of pages.filter((p) => p.width === 800)) {
    const wide = await report.page.$$eval('[data-chart]', (els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1 || (el.closest('figure')?.scrollWidth ?? 0) > (el.closest('figure')?.clientWidth ?? 0) + 1).map((el) => el.getAttribute('data-chart')),
    );
    assert.equal(wide, [], `${name} at ${width}`);
  }
});

/**
 * In the page: every word with a hyphen or a dash in a table cell or header that is drawn over
 * more than one line. A string, since this project type-checks without the DOM's types.
 */
const BROKEN_WORDS = `[...document.querySelectorAll('div.table th, div.table td')].flatMap((cell) => {
  const nodes = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) nodes.push(n);
  // An offset in the cell's text as (text node, offset): a word may span several nodes.
  const at = (i) => {
    for (const n of nodes) {
      if (i <= n.length) return [n, i];
      i -= n.length;
    }
    return [nodes[nodes.length - 1], nodes[nodes.length - 1].length];
  };
  return [...(cell.textContent ?? '').matchAll(/[^\\s]*[-\\u2013][^\\s]*/g)].filter((m) => {
    const range = document.createRange();
    range.setStart(...at(m.index));
    range.setEnd(...at(m.index + m[0].length));
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1;
  }).map((m) => m[0]);
})`;

fit('in a narrow window no table breaks a word at its hyphen (paths, dates), and a wide table scrolls in its own box', async ({ pages }) => {
  if (pages === undefined) throw new Error('chromium did not start or a report did not open (see the before hook\'s error)');
  for (const { name, width, report } of pages.filter((p) => p.width === 800)) {
    const broken = (await report.page.evaluate(BROKEN_WORDS)) as string[];
    assert.equal(broken, [], `${name} at ${width}: words broken over lines`);
    const wide = (await report.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    assert.ok(wide <= 0, `${name} at ${width}: the page is ${wide} px wider than the window`);
  }
});

fit.run();
