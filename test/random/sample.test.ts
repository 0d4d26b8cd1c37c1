import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DistSpec } from '../../sim/scenario/types.ts';
import { createStream, distMean, distVariance, sampler } from '../../sim/random/index.ts';
import { interval99, moments, replicate } from './ci.ts';

const DRAWS = 2_000;

// Each case: the sample mean and sample variance of 2,000 draws, over 30 independent streams,
// must give 99% intervals that contain the analytic mean and variance.
const CASES: Array<[string, DistSpec]> = [
  ['exponential mean 12', { kind: 'exponential', mean: 12 }],
  ['uniform [2, 5]', { kind: 'uniform', min: 2, max: 5 }],
  ['triangular (1, 2, 4)', { kind: 'triangular', min: 1, mode: 2, max: 4 }],
  ['triangular with mode at min', { kind: 'triangular', min: 0, mode: 0, max: 3 }],
  ['normal (10, 2)', { kind: 'normal', mean: 10, sd: 2 }],
  ['normal (1, 2) truncated below at 0', { kind: 'normal', mean: 1, sd: 2, min: 0 }],
  ['normal (10, 2) truncated to [8, 11]', { kind: 'normal', mean: 10, sd: 2, min: 8, max: 11 }],
  ['lognormal (3, 0.5)', { kind: 'lognormal', mu: 3, sigma: 0.5 }],
  ['gamma shape 2.5 scale 3', { kind: 'gamma', shape: 2.5, scale: 3 }],
  ['gamma shape 0.5 scale 2 (boosted)', { kind: 'gamma', shape: 0.5, scale: 2 }],
  ['weibull shape 1.5 scale 10', { kind: 'weibull', shape: 1.5, scale: 10 }],
  ['weibull shape 0.8 scale 4', { kind: 'weibull', shape: 0.8, scale: 4 }],
  ['empirical weighted', { kind: 'empirical', values: [1, 2, 7], weights: [1, 2, 1] }],
  ['empirical with a zero weight', { kind: 'empirical', values: [1, 5, 9], weights: [0, 1, 3] }],
  ['empirical equal weights', { kind: 'empirical', values: [3, 4, 10, 11] }],
  ['bernoulli 0.3', { kind: 'bernoulli', p: 0.3 }],
];

for (const [name, spec] of CASES) {
  test(`${name}: sample mean and variance contain the analytic values (99%, 30 streams)`, () => {
    const draw = sampler(spec);
    const stats = replicate(`moments ${name}`, 'x', (s) => moments(() => draw(s), DRAWS));
    const mean = interval99(stats.map((x) => x.mean));
    assert.ok(mean.contains(distMean(spec)), `mean ${mean.text}, analytic ${distMean(spec)}`);
    const variance = interval99(stats.map((x) => x.variance));
    assert.ok(variance.contains(distVariance(spec)), `variance ${variance.text}, analytic ${distVariance(spec)}`);
  });
}

test('fixed always returns its value and consumes no numbers', () => {
  const s = createStream('fixed', 0, 'x');
  const draw = sampler({ kind: 'fixed', value: 3.5 });
  for (let i = 0; i < 100; i++) assert.is(draw(s), 3.5);
  assert.is(s.next(), createStream('fixed', 0, 'x').next());
});

test('draws stay inside the support', () => {
  const s = createStream('support', 0, 'x');
  const checks: Array<[DistSpec, (x: number) => boolean]> = [
    [{ kind: 'uniform', min: 2, max: 5 }, (x) => x >= 2 && x < 5],
    [{ kind: 'triangular', min: 1, mode: 2, max: 4 }, (x) => x >= 1 && x <= 4],
    [{ kind: 'normal', mean: 10, sd: 2, min: 8, max: 11 }, (x) => x >= 8 && x <= 11],
    [{ kind: 'exponential', mean: 1 }, (x) => x >= 0 && Number.isFinite(x)],
    [{ kind: 'gamma', shape: 0.3, scale: 1 }, (x) => x >= 0 && Number.isFinite(x)],
    [{ kind: 'weibull', shape: 0.5, scale: 1 }, (x) => x >= 0 && Number.isFinite(x)],
    [{ kind: 'empirical', values: [1, 5, 9], weights: [0, 1, 3] }, (x) => x === 5 || x === 9],
    [{ kind: 'bernoulli', p: 0.5 }, (x) => x === 0 || x === 1],
  ];
  for (const [spec, ok] of checks) {
    const draw = sampler(spec);
    for (let i = 0; i < 20_000; i++) {
      const x = draw(s);
      if (!ok(x)) assert.unreachable(`${spec.kind} drew ${x}`);
    }
  }
});

test('a sampler gives the same numbers for the same stream, and keeps no state between streams', () => {
  const draw = sampler({ kind: 'normal', mean: 0, sd: 1 });
  const a = createStream('state', 0, 'x');
  const b = createStream('state', 0, 'x');
  const first = draw(a);
  draw(createStream('other', 0, 'x'));
  assert.is(draw(b), first);
});

test('a stream that never lands in the truncation window is an error, not a hang', () => {
  const draw = sampler({ kind: 'normal', mean: 0, sd: 1, min: -1, max: 1 }, 'AB101 prep');
  const stuck = { next: () => 0.999999 }; // always far in the tail
  assert.throws(() => draw(stuck), /Distribution "AB101 prep" \(normal\): no draw inside \[-1, 1\] in 5000 tries/);
});

test('bad parameters throw naming the distribution, field and value', () => {
  assert.throws(() => sampler({ kind: 'exponential', mean: -3 }), /Distribution exponential: mean: expected a number > 0, got -3/);
  assert.throws(() => sampler({ kind: 'exponential', mean: 0 }, 'clearance delay'), /Distribution "clearance delay" \(exponential\): mean/);
  assert.throws(() => sampler({ kind: 'uniform', min: 5, max: 2 }), /max: expected a number >= min \(5\), got 2/);
  assert.throws(() => sampler({ kind: 'triangular', min: 1, mode: 5, max: 4 }), /max: expected a number >= mode \(5\), got 4/);
  assert.throws(() => sampler({ kind: 'normal', mean: 0, sd: 0 }), /sd: expected a number > 0, got 0/);
  assert.throws(() => sampler({ kind: 'normal', mean: 0, sd: 1, min: 10 }), /truncation \[10, Infinity\] keeps only/);
  assert.throws(() => sampler({ kind: 'lognormal', mu: 1, sigma: -1 }), /sigma: expected a number > 0, got -1/);
  assert.throws(() => sampler({ kind: 'gamma', shape: 0, scale: 1 }), /shape: expected a number > 0, got 0/);
  assert.throws(() => sampler({ kind: 'weibull', shape: 1, scale: NaN }), /scale: expected a number > 0, got NaN/);
  assert.throws(() => sampler({ kind: 'empirical', values: [] }), /values: expected a non-empty list/);
  assert.throws(() => sampler({ kind: 'empirical', values: [1, 2], weights: [1] }), /weights: expected 2 weights/);
  assert.throws(() => sampler({ kind: 'empirical', values: [1, 2], weights: [0, 0] }), /at least one weight > 0/);
  assert.throws(() => sampler({ kind: 'bernoulli', p: 1.2 }), /p: expected a probability in \[0, 1\], got 1.2/);
  assert.throws(() => sampler({ kind: 'poisson', mean: 1 } as unknown as DistSpec), /unknown distribution kind "poisson"/);
});

test.run();
