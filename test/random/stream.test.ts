import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createStream, replicationStreams, streamKey } from '../../sim/random/index.ts';
import { interval99, replicate } from './ci.ts';

const take = (seed: string, rep: number, source: string, n = 8): number[] => {
  const s = createStream(seed, rep, source);
  return Array.from({ length: n }, () => s.next());
};

test('the same (seed, replication, source) gives the same numbers', () => {
  assert.equal(take('niger', 3, 'clearance'), take('niger', 3, 'clearance'));
});

test('a stream from replicationStreams equals createStream with the same parts', () => {
  assert.equal(take('niger', 7, 'ramp'), (() => {
    const s = replicationStreams('niger', 7)('ramp');
    return Array.from({ length: 8 }, () => s.next());
  })());
});

test('streams of different sources, replications or seeds differ', () => {
  const base = take('niger', 0, 'clearance');
  assert.not.equal(take('niger', 0, 'russian'), base);
  assert.not.equal(take('niger', 1, 'clearance'), base);
  assert.not.equal(take('niger2', 0, 'clearance'), base);
});

test('keys with separators in them do not collide', () => {
  assert.not.equal(streamKey('a:b', 1, 'c'), streamKey('a', 1, 'b:c'));
  assert.not.equal(streamKey('a1', 1, 'c'), streamKey('a', 11, 'c'));
  assert.not.equal(streamKey('s', 1, '2:x'), streamKey('s', 12, 'x'));
  assert.not.equal(take('a:1', 1, 'c'), take('a', 1, '1:c'));
});

test('draws are uniform in [0, 1): range, mean and lag-1 covariance, over independent replications', () => {
  const n = 5_000;
  let min = 1;
  let max = 0;
  const stats = replicate('uniformity', 'u', (s) => {
    let sum = 0;
    let sumLag = 0;
    let prev = s.next();
    sum += prev;
    for (let i = 1; i < n; i++) {
      const u = s.next();
      if (u < min) min = u;
      if (u > max) max = u;
      sum += u;
      sumLag += (u - 0.5) * (prev - 0.5);
      prev = u;
    }
    return { mean: sum / n, lag: sumLag / (n - 1) };
  });
  assert.ok(min >= 0 && max < 1, `range [${min}, ${max}]`);
  const mean = interval99(stats.map((x) => x.mean));
  assert.ok(mean.contains(0.5), `mean ${mean.text}`);
  const lag = interval99(stats.map((x) => x.lag));
  assert.ok(lag.contains(0), `lag-1 covariance ${lag.text}`);
});

test('streams of neighbouring replications are uncorrelated', () => {
  // Pair the k-th draw of replication r with the k-th draw of replication r + 1.
  const n = 50_000;
  const a = createStream('corr', 0, 'x');
  const b = createStream('corr', 1, 'x');
  let cov = 0;
  for (let i = 0; i < n; i++) cov += (a.next() - 0.5) * (b.next() - 0.5);
  assert.ok(Math.abs(cov / n) < 2.576 / (12 * Math.sqrt(n)), `covariance ${cov / n}`);
});

test('misuse throws naming the value', () => {
  assert.throws(() => createStream('', 0, 'x'), /seed must be a non-empty string, got ""/);
  assert.throws(() => createStream('s', -1, 'x'), /replication must be an integer >= 0, got -1/);
  assert.throws(() => createStream('s', 1.5, 'x'), /got 1.5/);
  assert.throws(() => createStream('s', 0, ''), /source must be a non-empty string/);
  // A replication's factory checks the seed and replication at once, before any stream is asked for.
  assert.throws(() => replicationStreams('', 0), /seed must be a non-empty string, got ""/);
  assert.throws(() => replicationStreams('s', 2.5), /replication must be an integer >= 0, got 2.5/);
  assert.throws(() => replicationStreams('s', 0)(''), /source must be a non-empty string/);
});

test.run();
