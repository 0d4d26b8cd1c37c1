// The library sweep refuses what it cannot run sensibly before any point runs, in its own name
// and in library words (an option or argument, not a command-line flag).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { sweep } from '../../sim/sweep/index.ts';

const base = { text: readFileSync('scenarios/niger-2024.yaml', 'utf8'), file: 'scenarios/niger-2024.yaml' };

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

test('sweep refuses workers 1.5 and seed null in its own name, not WorkerPool or runBatch', async () => {
  const w = await rejection(sweep(base, { 'fleet.C-17.count': [1, 2] }, { runs: 10, workers: 1.5 }));
  assert.match(w.message, /^sweep: workers must be an integer >= 0 .*got 1\.5$/);
  const s = await rejection(sweep(base, { 'fleet.C-17.count': [1, 2] }, { runs: 10, workers: 0, seed: null as unknown as string }));
  assert.match(s.message, /^sweep: seed must be a non-empty string, got null$/);
});

test.run();
