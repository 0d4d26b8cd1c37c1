/**
 * One number format in every report (run, sweep, sensitivity): percents with one decimal, as the
 * terminal prints them, and counts with thousands separators. Checked on the text a reader sees
 * (headline, intros, captions, tables, footer) and on the texts drawn inside the charts.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runReportHtml, runReportSpecs } from '../../reports/index.ts';
import { sensitivityReportHtml, sensitivityReportSpecs, sweepReportHtml, sweepReportSpecs } from '../../reports/sweep.ts';
import { tables } from './sweep-tables.ts';
import { sampleSummary } from './fixture.ts';
import { walk } from '../support/json-walk.ts';

const RUNTIME = '/* no runtime: only the page text is read */';

/**
 * The page's reader-visible text: no head, scripts or code blocks (commands), and without the
 * seed, the diagnosis (the simulator's own sentence, also the terminal's) and the inputs table
 * (values as the scenario file writes them).
 */
function visibleText(html: string, seed: string, diagnosis = ''): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<pre>[\s\S]*?<\/pre>/g, ' ')
    .replace(/<h3>Inputs<\/h3>[\s\S]*?<\/table>/, ' ')
    .replace(/<p class="diagnosis">[\s\S]*?<\/p>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .split(seed)
    .join(' ')
    .split(diagnosis === '' ? seed : diagnosis)
    .join(' ');
}

/** Strings drawn inside charts (labels, tooltips), from the specs' data. */
function chartTexts(specs: Record<string, unknown>): string {
  const out: string[] = [];
  for (const spec of Object.values(specs)) {
    for (const [, o] of walk(spec)) {
      if (!Array.isArray(o.values)) continue;
      for (const row of o.values as unknown[]) {
        if (row !== null && typeof row === 'object') for (const v of Object.values(row)) if (typeof v === 'string') out.push(v);
      }
    }
  }
  return out.join(' | ');
}

/** Percents written without their one decimal ("99%"), leaving out the confidence level ("95% CI", "95% interval") and "80% of runs" (the P10-P90 definition). */
function wholePercents(text: string): string[] {
  return [...text.matchAll(/(?<![\d.])\d+%(?! CI| confidence| interval|\)? interval| of runs finish)/g)].map((m) => m[0]);
}

/** Numbers of four or more digits without a thousands separator, years left out. */
function bareCounts(text: string): string[] {
  return [...text.matchAll(/(?<![\d,.:-])\d{4,}(?![\d,.:-])/g)].map((m) => m[0]).filter((n) => !/^(19|20)\d\d$/.test(n));
}

test('the run report writes every percent with one decimal and every count with separators', () => {
  const s = sampleSummary();
  s.runs = 1_000;
  const text = visibleText(runReportHtml(s, { vegaRuntime: RUNTIME }), s.seed, s.diagnosis);
  assert.equal(wholePercents(text), []);
  assert.equal(bareCounts(text), []);
  assert.match(text, /from 1,000 simulated runs/);
  assert.equal(wholePercents(chartTexts(runReportSpecs(s))), []);
});

test('the sweep report writes every percent with one decimal, as the terminal does', async () => {
  const { one, target, two } = await tables();
  for (const [table, t] of [[one, target], [two, undefined]] as const) {
    const text = visibleText(sweepReportHtml(table, t, { vegaRuntime: RUNTIME }), table.seed);
    assert.equal(wholePercents(text), []);
    assert.equal(bareCounts(text), []);
    assert.equal(wholePercents(chartTexts(sweepReportSpecs(table, t))), []);
  }
});

test('the sensitivity report gives the baseline chance and interval as the terminal prints them', async () => {
  const { sens } = await tables();
  const text = visibleText(sensitivityReportHtml(sens, { vegaRuntime: RUNTIME }), sens.seed);
  const pct = (p: number): string => `${(p * 100).toFixed(1)}%`;
  const [lo, hi] = sens.baseline.p_by_deadline_ci95;
  assert.ok(text.includes(`Baseline: ${pct(sens.baseline.p_by_deadline)} chance (95% CI ${pct(lo)} – ${pct(hi)})`), 'baseline sentence not in the terminal\'s format');
  assert.equal(wholePercents(text), []);
  assert.equal(bareCounts(text), []);
  assert.equal(wholePercents(chartTexts(sensitivityReportSpecs(sens))), []);
});

test.run();
