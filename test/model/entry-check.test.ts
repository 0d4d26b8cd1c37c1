// createModel's entry check: an object that is not a resolved Scenario (hand-built, or edited by
// hand so that a derived field no longer matches its source) fails at once, listing what is wrong
// and how to build a scenario instead.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createModel } from '../../sim/model/index.ts';
import { resolvedScenarioProblems } from '../../sim/model/entry-check.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { scenarioFixture } from '../support/scenario-fixture.ts';
import { loadScenarioFile } from '../../sim/cli/files.ts';

/** The shipped baseline, with overrides. */
const niger = (overrides: string[] = []): Scenario => loadScenarioFile('scenarios/niger-2024.yaml', overrides);

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

test('a loaded scenario and the test fixture pass the check', () => {
  assert.equal(resolvedScenarioProblems(niger()), []);
  assert.equal(resolvedScenarioProblems(scenarioFixture()), []);
});

test('createModel on an object with only a name throws a plain Error listing the missing parts, not a TypeError', () => {
  const e = thrown(() => createModel({ name: 'x' } as Scenario));
  assert.is(e.constructor, Error);
  assert.match(e.message, /^createModel: the scenario "x" is not a resolved Scenario:/);
  for (const part of ['start', 'deadline', 'deadlineH', 'horizonH', 'fleet', 'bases', 'clearance', 'batch']) {
    assert.match(e.message, new RegExp(`\\n  - ${part}: missing`));
  }
  assert.match(e.message, /loadScenario, parseScenario or resolveScenario/);
  assert.match(e.message, /overrides \(path=value/);
});

test('editing deadline on a resolved scenario without deadlineH is refused, naming both', () => {
  const e = thrown(() => createModel({ ...niger(), deadline: '2024-08-15T00:00:00Z' }));
  assert.match(e.message, /deadlineH: 2856 h does not match start 2024-05-19T00:00:00.000Z and deadline 2024-08-15T00:00:00Z, which are 2112 h apart/);
});

test('editing start alone is refused the same way', () => {
  assert.match(thrown(() => createModel({ ...niger(), start: '2024-06-01T00:00:00Z' })).message, /deadlineH: 2856 h does not match start 2024-06-01/);
});

test('a deadline that is not an ISO instant is named with its value', () => {
  assert.match(thrown(() => createModel({ ...niger(), deadline: 'next tuesday' })).message, /deadline: expected an ISO-8601 instant .*got "next tuesday"/);
});

test('parts of the wrong kind are named with what they are', () => {
  const e = thrown(() => createModel({ ...niger(), fleet: [] as never, rampPriority: 'russians' as never, horizonH: -1 }));
  assert.match(e.message, /fleet: expected an object, got an array/);
  assert.match(e.message, /rampPriority: expected one of 'first-come', 'russian-first', got "russians"/);
  assert.match(e.message, /horizonH: expected hours > 0 after start, got -1/);
  assert.match(thrown(() => createModel(undefined as never)).message, /expected a Scenario object, got undefined/);
  assert.match(thrown(() => createModel({ ...niger(), sensitivePriority: 'fleet' as never })).message, /sensitivePriority: expected one of 'per-sortie', 'across-bases', got "fleet"/);
});

test.run();
