import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Summary } from '../../sim/batch/types.ts';
import type { PageStat } from '../../reports/page.ts';
import { runFacts } from '../../reports/facts.ts';
import { runHeadline, verdictFor } from '../../reports/run-headline.ts';
import { sampleSummary } from './fixture.ts';

function stat(summary: Summary, label: RegExp): PageStat {
  const found = runHeadline(summary, runFacts(summary)).stats.find((s) => label.test(s.label));
  if (found === undefined) throw new Error(`no stat ${label}`);
  return found;
}

/** The sample as a batch where 162 of 300 runs never finish: P10 reached, median and P90 not. */
function mostlyUnfinished(): Summary {
  const s = sampleSummary();
  s.runs = 300;
  s.unfinished.runs = 162;
  s.completion.p10 = '2024-11-11T08:00:00.000Z';
  s.completion.p50 = null;
  s.completion.p90 = null;
  return s;
}

test('the likely range claims 80% of runs finish in it only when both ends were reached', () => {
  const range = stat(sampleSummary(), /Likely range/);
  assert.is(range.value, '18 Aug – 17 Sep 2024');
  assert.is(range.note, '80% of runs finish in this range');
});

test('a range whose P90 is past the horizon says how many runs finished and that the range ends beyond it', () => {
  const range = stat(mostlyUnfinished(), /Likely range/);
  assert.is(range.value, '11 Nov 2024 – after the horizon');
  assert.not.match(range.note ?? '', /80%/);
  assert.match(range.note ?? '', /138 of 300 runs \(46\.0%\) finished by the horizon/);
  assert.match(range.note ?? '', /ends beyond it/);
});

test('a range with neither end reached says the whole range lies beyond the horizon', () => {
  const s = mostlyUnfinished();
  s.unfinished.runs = 290;
  s.completion.p10 = null;
  const range = stat(s, /Likely range/);
  assert.is(range.value, 'after the horizon');
  assert.match(range.note ?? '', /10 of 300 runs \(3\.3%\) finished by the horizon; the whole range lies beyond it/);
});

test('the headline writes counts with thousands separators everywhere', () => {
  const s = sampleSummary();
  s.runs = 12_000;
  s.unfinished.runs = 1_500;
  s.mean_sorties = 1_234.4;
  const h = runHeadline(s, runFacts(s));
  assert.match(h.detail ?? '', /from 12,000 simulated runs/);
  assert.is(stat(s, /Sorties/).value, '1,234');
  assert.is(stat(s, /Never finished/).value, '1,500 of 12,000 runs');
});

test('the headline names the overrides a run was made with, so a variant is not read as the baseline', () => {
  const s = sampleSummary();
  assert.is(runHeadline(s, runFacts(s)).kicker, `Scenario: ${s.scenario}`);
  const variant = { ...s, overrides: ['fleet.C-17.count=3', 'clearance.approval_delay={ lognormal: { median: 48h, p90: 144h } }'] };
  assert.is(
    runHeadline(variant, runFacts(variant)).kicker,
    `Scenario: ${s.scenario} · overrides: fleet.C-17.count=3 'clearance.approval_delay={ lognormal: { median: 48h, p90: 144h } }'`,
    'shell-quoted, as the terminal prints them',
  );
});

test('the verdict uses the ICD 203 words at their bounds, green only from 90% and red below an even chance', () => {
  const cases: Array<[number, string, string]> = [
    [1, 'Almost certain', 'good'], [0.95, 'Almost certain', 'good'], [0.9499, 'Very likely', 'good'], [0.9, 'Very likely', 'good'],
    [0.8999, 'Very likely', 'warn'], [0.8, 'Very likely', 'warn'], [0.741, 'Likely', 'warn'], [0.55, 'Likely', 'warn'],
    [0.5, 'Roughly even chance', 'warn'], [0.4999, 'Roughly even chance', 'bad'], [0.45, 'Roughly even chance', 'bad'],
    [0.4499, 'Unlikely', 'bad'], [0.2, 'Unlikely', 'bad'], [0.1999, 'Very unlikely', 'bad'], [0.05, 'Very unlikely', 'bad'],
    [0.0499, 'Almost no chance', 'bad'], [0, 'Almost no chance', 'bad'],
  ];
  for (const [p, words, tone] of cases) assert.equal(verdictFor(p), { words, tone }, `p = ${p}`);
});

test('the headline gives the deadline with its time and zone, and says the interval is simulation noise only', () => {
  const h = runHeadline(sampleSummary(), runFacts(sampleSummary()));
  assert.match(h.verdict, /chance to finish by the deadline, 15 Sep 2024, 00:00 UTC$/);
  assert.match(h.detail ?? '', /simulation noise only/);
});

test("the sensitive-equipment stat says 'none to move' only when no base has any", () => {
  const s = sampleSummary();
  for (const b of Object.values(s.bases)) b.sensitive = null;
  assert.is(stat(s, /Sensitive equipment/).value, 'none to move');
  s.bases.AB101!.sensitive = { p10: null, p50: '2024-06-05T00:00:00Z', p90: null, p_by_deadline: 1 };
  assert.match(stat(s, /Sensitive equipment/).value, /^\d+\.\d%$/);
  assert.match(stat(sampleSummary(), /Sensitive equipment/).value, /^\d+\.\d%$/, 'an old saved result (no per-base dates) keeps its figure');
});

test.run();
