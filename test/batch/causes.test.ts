import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { addCause, causeKind, describeCauses, oneCause, type CauseCount } from '../../sim/batch/causes.ts';
import { parseScenario } from '../../sim/scenario/index.ts';
import { runBatch } from '../../sim/batch/run.ts';

test('causes that differ only in their numbers are one kind', () => {
  assert.is(causeKind('too slow: AB101: 120 ST and 3 personnel left'), causeKind('too slow: AB101: 95 ST and 40 personnel left'));
  assert.is.not(causeKind('too slow: AB101: 1 ST left'), causeKind('no clearance approved after 2024-06-01'));
});

test('base and aircraft names are not figures: AB101 and AB201 left are two kinds', () => {
  assert.is.not(causeKind('too slow: AB101: 1 ST left'), causeKind('too slow: AB201: 1 ST left'));
  assert.is.not(causeKind('every C-17 was down'), causeKind('every C-130 was down'));
});

/** A table of causes from (replication, text) pairs, as a batch would build it. */
function table(runs: Array<[number, string]>): Record<string, CauseCount> {
  const t: Record<string, CauseCount> = {};
  for (const [i, text] of runs) addCause(t, causeKind(text), oneCause(i, text));
  return t;
}

test('the cause of unfinished runs gives its kind with its count and each figure as a median, not the first run\'s figures', () => {
  const t = table([
    [0, 'too slow: AB101: 300 ST left at the horizon (2024-11-30)'],
    [1, 'too slow: AB101: 100 ST left at the horizon (2024-11-30)'],
    [2, 'too slow: AB101: 200 ST left at the horizon (2024-11-30)'],
    [3, 'no aircraft available: every C-17 was down'],
  ]);
  assert.is(describeCauses(t, 4), 'too slow in 3 of 4; median figures: AB101: 200 ST left at the horizon (2024-11-30)');
});

test('a class split over several wordings counts all of them and says over how many the medians are', () => {
  const t = table([
    [0, 'too slow: AB101: 10 ST left; AB201: 5 ST left'],
    [1, 'too slow: AB101: 30 ST left; AB201: 7 ST left'],
    [2, 'too slow: AB201: 9 ST left'],
    [3, 'no aircraft available: every C-17 was down'],
    [4, 'no aircraft available: every C-17 was down'],
  ]);
  assert.is(describeCauses(t, 5), 'too slow in 3 of 5; median figures over the 2 stopped the same way: AB101: 10 ST left; AB201: 5 ST left');
  assert.is(describeCauses(table([[0, 'no clearance approved after 2024-06-01; 2 of 2 aircraft waiting for one']]), 1), 'no clearance approved after 2024-06-01; 2 of 2 aircraft waiting for one (in 1 of 1; median figures)');
  assert.is(describeCauses({}, 0), '');
});

test('the unfinished runs are summed by kind of cause with median figures, whatever the workers', async () => {
  const file = 'scenarios/niger-2024.yaml';
  const r = parseScenario(readFileSync(file, 'utf8'), file, ['fleet.C-17.count=1', 'horizon=2024-11-15']);
  assert.ok(r.ok);
  if (!r.ok) return;
  const a = (await runBatch(r.scenario, { runs: 120, seed: 'causes', workers: 0 })).summary;
  const b = (await runBatch(r.scenario, { runs: 120, seed: 'causes', workers: 2 })).summary;
  assert.ok(a.unfinished.runs > 10, `only ${a.unfinished.runs} unfinished`);
  assert.match(a.unfinished.cause, new RegExp(`^too slow in \\d+ of ${a.unfinished.runs}; median figures`));
  assert.equal(b.unfinished, a.unfinished);
});

test.run();
