// A pool the caller forgets to close must not keep the process alive once its work is done, while
// a pool with a job in flight must keep it alive until the results arrive.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';

const entry = pathToFileURL(resolve('sim/index.ts')).href;

test('a script that runs a batch on a WorkerPool and never closes it exits 0 with its result', () => {
  const script = [
    `import { loadScenario, runBatch, WorkerPool } from ${JSON.stringify(entry)};`,
    'const pool = new WorkerPool(2);',
    "const { summary } = await runBatch(loadScenario('scenarios/niger-2024.yaml'), { runs: 20, seed: 'x', pool });",
    "console.log('runs', summary.runs);",
  ].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'retrograde-pool-'));
  const file = join(dir, 'forgot-close.mjs');
  writeFileSync(file, script);
  let r;
  try {
    r = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 20_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.is(r.error, undefined, `the script did not exit within 20 s: ${String(r.error)}`);
  assert.is(r.status, 0, r.stderr);
  // The result printed: the pool kept the process alive while its job ran.
  assert.match(r.stdout, /^runs 20$/m);
});

test('close() still stops the workers and is safe to call twice', async () => {
  const { WorkerPool } = await import('../../sim/batch/pool.ts');
  const pool = new WorkerPool(1);
  await pool.close();
  await pool.close();
  let caught: unknown;
  try {
    await pool.run('k', {} as never, 's', 0, 1);
  } catch (e) {
    caught = e;
  }
  assert.match(String((caught as Error).message), /^this WorkerPool was closed and can no longer run batches/);
});

test.run();
