import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment, Tally, TimeWeighted, tQuantile975 } from '../../sim/engine/index.ts';

test('TimeWeighted averages a piecewise-constant value over time', () => {
  const env = new Environment();
  const onRamp = new TimeWeighted(env, 0);
  env.timeout(2).addCallback(() => onRamp.update(3)); // 0 for 2 h
  env.timeout(6).addCallback(() => onRamp.update(1)); // 3 for 4 h
  env.timeout(10); // 1 for 4 h
  env.run();
  assert.is(onRamp.mean(), (0 * 2 + 3 * 4 + 1 * 4) / 10);
  assert.is(onRamp.mean(8), (0 * 2 + 3 * 4 + 1 * 2) / 8);
  assert.is(onRamp.max, 3);
  assert.is(onRamp.min, 0);
  assert.is(onRamp.current, 1);
  assert.throws(() => onRamp.mean(5), /needs a time >= the last update \(6\), got 5/);
  assert.throws(() => onRamp.update(NaN), /TimeWeighted: value must be a finite number, got NaN/);
});

test('TimeWeighted over a zero-length span is the current value', () => {
  const env = new Environment(4);
  assert.is(new TimeWeighted(env, 7).mean(), 7);
});

test('Tally matches direct mean and sample variance', () => {
  const xs = [2, 4, 4, 4, 5, 5, 7, 9];
  const t = new Tally('waits');
  xs.forEach((x) => t.add(x));
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  assert.is(t.count, 8);
  assert.ok(Math.abs(t.mean - mean) < 1e-12);
  assert.ok(Math.abs(t.variance - variance) < 1e-12);
  assert.is(t.min, 2);
  assert.is(t.max, 9);
  assert.ok(Math.abs(t.halfWidth95() - (2.365 * Math.sqrt(variance)) / Math.sqrt(8)) < 1e-12);
  assert.throws(() => t.add(Infinity), /Tally "waits": value must be a finite number, got Infinity/);
});

test('an empty or single-value Tally reports NaN rather than a made-up spread', () => {
  const t = new Tally();
  assert.ok(Number.isNaN(t.mean));
  t.add(3);
  assert.is(t.mean, 3);
  assert.ok(Number.isNaN(t.variance));
  assert.ok(Number.isNaN(t.halfWidth95()));
});

test('t quantiles: table values and the large-sample expansion', () => {
  assert.is(tQuantile975(1), 12.706);
  assert.is(tQuantile975(29), 2.045);
  assert.ok(Math.abs(tQuantile975(40) - 2.021) < 5e-4);
  assert.ok(Math.abs(tQuantile975(120) - 1.98) < 5e-4);
  assert.ok(Math.abs(tQuantile975(1e9) - 1.96) < 1e-3);
  assert.throws(() => tQuantile975(0), /degrees of freedom must be >= 1, got 0/);
});

test.run();
