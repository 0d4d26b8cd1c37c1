// The worker pool under a heap limit: a worker that runs out of memory fails the batch with an
// error that names the limit and the way out, instead of a bare internal error or a hang.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../sim/scenario/index.ts';
import { runBatch } from '../../sim/batch/run.ts';
import { WorkerMemoryError, WorkerPool } from '../../sim/batch/pool.ts';
import { sweep } from '../../sim/sweep/index.ts';
import { rejection } from '../support/rejection.ts';

test('a worker out of heap fails the batch with WorkerMemoryError, naming the limit and --workers 0', async () => {
  const file = 'scenarios/niger-2024.yaml';
  const r = parseScenario(readFileSync(file, 'utf8'), file);
  assert.ok(r.ok);
  if (!r.ok) return;
  // 4 MB cannot hold the model's code and one replication (checked: 8 MB can).
  const pool = new WorkerPool(1, { heapMb: 4 });
  try {
    let caught: unknown;
    try {
      await runBatch(r.scenario, { runs: 200, pool });
    } catch (err) {
      caught = err;
    }
    assert.instance(caught, WorkerMemoryError);
    assert.match((caught as Error).message, /its heap is limited to 4 MB/);
    assert.match((caught as Error).message, /--workers 0/);
  } finally {
    await pool.close();
  }
});

test('a closed pool is refused by runBatch and sweep in their own names, saying it was closed, before any replication', async () => {
  const file = 'scenarios/niger-2024.yaml';
  const text = readFileSync(file, 'utf8');
  const r = parseScenario(text, file);
  assert.ok(r.ok);
  if (!r.ok) return;
  const pool = new WorkerPool(1);
  await pool.close();
  assert.ok(pool.closed);
  let progress = 0;
  const onProgress = (): void => {
    progress++;
  };
  const batch = await rejection(runBatch(r.scenario, { runs: 10, pool, onProgress }));
  assert.is(batch.message, 'runBatch: the WorkerPool given as options.pool was closed and can no longer run batches; pass an open pool, or close it after the last batch');
  const swept = await rejection(sweep({ text, file }, { 'fleet.C-17.count': [1, 2] }, { runs: 10, pool, onProgress }));
  assert.match(swept.message, /^sweep: the WorkerPool given as options.pool was closed/);
  assert.is(progress, 0);
  // The pool's own refusal names no internal method.
  const own = await rejection(pool.run('k', r.scenario, 's', 0, 1));
  assert.is(own.message, 'this WorkerPool was closed and can no longer run batches; make a new one');
});

test.run();
