// Per-replication outcomes (runBatch's onTimeBits): asked for, each replication's bit lands at
// its index whatever the workers or rounds; not asked for, nothing changes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBatch } from '../../sim/batch/run.ts';
import { createModel } from '../../sim/model/index.ts';
import { isOnTime, joinOnTimeBits, emptyOnTimeBits, setOnTime } from '../../sim/batch/on-time.ts';
import { loadScenarioFile } from '../../sim/cli/files.ts';
import { rejection } from '../support/rejection.ts';

const thin = () => loadScenarioFile('scenarios/niger-2024-thin-fleet.yaml');

test('bit i is replication i finished by the deadline, the same with 0, 1 and 2 workers, and the summary does not change', async () => {
  const scenario = thin();
  const runs = 90;
  const [zero, one, two, plain] = await Promise.all([
    runBatch(scenario, { runs, seed: 'bits', workers: 0, onTimeBits: true }),
    runBatch(scenario, { runs, seed: 'bits', workers: 1, onTimeBits: true }),
    runBatch(scenario, { runs, seed: 'bits', workers: 2, onTimeBits: true }),
    runBatch(scenario, { runs, seed: 'bits', workers: 0 }),
  ]);
  assert.equal([...one.onTimeBits!], [...zero.onTimeBits!]);
  assert.equal([...two.onTimeBits!], [...zero.onTimeBits!]);
  assert.is(plain.onTimeBits, undefined);
  assert.is(JSON.stringify(zero.summary), JSON.stringify(plain.summary));
  // Each bit against the replication run on its own.
  const model = createModel(scenario);
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const r = model.run('bits', i);
    const on = r.completedH !== null && r.completedH <= scenario.deadlineH;
    assert.is(isOnTime(zero.onTimeBits!, i), on, `replication ${i}`);
    if (on) count++;
  }
  assert.ok(count > 0 && count < runs, 'the check needs replications on both sides of the deadline');
  assert.is(count, Math.round(zero.summary.p_by_deadline * runs));
});

test('with precision, the bits cover every round of replications', async () => {
  const r = await runBatch(thin(), { runs: 40, seed: 'rounds', workers: 0, precision: 0.09, onTimeBits: true });
  const runs = r.summary.runs;
  assert.ok(runs > 40, `precision should have asked for more than the first round, ran ${runs}`);
  let count = 0;
  for (let i = 0; i < runs; i++) if (isOnTime(r.onTimeBits!, i)) count++;
  assert.is(count, Math.round(r.summary.p_by_deadline * runs));
});

test('joining chunk bits refuses a gap or a chunk run without them, naming the range', () => {
  const bits = emptyOnTimeBits(3);
  setOnTime(bits, 1);
  const joined = joinOnTimeBits([{ from: 3, to: 6, onTimeBits: bits }, { from: 0, to: 3, onTimeBits: bits }], 6);
  assert.equal([0, 1, 2, 3, 4, 5].map((i) => isOnTime(joined, i)), [false, true, false, false, true, false]);
  assert.throws(() => joinOnTimeBits([{ from: 0, to: 3, onTimeBits: bits }, { from: 4, to: 6, onTimeBits: bits }], 6), /expected a chunk starting at 3, got 4/);
  assert.throws(() => joinOnTimeBits([{ from: 0, to: 3 }], 3), /chunk \[0, 3\) was run without per-replication outcomes/);
});

test('runBatch refuses an onTimeBits that is not a boolean, naming it', async () => {
  const e = await rejection(runBatch(thin(), { runs: 5, workers: 0, onTimeBits: 'yes' as unknown as boolean }));
  assert.instance(e, TypeError);
  assert.match(e.message, /^runBatch: onTimeBits must be true or false, got "yes"$/);
});

test.run();
