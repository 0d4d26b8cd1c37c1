// The library sweep refuses what it cannot run sensibly before any point runs, in its own name
// and in library words (an option or argument, not a command-line flag).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sweep, VaryError, SweepInputError, readScenarioText } from '../../sim/index.ts';
import { rejection } from '../support/rejection.ts';

const base = readScenarioText('scenarios/niger-2024.yaml');

test('sweep refuses workers 1.5 and seed null in its own name, not WorkerPool or runBatch', async () => {
  const w = await rejection(sweep(base, { 'fleet.C-17.count': [1, 2] }, { runs: 10, workers: 1.5 }));
  assert.match(w.message, /^sweep: workers must be an integer >= 0 .*got 1\.5$/);
  const s = await rejection(sweep(base, { 'fleet.C-17.count': [1, 2] }, { runs: 10, workers: 0, seed: null as unknown as string }));
  assert.match(s.message, /^sweep: seed must be a non-empty string, got null$/);
});

test('a value given twice is refused before any point runs, naming the parameter and the value', async () => {
  let progress = 0;
  const e = await rejection(sweep(base, { 'fleet.C-17.count': [2, 2] }, { runs: 10, workers: 0, onProgress: () => progress++ }));
  assert.instance(e, VaryError);
  assert.match(e.message, /^sweep: parameter fleet\.C-17\.count: the value 2 is listed twice; give each value once, or the same point would run twice$/);
  assert.not.match(e.message, /--vary/);
  assert.is(progress, 0);
  // A number and the same number as text make the same override, so the same point.
  assert.match((await rejection(sweep(base, { 'fleet.C-17.count': [2, '2'] }, { runs: 10, workers: 0 }))).message, /2 and "2" are the same value/);
});

test('an empty grid is refused instead of running the baseline as a table of no parameters', async () => {
  let progress = 0;
  const e = await rejection(sweep(base, {}, { runs: 10, workers: 0, onProgress: () => progress++ }));
  assert.instance(e, VaryError);
  assert.match(e.message, /^sweep: no parameters to vary \(the grid is empty\); give at least one path and its values/);
  assert.not.match(e.message, /--vary/);
  assert.is(progress, 0);
});

test('a parameter with no values throws VaryError, exported from the library entry point', async () => {
  const e = await rejection(sweep(base, { 'fleet.C-17.count': [] }, { runs: 10, workers: 0 }));
  assert.instance(e, VaryError);
  assert.match(e.message, /parameter fleet\.C-17\.count has no values/);
  // SweepInputError stays exported beside it: a path that does not exist.
  assert.instance(await rejection(sweep(base, { 'fleet.C17.count': [1] }, { runs: 10, workers: 0 })), SweepInputError);
});

test('a bad swept value or override is filed in library words: "vary" and "override", not --vary and --set', async () => {
  const e = await rejection(sweep(base, { 'fleet.C-17.count': [-1, 2] }, { runs: 10, workers: 0, sets: ['fleet.C-17.cont=3'] }));
  assert.instance(e, SweepInputError);
  assert.match(e.message, /got -1 \(from vary fleet\.C-17\.count=-1\)/);
  assert.match(e.message, /override: fleet\.C-17\.cont: unknown key "cont"/);
  assert.not.match(e.message, /--vary|--set/);
});

test('onWarning gets each distinct warning of the points once, before any runs, in library words', async () => {
  const seen: string[] = [];
  let ranBefore = false;
  await sweep(base, { 'clearance.not_before': ['2024-05-19', '2024-09-20'] }, {
    runs: 3,
    workers: 0,
    sets: ['clearance.freezes=[{ from: 2024-05-01, to: 2024-10-01 }]'],
    onWarning: (text) => seen.push(text),
    onProgress: () => {
      ranBefore ||= seen.length === 0;
    },
  });
  assert.not.ok(ranBefore, 'a batch ran before the warnings were given');
  // The freeze warns at both points in the same words: once. The late not_before warns at its point only.
  assert.is(seen.filter((t) => /clearance\.freezes\.0: this freeze .*\(from override clearance\.freezes=/.test(t)).length, 1, seen.join('\n'));
  assert.is(seen.filter((t) => /clearance\.not_before: 2024-09-20 UTC .*\(from vary clearance\.not_before=2024-09-20\)$/.test(t)).length, 1, seen.join('\n'));
  assert.is(seen.length, 2, seen.join('\n'));
});

test.run();
