import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { wilson, quantileSorted, quantileWithMissing, histogramQuantile } from '../../sim/batch/stats.ts';

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

test('quantiles interpolate like R type 7', () => {
  const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  close(quantileSorted(xs, 0.1), 1.9);
  close(quantileSorted(xs, 0.5), 5.5);
  close(quantileSorted(xs, 0.9), 9.1);
  assert.ok(Number.isNaN(quantileSorted([], 0.5)));
});

test('a quantile that falls among unfinished replications is null', () => {
  const finished = [1, 2, 3, 4, 5, 6, 7, 8];
  assert.is(quantileWithMissing(finished, 2, 0.5), 5.5);
  assert.is(quantileWithMissing(finished, 2, 0.9), null);
  assert.is(quantileWithMissing([], 3, 0.1), null);
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
