// runBatch checks its scenario before any replication runs: a hand-edited or hand-built object
// fails at once with the problems listed, not after the whole batch or deep inside the model.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBatch } from '../../sim/batch/run.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { rejection } from '../support/rejection.ts';
import { loadScenarioFile } from '../../sim/cli/files.ts';

/** The shipped baseline, with overrides. */
const niger = (overrides: string[] = []): Scenario => loadScenarioFile('scenarios/niger-2024.yaml', overrides);

test('runBatch on an object with only a name rejects with the missing parts, not a TypeError on seed', async () => {
  const e = await rejection(runBatch({ name: 'x' } as Scenario, { runs: 10, workers: 0 }));
  assert.is(e.constructor, Error);
  assert.match(e.message, /^runBatch: the scenario "x" is not a resolved Scenario:/);
  assert.match(e.message, /  - batch: missing/);
  assert.match(e.message, /change them through overrides/);
});

test('a deadline edited on the object is refused before any replication runs', async () => {
  let progress = 0;
  const e = await rejection(runBatch({ ...niger(), deadline: '2024-08-15T00:00:00Z' }, { runs: 50, workers: 0, onProgress: () => progress++ }));
  assert.match(e.message, /deadlineH: 2856 h does not match/);
  assert.is(progress, 0);
});

test('a deadline of "next tuesday" is refused before any replication runs, with worker threads too', async () => {
  let progress = 0;
  const e = await rejection(runBatch({ ...niger(), deadline: 'next tuesday' }, { runs: 50, workers: 1, onProgress: () => progress++ }));
  assert.match(e.message, /deadline: expected an ISO-8601 instant/);
  assert.is(progress, 0);
});

test.run();
