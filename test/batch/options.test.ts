// runBatch's options: a value out of range is refused at once with an error that names the
// option and the value, never silently replaced by a default or reported by an inner class.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBatch, type BatchOptions } from '../../sim/batch/run.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { rejection } from '../support/rejection.ts';
import { loadScenarioFile } from '../../sim/cli/files.ts';

/** The shipped baseline, with overrides. */
const niger = (overrides: string[] = []): Scenario => loadScenarioFile('scenarios/niger-2024.yaml', overrides);

const cases: Array<[string, BatchOptions, RegExp]> = [
  ['workers -1', { runs: 10, workers: -1 }, /^runBatch: workers must be an integer >= 0 \(0 runs in this thread\), got -1$/],
  ['workers 1.5', { runs: 10, workers: 1.5 }, /^runBatch: workers must be an integer >= 0 .*got 1\.5$/],
  ['seed null', { runs: 10, workers: 0, seed: null as unknown as string }, /^runBatch: seed must be a non-empty string, got null$/],
  ['seed 42', { runs: 10, workers: 0, seed: 42 as unknown as string }, /^runBatch: seed must be a non-empty string, got 42$/],
  ['runs 1.5', { runs: 1.5, workers: 0 }, /^runBatch: runs must be an integer >= 1, got 1\.5$/],
  ['runs NaN', { runs: NaN, workers: 0 }, /^runBatch: runs must be an integer >= 1, got NaN$/],
  ['precision 0', { runs: 10, workers: 0, precision: 0 }, /^runBatch: precision must be a number in \(0, 0\.5\), got 0$/],
  ['maxRuns 0', { runs: 10, workers: 0, precision: 0.01, maxRuns: 0 }, /^runBatch: maxRuns must be an integer >= 1, got 0$/],
  ['maxRuns below runs', { runs: 100, workers: 0, precision: 0.001, maxRuns: 50 }, /^runBatch: runs \(100\) is above maxRuns \(50\)/],
];

for (const [label, options, message] of cases) {
  test(`runBatch refuses ${label}, naming the option and its value, before any replication`, async () => {
    let progress = 0;
    const e = await rejection(runBatch(niger(), { ...options, onProgress: () => progress++ }));
    assert.instance(e, Error);
    assert.match(e.message, message);
    assert.not.match(e.message, /WorkerPool/);
    assert.is(progress, 0);
  });
}

test('runBatch refuses a misspelled option in an options object held in a variable, naming the option meant', async () => {
  let progress = 0;
  const opts = { run: 10, workers: 0, onProgress: () => progress++ };
  const e = await rejection(runBatch(niger(), opts as BatchOptions));
  assert.instance(e, RangeError);
  assert.is(e.message, 'runBatch: unknown option "run"; did you mean "runs"?');
  assert.is(progress, 0);
  const other = { runs: 10, workers: 0, maxruns: 20 };
  assert.is((await rejection(runBatch(niger(), other as BatchOptions))).message, 'runBatch: unknown option "maxruns"; did you mean "maxRuns"?');
});

test("maxRuns cuts the scenario's batch.runs down when runs is left out, and caps precision there", async () => {
  const r = await runBatch(niger(['batch.runs=100']), { workers: 0, seed: 'cap', precision: 0.001, maxRuns: 30 });
  assert.is(r.summary.runs, 30);
  assert.ok(r.precisionCapped);
});

test.run();
