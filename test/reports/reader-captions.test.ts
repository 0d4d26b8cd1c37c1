/**
 * Captions and labels that must stay true in the edge cases a reader meets: runs that never
 * finish (quantiles past the horizon), a sweep whose points all reach the same chance, and a
 * sensitivity input that changes nothing.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Summary } from '../../sim/batch/types.ts';
import { runReportSpecs } from '../../reports/index.ts';
import { sensitivityReportSpecs, sweepReportHtml } from '../../reports/sweep.ts';
import { sampleSummary } from './fixture.ts';
import { tables } from './sweep-tables.ts';

const RUNTIME = '/* no runtime: only the page text is read */';

function subtitle(spec: unknown): string {
  return ([] as string[]).concat((spec as { title: { subtitle: string | string[] } }).title.subtitle).join(' ');
}

/** 162 of 300 runs never finish: P10 reached; the median and P90 of completion, and AB201's closure, are not. */
function mostlyUnfinished(): Summary {
  const s = sampleSummary();
  s.runs = 300;
  s.unfinished.runs = 162;
  s.completion.p50 = null;
  s.completion.p90 = null;
  s.bases.AB201!.closed = { p10: s.bases.AB201!.closed.p10, p50: null, p90: null };
  s.bases.AB101!.closed.p90 = null;
  return s;
}

test('the completion curve names only the percentile dots it draws, and how many runs finished', () => {
  assert.match(subtitle(runReportSpecs(sampleSummary()).ecdf), /Dots: 10th, 50th and 90th percentile dates\./);
  const text = subtitle(runReportSpecs(mostlyUnfinished()).ecdf);
  assert.not.match(text, /Dots: 10th, 50th and 90th/);
  assert.match(text, /Dot: 10th percentile date; the 50th and 90th are not reached: only 46\.0% of runs finished by the horizon\./);
});

test('the fan chart says which bases have no median closure line', () => {
  assert.match(subtitle(runReportSpecs(sampleSummary()).fan), /Grey lines: median closure date of each base\.$/);
  assert.match(subtitle(runReportSpecs(mostlyUnfinished()).fan), /AB201 has none: still open at the horizon in at least half the runs\./);
});

test('the closures chart says why a base has no bar or no dot', () => {
  assert.not.match(subtitle(runReportSpecs(sampleSummary()).closures), /No bar/);
  const text = subtitle(runReportSpecs(mostlyUnfinished()).closures);
  assert.match(text, /No bar or dot for AB201: still open at the horizon in at least half the runs\./);
  assert.match(text, /No bar for AB101: still open at the horizon in more than 10% of runs/);
});

test('a sweep whose points all reach the same chance names no "best point"', async () => {
  const { one } = await tables();
  for (const r of one.rows) {
    r.p_by_deadline = 1;
    r.p_by_deadline_ci95 = [0.912, 1];
  }
  const html = sweepReportHtml(one, undefined, { vegaRuntime: RUNTIME });
  assert.not.match(html, /Best point/);
  assert.match(html, /Highest chance<\/dt><dd>100\.0% at every point/);
});

test('a sweep names its best point only when one point alone has the highest chance', async () => {
  const { one } = await tables();
  // Three and four aircraft both reach 100%: a tie, not a best point.
  const tie = sweepReportHtml(one, undefined, { vegaRuntime: RUNTIME });
  assert.not.match(tie, /Best point/);
  assert.match(tie, /Highest chance<\/dt><dd>2 points tie at 100\.0%<span class="note">the first: fleet\.C-17\.count = 3/);
  one.rows[2]!.p_by_deadline = 0.99;
  assert.match(sweepReportHtml(one, undefined, { vegaRuntime: RUNTIME }), /Best point<\/dt><dd>fleet\.C-17\.count = 4/);
});

test('a sensitivity input that changes nothing is named under the tornado charts, not left as an empty row', async () => {
  const { sens } = await tables();
  // bases.AB201.ramp_spots moves neither the chance nor the median in this run.
  const still = sens.rows.find((r) => r.path === 'bases.AB201.ramp_spots')!;
  assert.is(still.low_row.p_by_deadline, sens.baseline.p_by_deadline);
  const noBar = /No bar for bases\.AB201\.ramp_spots: neither its low nor its high value changed the (chance|median date) from the baseline\./;
  const specs = sensitivityReportSpecs(sens);
  assert.match(subtitle(specs['tornado-p']), noBar);
  assert.match(subtitle(specs['tornado-days']), noBar);
  still.high_row.p_by_deadline = 0.9;
  still.high_row.completion = { ...still.high_row.completion, p50: '2024-09-01T00:00:00Z' };
  const moved = sensitivityReportSpecs(sens);
  assert.not.match(subtitle(moved['tornado-p']), /No bar/);
  assert.not.match(subtitle(moved['tornado-days']), /No bar/);
});

test('many inputs that change nothing are all named under the tornado, over several short lines, none clipped', async () => {
  const { sens } = await tables();
  const still = sens.rows.find((r) => r.path === 'bases.AB201.ramp_spots')!;
  const paths = ['clearance.daily_cap', 'bases.AB101.loading_teams', 'bases.AB201.loading_teams', 'commercial.AB101.seats_per_day', 'russian.AB101.arrivals_per_day', 'bases.AB101.readiness.prep_rate'];
  sens.rows.push(...paths.map((path) => ({ ...still, path })));
  const spec = sensitivityReportSpecs(sens)['tornado-p'] as { title?: { subtitle?: string[] } };
  const lines = spec.title?.subtitle ?? [];
  const noBar = lines.slice(lines.findIndex((l) => l.startsWith('No bar for')));
  assert.ok(noBar.length > 1, noBar.join(' / '));
  for (const p of ['bases.AB201.ramp_spots', ...paths]) assert.ok(noBar.join(' ').includes(p), `${p} missing: ${noBar.join(' / ')}`);
  assert.ok(noBar.every((l) => l.length <= 110 && !l.includes('…')), noBar.join(' / '));
});

test.run();
