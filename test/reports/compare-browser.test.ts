/**
 * The comparison report in a real browser (Debian's chromium via playwright-core): every chart
 * draws with no console error and no request but the file itself; the chance and change charts
 * draw one dot per scenario at its value (read against the chart's own axis labels); long
 * scenario names fit, whole and over nothing, at 1280 and 800 px. Screenshots go to /tmp.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { compareReportHtml } from '../../reports/compare.ts';
import type { CompareTable } from '../../sim/sweep/index.ts';
import { launchChromium, markCounts, openReport, type OpenedReport } from '../support/browser.ts';
import { textProblems } from '../support/chart-fit.ts';
import { LONG_NAME, compareTables } from './compare-tables.ts';

const WIDTHS = [1280, 800] as const;
const CHARTS = ['chance', 'change', 'constraints', 'dates'];

interface Opened {
  width: number;
  report: OpenedReport;
}

const browser = suite<{ chromium?: Browser; pages?: Opened[]; table?: CompareTable }>('comparison report in chromium', {});

/** The comparison with long scenario names, one of them twice (a copy), and the deadlines moved apart. */
function longNames(t: CompareTable): CompareTable {
  const long = structuredClone(t);
  long.rows[0]!.name = `${LONG_NAME} (the plan as briefed)`;
  long.rows[1]!.name = LONG_NAME;
  long.rows[2]!.name = LONG_NAME;
  return long;
}

browser.before(async (ctx) => {
  const [made, launched] = await Promise.allSettled([compareTables(), launchChromium()]);
  if (launched.status === 'fulfilled') ctx.chromium = launched.value;
  if (made.status === 'rejected') throw made.reason;
  if (launched.status === 'rejected') throw launched.reason;
  ctx.table = longNames(made.value.worse);
  const html = compareReportHtml(ctx.table);
  ctx.pages = await Promise.all(WIDTHS.map(async (width) => ({ width, report: await openReport(launched.value, html, { width }) })));
});

browser.after(async (ctx) => {
  for (const p of ctx.pages ?? []) await p.report.close();
  await ctx.chromium?.close();
});

function need<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('chromium did not start or the report did not open (see the before hook\'s error)');
  return x;
}

/** The centres (x, y) of the dots of `chart`, in page pixels, top to bottom. */
async function dots(page: Page, chart: string): Promise<Array<{ x: number; y: number; label: string }>> {
  const found = await page.$$eval(`[data-chart="${chart}"] g.mark-symbol.role-mark path`, (els) =>
    els.map((e) => {
      const b = e.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2, label: e.getAttribute('aria-label') ?? '' };
    }),
  );
  return found.sort((a, b) => a.y - b.y);
}

/** The x axis of `chart` as a function from a value to page pixels, from two of its inner tick labels read by `value`. */
async function axisScale(page: Page, chart: string, value: (label: string) => number | null): Promise<(v: number) => number> {
  const ticks = await page.$$eval(`[data-chart="${chart}"] g.role-axis-label text`, (els) => els.map((e) => {
    const b = e.getBoundingClientRect();
    return { text: e.textContent ?? '', x: b.left + b.width / 2 };
  }));
  const read = ticks.map((t) => ({ ...t, v: value(t.text) })).filter((t): t is { text: string; x: number; v: number } => t.v !== null);
  // The end labels sit flush inside the plot (labelFlush), off their ticks: read two inner ones.
  const [a, b] = [read[1], read[read.length - 2]];
  if (a === undefined || b === undefined || a.v === b.v) throw new Error(`${chart}: fewer than two readable tick labels: ${JSON.stringify(ticks)}`);
  return (v) => a.x + ((v - a.v) / (b.v - a.v)) * (b.x - a.x);
}

browser('every chart draws, with no console error and no request but the file itself', async ({ pages }) => {
  for (const { width, report } of need(pages)) {
    assert.is(await report.page.getAttribute('body', 'data-charts'), 'done', `at ${width}`);
    assert.equal(report.errors, [], `at ${width}`);
    assert.equal(report.requests, [report.url], `at ${width}`);
    const counts = await markCounts(report.page);
    assert.equal(Object.keys(counts).sort(), CHARTS);
    for (const [chart, n] of Object.entries(counts)) assert.ok(n > 0, `chart ${chart} drew no mark`);
    await report.page.screenshot({ path: `/tmp/retrograde-compare-report-${width}.png`, fullPage: true });
  }
});

browser('the chance chart has one dot per scenario at its chance, and the change chart one per variant at its change', async ({ pages, table }) => {
  const t = need(table);
  const page = need(pages)[0]!.report.page;
  const percentTick = (s: string): number | null => (/^\d+%$/.test(s) ? Number(s.slice(0, -1)) / 100 : null);
  const chance = await dots(page, 'chance');
  assert.is(chance.length, t.rows.length);
  const x = await axisScale(page, 'chance', percentTick);
  chance.forEach((d, i) => {
    const r = t.rows[i]!;
    assert.ok(Math.abs(d.x - x(r.p_by_deadline)) < 1.5, `row ${i}: dot at ${d.x.toFixed(1)} px, ${(r.p_by_deadline * 100).toFixed(1)}% is at ${x(r.p_by_deadline).toFixed(1)} px`);
    assert.match(d.label, `Chance by the deadline: ${(r.p_by_deadline * 100).toFixed(1)}%`);
  });
  const change = await dots(page, 'change');
  assert.is(change.length, t.rows.length - 1);
  const dx = await axisScale(page, 'change', (s) => (/^([+−]?\d+|0)$/.test(s) ? Number(s.replace('−', '-')) : null));
  change.forEach((d, k) => {
    const r = t.rows[k + 1]!;
    assert.ok(Math.abs(d.x - dx(r.delta_p * 100)) < 1.5, `variant ${k + 1}: dot at ${d.x.toFixed(1)} px, change ${r.delta_p} at ${dx(r.delta_p * 100).toFixed(1)} px`);
  });
});

browser('at 1280 and 800 px, long scenario names and every other chart text fit whole and over no other', async ({ pages }) => {
  const found: string[] = [];
  for (const { width, report } of need(pages)) {
    const { charts, texts, problems } = await textProblems(report.page);
    assert.is(charts, CHARTS.length);
    assert.ok(texts > 10 * charts, `${texts} texts`);
    found.push(...problems.map((p) => `at ${width} px, ${p.chart}: "${p.text}" ${p.why}`));
    const wide = await report.page.$$eval('[data-chart]', (els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.getAttribute('data-chart')));
    assert.equal(wide, [], `at ${width}: charts wider than their container`);
    // The long name is shown whole in the charts, over two lines.
    const all = (await report.page.$$eval('[data-chart="chance"] text', (els) => els.map((e) => e.textContent ?? ''))).join(' ');
    assert.ok(all.includes('Niger 2024: three-week clearance freeze at both airfields, a thin'), all);
    for (const figure of await report.page.$$('figure.chart')) {
      const chart = await figure.$eval('[data-chart]', (d) => d.getAttribute('data-chart'));
      await figure.screenshot({ path: `/tmp/retrograde-fit-compare-${width}-${chart}.png` });
    }
  }
  assert.equal(found, [], found.join('\n'));
});

browser.run();
