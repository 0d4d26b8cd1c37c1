/**
 * The paired interval of a difference between two chances: coverage checked by simulation,
 * and the pairing's use on real common-random-number data.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { pairedCounts, pairedDifferenceCi, type PairedCounts } from '../../sim/sweep/paired.ts';
import { runPointsWithOutcomes } from '../../sim/sweep/sweep.ts';
import { emptyOnTimeBits, setOnTime } from '../../sim/batch/on-time.ts';
import { wilson } from '../../sim/batch/stats.ts';
import { createStream } from '../../sim/random/index.ts';

/** Chances of the four kinds of pair (both finish, high only, low only, the rest) and the pairs per sample. */
interface Truth {
  name: string;
  both: number;
  highOnly: number;
  lowOnly: number;
  n: number;
}

/** One synthetic sample of n independent pairs drawn from `t`. */
function sample(t: Truth, u: () => number): PairedCounts {
  const c: PairedCounts = { both: 0, highOnly: 0, lowOnly: 0, neither: 0 };
  for (let i = 0; i < t.n; i++) {
    const x = u();
    if (x < t.both) c.both++;
    else if (x < t.both + t.highOnly) c.highOnly++;
    else if (x < t.both + t.highOnly + t.lowOnly) c.lowOnly++;
    else c.neither++;
  }
  return c;
}

test('the 95% interval covers the true difference in 95% of independent samples, within a 99% binomial band', () => {
  // Shapes the sensitivity tables produce: no effect with some discordant pairs, a small effect
  // on strongly paired replications, a large one, chances near 1 with rare discordance.
  const truths: Truth[] = [
    { name: 'no effect', both: 0.85, highOnly: 0.02, lowOnly: 0.02, n: 300 },
    { name: 'small effect, paired', both: 0.85, highOnly: 0.03, lowOnly: 0.01, n: 300 },
    { name: 'large effect', both: 0.6, highOnly: 0.3, lowOnly: 0, n: 300 },
    { name: 'near certainty', both: 0.98, highOnly: 0.01, lowOnly: 0.005, n: 1000 },
    { name: 'rare discordance', both: 0.9, highOnly: 0.004, lowOnly: 0.002, n: 1000 },
  ];
  const M = 2000;
  // Acceptance band for a count of covering samples out of M when the coverage is exactly 95%.
  const half = 2.576 * Math.sqrt((0.95 * 0.05) / M);
  for (const t of truths) {
    const stream = createStream('paired-coverage', 0, t.name);
    const u = () => stream.next();
    const truth = t.highOnly - t.lowOnly;
    let covered = 0;
    for (let m = 0; m < M; m++) {
      const [lo, hi] = pairedDifferenceCi(sample(t, u));
      if (lo <= truth && truth <= hi) covered++;
    }
    const coverage = covered / M;
    assert.ok(Math.abs(coverage - 0.95) <= half, `${t.name}: coverage ${coverage} outside 0.95 ± ${half.toFixed(4)}`);
  }
});

test('the interval holds its estimate, is mirrored when low and high swap, and stays in [-1, 1]', () => {
  const cases: PairedCounts[] = [
    { both: 59, highOnly: 6, lowOnly: 16, neither: 80 },
    { both: 100, highOnly: 0, lowOnly: 0, neither: 0 },
    { both: 0, highOnly: 100, lowOnly: 0, neither: 0 },
    { both: 280, highOnly: 3, lowOnly: 1, neither: 16 },
  ];
  for (const c of cases) {
    const n = c.both + c.highOnly + c.lowOnly + c.neither;
    const [lo, hi] = pairedDifferenceCi(c);
    const d = (c.highOnly - c.lowOnly) / n;
    assert.ok(lo <= d && d <= hi && lo >= -1 && hi <= 1, JSON.stringify([c, lo, hi]));
    const [mlo, mhi] = pairedDifferenceCi({ ...c, highOnly: c.lowOnly, lowOnly: c.highOnly });
    assert.ok(Math.abs(mlo + hi) < 1e-12 && Math.abs(mhi + lo) < 1e-12, JSON.stringify(c));
  }
  // All high: the interval is pinned at 1 on top, and below it only as far as 100 pairs allow.
  const [lo, hi] = pairedDifferenceCi({ both: 0, highOnly: 100, lowOnly: 0, neither: 0 });
  assert.is(hi, 1);
  assert.ok(lo > 0.9 && lo < 1, String(lo));
  assert.throws(() => pairedDifferenceCi({ both: 0, highOnly: 0, lowOnly: 0, neither: 0 }), /there is no pair to compare/);
  assert.throws(() => pairedDifferenceCi({ both: 1.5, highOnly: 0, lowOnly: 0, neither: 0 }), /both must be an integer >= 0, got 1.5/);
});

test('pairs are counted from the outcome bitsets, replication by replication', () => {
  const low = emptyOnTimeBits(11);
  const high = emptyOnTimeBits(11);
  for (const i of [0, 1, 2, 9]) setOnTime(low, i);
  for (const i of [0, 1, 5, 8, 10]) setOnTime(high, i);
  assert.equal(pairedCounts(low, high, 11), { both: 2, highOnly: 3, lowOnly: 2, neither: 4 });
  assert.throws(() => pairedCounts(low, high, 17), /the low bitset holds 16 replications, fewer than n = 17/);
});

test('on common random numbers the paired interval is narrower than one that treats the two points as independent', async () => {
  const file = 'scenarios/niger-2024-thin-fleet.yaml';
  const runs = 300;
  const mc = 'fleet.C-17.availability.mission_capable';
  const { table, onTimeBits } = await runPointsWithOutcomes({ text: readFileSync(file, 'utf8'), file }, [{ [mc]: 0.8 }, { [mc]: 0.9 }], { runs, seed: 'paired', workers: 0 });
  const counts = pairedCounts(onTimeBits[0]!, onTimeBits[1]!, runs);
  // The bitsets agree with the summaries they came with.
  assert.is(counts.both + counts.lowOnly, Math.round(table.rows[0]!.p_by_deadline * runs));
  assert.is(counts.both + counts.highOnly, Math.round(table.rows[1]!.p_by_deadline * runs));
  const [lo, hi] = pairedDifferenceCi(counts);
  // The unpaired alternative: Newcombe's square-and-add of the two Wilson intervals (independent samples).
  const pLow = table.rows[0]!.p_by_deadline;
  const pHigh = table.rows[1]!.p_by_deadline;
  const [l1, u1] = wilson(Math.round(pHigh * runs), runs);
  const [l2, u2] = wilson(Math.round(pLow * runs), runs);
  const unpaired = Math.hypot(pHigh - l1, u2 - pLow) + Math.hypot(u1 - pHigh, pLow - l2);
  assert.ok(counts.highOnly > 0, 'the input must move some replications, or the comparison says nothing');
  // Why it is narrower: replications that finish at one point mostly finish at the other, so
  // there are fewer discordant pairs than two independent samples would give.
  const independent = runs * (pLow * (1 - pHigh) + pHigh * (1 - pLow));
  assert.ok(counts.highOnly + counts.lowOnly < independent, `${counts.highOnly + counts.lowOnly} discordant pairs, independent samples would give ${independent.toFixed(0)}`);
  assert.ok(hi - lo < unpaired, `paired width ${(hi - lo).toFixed(4)} vs unpaired ${unpaired.toFixed(4)}`);
});

test.run();
