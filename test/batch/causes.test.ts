import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { causeKind } from '../../sim/batch/accumulate.ts';
import { parseScenario } from '../../sim/scenario/index.ts';
import { runBatch } from '../../sim/batch/run.ts';

test('causes that differ only in their numbers are one kind', () => {
  assert.is(causeKind('too slow: AB101: 120 ST and 3 personnel left'), causeKind('too slow: AB101: 95 ST and 40 personnel left'));
  assert.is.not(causeKind('too slow: AB101: 1 ST left'), causeKind('no clearance approved after 2024-06-01'));
});

test('the unfinished runs are summed by kind of cause, named in the words of the earliest run, whatever the workers', async () => {
  const file = 'scenarios/niger-2024.yaml';
  const r = parseScenario(readFileSync(file, 'utf8'), file, ['fleet.C-17.count=1', 'horizon=2024-11-15']);
  assert.ok(r.ok);
  if (!r.ok) return;
  const a = (await runBatch(r.scenario, { runs: 120, seed: 'causes', workers: 0 })).summary;
  const b = (await runBatch(r.scenario, { runs: 120, seed: 'causes', workers: 2 })).summary;
  assert.ok(a.unfinished.runs > 10, `only ${a.unfinished.runs} unfinished`);
  assert.match(a.unfinished.cause, /^too slow: /);
  assert.equal(b.unfinished, a.unfinished);
});

test.run();
