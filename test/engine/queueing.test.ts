import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Tally } from '../../sim/engine/index.ts';
import { loadSimjs } from '../support/simjs.ts';
import { erlangC, mm1Simjs, mmcEngine, mmcWq, type QueueParams, type QueueResult } from './queues.ts';

// Each check builds a 95% Student-t interval from independent replications (distinct
// streams per replication, warm-up deleted) and asks that the analytic value lie inside.
const REPLICATIONS = 30;

function replicate(run: (p: QueueParams) => QueueResult, base: Omit<QueueParams, 'replication'>) {
  const wait = new Tally('mean wait');
  const waited = new Tally('fraction waited');
  const perRep: QueueResult[] = [];
  for (let r = 0; r < REPLICATIONS; r++) {
    const res = run({ ...base, replication: r });
    wait.add(res.meanWait);
    waited.add(res.fractionWaited);
    perRep.push(res);
  }
  return { wait, waited, perRep };
}

function assertInside(t: Tally, value: number, what: string): void {
  const h = t.halfWidth95();
  assert.ok(
    Math.abs(t.mean - value) <= h,
    `${what}: ${value} outside ${t.mean.toFixed(4)} ± ${h.toFixed(4)} (${t.count} replications)`,
  );
}

const mm1: Omit<QueueParams, 'replication'> = { lambda: 0.9, mu: 1.0, servers: 1, customers: 40_000, warmup: 4_000, seed: 'mm1' };

test('erlangC reduces to rho for one server and matches a published M/M/c value', () => {
  assert.ok(Math.abs(erlangC(1, 0.9) - 0.9) < 1e-12);
  assert.ok(Math.abs(mmcWq(0.9, 1, 1) - 9) < 1e-12);
  // c = 2, a = 1: C = 1/3 (textbook example).
  assert.ok(Math.abs(erlangC(2, 1) - 1 / 3) < 1e-12);
});

const engineMM1 = replicate(mmcEngine, mm1);

test('M/M/1 (lambda 0.9, mu 1): mean wait in queue is 9 within the 95% interval', () => {
  assertInside(engineMM1.wait, 9, 'engine M/M/1 Wq');
});

test('M/M/1: the fraction of customers who wait is rho = 0.9 within the 95% interval', () => {
  assertInside(engineMM1.waited, 0.9, 'engine M/M/1 P(wait > 0)');
});

test('M/M/3 (lambda 2.4, mu 1): mean wait matches Erlang C within the 95% interval', () => {
  const p = { lambda: 2.4, mu: 1.0, servers: 3, customers: 30_000, warmup: 3_000, seed: 'mmc' };
  const { wait, waited } = replicate(mmcEngine, p);
  assertInside(wait, mmcWq(2.4, 1, 3), 'engine M/M/3 Wq');
  assertInside(waited, erlangC(3, 2.4), 'engine M/M/3 P(wait > 0)');
});

test('simjs FCFS M/M/1 on the same streams agrees with the engine', () => {
  const lib = loadSimjs();
  const simjs = replicate((p) => mm1Simjs(lib, p), mm1);
  // Same numbers in the same order through two independent simulators: the same waits.
  simjs.perRep.forEach((s, r) => {
    const e = engineMM1.perRep[r] as QueueResult;
    assert.ok(Math.abs(s.meanWait - e.meanWait) < 1e-6 * e.meanWait, `replication ${r}: simjs ${s.meanWait} vs engine ${e.meanWait}`);
  });
  assertInside(engineMM1.wait, simjs.wait.mean, 'simjs M/M/1 mean against the engine interval');
  assertInside(simjs.wait, 9, 'simjs M/M/1 Wq');
});

test.run();
