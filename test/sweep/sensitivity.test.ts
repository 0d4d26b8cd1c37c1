import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { sensitivity, sensitivityCsv, SweepInputError } from '../../sim/sweep/index.ts';
import { parseScenario } from '../../sim/scenario/index.ts';
import { defaultInputs } from '../../sim/sweep/sensitivity.ts';

const file = 'scenarios/niger-2024.yaml';
const base = { text: readFileSync(file, 'utf8'), file };

test('inputs are ranked by their swing in P(by deadline), the declared ranges used', async () => {
  const t = await sensitivity(base, {
    runs: 150,
    seed: 'sens',
    workers: 0,
    sets: ['sensitivity={ fleet.C-17.count: { low: 1, high: 4 }, bases.AB101.ramp_spots: { low: 3, high: 5 } }'],
  });
  assert.equal(t.rows.map((r) => r.path), ['fleet.C-17.count', 'bases.AB101.ramp_spots']);
  assert.ok(Math.abs(t.rows[0]?.delta_p as number) > Math.abs(t.rows[1]?.delta_p as number));
  assert.ok((t.rows[0]?.delta_p as number) > 0.3, 'four aircraft instead of one must raise P a lot');
  assert.ok((t.rows[0]?.delta_p50_days ?? 0) < 0, 'and bring the median completion forward');
  for (const r of t.rows) assert.is(r.source, 'declared');
  // The swing is measured on common random numbers against the same baseline.
  assert.ok(t.baseline.p_by_deadline >= (t.rows[0]?.low_row.p_by_deadline as number));
  assert.ok(t.baseline.p_by_deadline <= (t.rows[0]?.high_row.p_by_deadline as number));
});

test('without declared ranges, sensible defaults move each numeric input one step either side', () => {
  const r = parseScenario(base.text, file, ['sensitivity={}']);
  assert.ok(r.ok);
  if (!r.ok) return;
  const inputs = defaultInputs(r.scenario);
  const count = inputs.find((i) => i.path === 'fleet.C-17.count');
  assert.equal(count && [count.low, count.high], [r.scenario.fleet['C-17']!.count - 1 || 1, r.scenario.fleet['C-17']!.count + 1]);
  assert.ok(inputs.some((i) => i.path === 'clearance.denial_probability'));
  assert.ok(inputs.every((i) => i.source === 'default' && i.low !== i.high));
});

test('a low or high value that does not validate is reported with its path before anything runs', async () => {
  try {
    await sensitivity(base, { runs: 10, workers: 0, sets: ['sensitivity={ fleet.C-17.count: { low: -1, high: 4 } }'] });
    assert.unreachable('should have thrown');
  } catch (err) {
    assert.instance(err, SweepInputError);
    assert.match((err as Error).message, /sensitivity\.fleet\.C-17\.count\.low: expected an integer >= 1, got -1/);
  }
});

test('the sensitivity CSV has a header and one row per input', async () => {
  const t = await sensitivity(base, { runs: 40, seed: 'csv', workers: 0, sets: ['sensitivity={ fleet.C-17.count: { low: 1, high: 3 } }'] });
  const lines = sensitivityCsv(t).trim().split('\n');
  assert.is(lines[0], 'input,source,low,high,p_low,p_high,delta_p,completion_p50_low,completion_p50_high,delta_p50_days');
  assert.is(lines.length, 2);
  assert.match(lines[1] as string, /^fleet\.C-17\.count,declared,1,3,/);
});

test.run();
