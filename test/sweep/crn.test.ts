/**
 * Common random numbers: the reason sweeps compare points on the same replications.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../sim/scenario/index.ts';
import { createModel } from '../../sim/model/index.ts';
import { sweep, findTarget } from '../../sim/sweep/index.ts';

const file = 'scenarios/niger-2024-thin-fleet.yaml';
const base = { text: readFileSync(file, 'utf8'), file };

function completions(sets: string[], seed: string, n: number): number[] {
  const r = parseScenario(base.text, file, sets);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const model = createModel(r.scenario);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(model.run(seed, i).completedH ?? r.scenario.horizonH);
  return out;
}

function variance(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
}

/**
 * Var(difference) between settings a and b with independent seeds over Var(difference) with the
 * same seed, completion times over n replications, and the one-sided 1% critical value of that
 * F ratio (ln F is close to normal with variance 2/(n-1) + 2/(n-1)).
 */
function crnRatio(a: string[], b: string[], n: number): { ratio: number; fCrit: number } {
  const x = completions(a, 'crn', n);
  const same = completions(b, 'crn', n);
  const other = completions(b, 'independent', n);
  const vCrn = variance(x.map((v, i) => v - (same[i] as number)));
  const vInd = variance(x.map((v, i) => v - (other[i] as number)));
  return { ratio: vInd / vCrn, fCrit: Math.exp(2.326 * Math.sqrt(4 / (n - 1))) };
}

test('the variance of the difference between neighbouring fleet sizes is smaller with common random numbers', () => {
  // The hard case for common random numbers: a C-17 more changes which aircraft flies which
  // sortie. The true ratio is about 1.4 (3,000 replications), so 200 replications could not
  // tell it from 1 reliably; 1,000 can (critical ratio 1.16).
  const { ratio, fCrit } = crnRatio(['fleet.C-17.count=2'], ['fleet.C-17.count=3'], 1000);
  assert.ok(ratio > fCrit, `Var(indep) / Var(CRN) = ${ratio.toFixed(2)}, needs > ${fCrit.toFixed(2)}`);
});

test('the variance of the difference between neighbouring clearance delays is smaller with common random numbers', () => {
  // A mixed fleet, where slower clearances reorder the sorties of the two types.
  const slower = 'clearance.approval_delay={lognormal: {median: 36h, p90: 108h}}';
  const { ratio, fCrit } = crnRatio([], [slower], 300);
  assert.ok(ratio > fCrit, `Var(indep) / Var(CRN) = ${ratio.toFixed(2)}, needs > ${fCrit.toFixed(2)}`);
});

test('P(by deadline) never falls as the fleet grows (a case where more aircraft cannot hurt)', async () => {
  const t = await sweep(base, { 'fleet.C-17.count': [1, 2, 3, 4] }, { runs: 300, seed: 'monotone', workers: 0 });
  const ps = t.rows.map((r) => r.p_by_deadline);
  for (let k = 1; k < ps.length; k++) assert.ok((ps[k] as number) >= (ps[k - 1] as number), `P fell from ${ps[k - 1]} to ${ps[k]} at count ${k + 1}`);
  // The sweep must actually move P, or the check above would be vacuous.
  assert.ok((ps[ps.length - 1] as number) - (ps[0] as number) > 0.2, `P moved only from ${ps[0]} to ${ps[ps.length - 1]}`);
});

test('a sweep gives the same bytes with 1 and 2 worker threads', async () => {
  const vary = { 'fleet.C-17.count': [1, 2] };
  const one = await sweep(base, vary, { runs: 120, seed: 'threads', workers: 1 });
  const two = await sweep(base, vary, { runs: 120, seed: 'threads', workers: 2 });
  assert.is(JSON.stringify(two), JSON.stringify(one));
});

test('the target is the smallest value whose whole interval reaches it', async () => {
  const t = await sweep(base, { 'fleet.C-17.count': [1, 2, 3] }, { runs: 300, seed: 'target', workers: 0 });
  const answer = findTarget(t, 0.95);
  assert.ok(answer.confident !== null, 'some fleet size should reach 95%');
  const value = answer.confident?.value as number;
  const rows = t.rows.filter((r) => (r.values['fleet.C-17.count'] as number) < value);
  for (const r of rows) assert.ok(r.p_by_deadline_ci95[0] < 0.95, `a smaller fleet (${r.values['fleet.C-17.count']}) already qualifies`);
  assert.ok((answer.confident?.row.p_by_deadline_ci95[0] as number) >= 0.95);
  const two = { ...t, parameters: ['a', 'b'], rows: t.rows.map((r) => ({ ...r, values: { a: 1, b: r.values['fleet.C-17.count'] as number } })) };
  assert.throws(() => findTarget(two, 0.95), /^findTarget needs a sweep of exactly one parameter, got 2 \(a, b\); take a slice first: sliceSweep\(table, \{ 'b': 1 \}\)$/);
});

test.run();
