import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  distMean,
  distVariance,
  gammaFn,
  lognormalFromMeanSd,
  lognormalFromMedianP90,
  normalCdf,
  sampler,
} from '../../sim/random/index.ts';
import { interval99, replicate } from './ci.ts';

const close = (a: number, b: number, rel = 1e-9): boolean => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

test('special functions match known values', () => {
  assert.ok(close(gammaFn(5), 24), `gamma(5) = ${gammaFn(5)}`);
  assert.ok(close(gammaFn(0.5), Math.sqrt(Math.PI)), `gamma(0.5) = ${gammaFn(0.5)}`);
  assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
  assert.ok(Math.abs(normalCdf(1.959963984540054) - 0.975) < 2e-7, `${normalCdf(1.96)}`);
  assert.ok(Math.abs(normalCdf(-2.3263478740408408) - 0.01) < 2e-7);
});

test('analytic means of special cases agree with closed forms', () => {
  // Weibull with shape 1 is the exponential; a normal truncated at its mean is half-normal.
  assert.ok(close(distMean({ kind: 'weibull', shape: 1, scale: 7 }), 7, 1e-12));
  assert.ok(close(distVariance({ kind: 'weibull', shape: 1, scale: 7 }), 49, 1e-12));
  assert.ok(close(distMean({ kind: 'normal', mean: 3, sd: 2, min: 3 }), 3 + 2 * Math.sqrt(2 / Math.PI), 1e-6));
  assert.ok(close(distVariance({ kind: 'normal', mean: 3, sd: 2, min: 3 }), 4 * (1 - 2 / Math.PI), 1e-6));
  assert.is(distMean({ kind: 'normal', mean: 3, sd: 2, min: 1, max: 5 }), 3);
  assert.is(distMean({ kind: 'empirical', values: [1, 2, 7], weights: [1, 2, 1] }), 3);
  assert.is(distMean({ kind: 'fixed', value: 4 }), 4);
  assert.is(distMean({ kind: 'bernoulli', p: 0.25 }), 0.25);
});

test('distMean rejects bad parameters naming the value', () => {
  assert.throws(() => distMean({ kind: 'gamma', shape: -2, scale: 1 }), /shape: expected a number > 0, got -2/);
});

test('lognormalFromMedianP90 has exactly that median and p90', () => {
  const spec = lognormalFromMedianP90(24, 72);
  assert.ok(close(Math.exp(spec.mu), 24));
  assert.ok(close(Math.exp(spec.mu + 1.2815515655446004 * spec.sigma), 72));
});

test('lognormal draws from median 24 and p90 72 fall below 24 half the time and below 72 90% of the time', () => {
  const draw = sampler(lognormalFromMedianP90(24, 72));
  const n = 2_000;
  const fractions = replicate('quantiles', 'x', (s) => {
    let below24 = 0;
    let below72 = 0;
    for (let i = 0; i < n; i++) {
      const x = draw(s);
      if (x < 24) below24++;
      if (x < 72) below72++;
    }
    return { p50: below24 / n, p90: below72 / n };
  });
  const p50 = interval99(fractions.map((f) => f.p50));
  const p90 = interval99(fractions.map((f) => f.p90));
  assert.ok(p50.contains(0.5), `P(X < median) ${p50.text}`);
  assert.ok(p90.contains(0.9), `P(X < p90) ${p90.text}`);
});

test('lognormalFromMeanSd has that mean and standard deviation', () => {
  const spec = lognormalFromMeanSd(10, 4);
  assert.ok(close(distMean(spec), 10, 1e-12), `${distMean(spec)}`);
  assert.ok(close(Math.sqrt(distVariance(spec)), 4, 1e-12), `${Math.sqrt(distVariance(spec))}`);
});

test('lognormal helpers reject impossible figures naming the value', () => {
  assert.throws(() => lognormalFromMedianP90(24, 12), /p90 must be a number > median \(24\), got 12/);
  assert.throws(() => lognormalFromMedianP90(0, 12), /median must be a number > 0, got 0/);
  assert.throws(() => lognormalFromMeanSd(10, 0), /sd must be a number > 0, got 0/);
  assert.throws(() => lognormalFromMeanSd(-1, 2), /mean must be a number > 0, got -1/);
});

test.run();
