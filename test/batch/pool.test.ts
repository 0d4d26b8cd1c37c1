// The worker pool under a heap limit: a worker that runs out of memory fails the batch with an
// error that names the limit and the way out, instead of a bare internal error or a hang.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../sim/scenario/index.ts';
import { runBatch } from '../../sim/batch/run.ts';
import { WorkerMemoryError, WorkerPool } from '../../sim/batch/pool.ts';

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

test.run();
