import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { wilson, binnedQuantile, histogramQuantile } from '../../sim/batch/stats.ts';

const close = (a: number, b: number, eps = 5e-4): void => assert.ok(Math.abs(a - b) < eps, `${a} vs ${b}`);

test('wilson interval matches published values (Newcombe 1998, 81/263)', () => {
  const [lo, hi] = wilson(81, 263);
  close(lo, 0.2553);
  close(hi, 0.3662);
});

test('wilson interval stays inside [0, 1] and is not degenerate at 0 and n', () => {
  const [lo0, hi0] = wilson(0, 100);
  assert.is(lo0, 0);
  close(hi0, 0.0370);
  const [lo1, hi1] = wilson(100, 100);
  close(lo1, 0.9630);
  assert.is(hi1, 1);
});

test('wilson rejects impossible counts, naming the value', () => {
  assert.throws(() => wilson(5, 0), /n must be an integer >= 1, got 0/);
  assert.throws(() => wilson(11, 10), /successes must be in \[0, 10\], got 11/);
});

test('binned quantiles are within one bin of the exact quantile', () => {
  // 1000 values spread evenly over [0, 100): bin j holds 10 of them.
  const counts = new Array(100).fill(10);
  for (const q of [0.1, 0.5, 0.9]) {
    const v = binnedQuantile(counts, 0, 100, 1000, q) as number;
    assert.ok(Math.abs(v - 100 * q) <= 1, `q=${q}: ${v}`);
  }
  // An offset selects another series in the same array.
  const two = [...new Array(100).fill(0), ...counts];
  assert.is(binnedQuantile(two, 100, 100, 1000, 0.5), binnedQuantile(counts, 0, 100, 1000, 0.5));
});

test('a binned quantile that falls among unfinished replications is null', () => {
  const counts = [0, 4, 4, 0]; // 8 finished of 10: two never finished
  assert.ok((binnedQuantile(counts, 0, 4, 10, 0.5) as number) >= 1);
  assert.is(binnedQuantile(counts, 0, 4, 10, 0.9), null);
  assert.is(binnedQuantile([0, 0], 0, 2, 3, 0.1), null);
});

test('histogram quantiles are exact at zero and within a bin width elsewhere', () => {
  // 10 values: four zeros, then 10, 20, ..., 60 on (0, 100] with 10 bins.
  const counts = new Array(11).fill(0);
  counts[0] = 4;
  for (const v of [10, 20, 30, 40, 50, 60]) counts[Math.ceil((v / 100) * 10)]++;
  assert.is(histogramQuantile(counts, 0, 10, 100, 0.3), 0);
  const median = histogramQuantile(counts, 0, 10, 100, 0.5);
  assert.ok(median > 0 && Math.abs(median - 15) <= 10, `median ${median}`);
  assert.ok(histogramQuantile(counts, 0, 10, 100, 1) <= 60);
});

test.run();
