// model.run refuses a bad seed or replication in its own name, the one a script called, not in
// the name of the random-stream factory it would otherwise fail in.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createModel } from '../../sim/model/index.ts';
import { scenarioFixture } from '../support/scenario-fixture.ts';

const model = createModel(scenarioFixture());

const cases: Array<[string, () => unknown, string]> = [
  ['replication -1', () => model.run('x', -1), 'model.run(seed, replication): replication must be an integer >= 0, got -1'],
  ['replication 1.5', () => model.run('x', 1.5), 'model.run(seed, replication): replication must be an integer >= 0, got 1.5'],
  ['replication "3"', () => model.run('x', '3' as unknown as number), 'model.run(seed, replication): replication must be an integer >= 0, got "3"'],
  ['seed ""', () => model.run('', 0), 'model.run(seed, replication): seed must be a non-empty string, got ""'],
  ['seed 42', () => model.run(42 as unknown as string, 0), 'model.run(seed, replication): seed must be a non-empty string, got 42'],
];

for (const [label, call, message] of cases) {
  test(`model.run refuses ${label} in its own name`, () => {
    assert.throws(call, (e: Error) => e instanceof RangeError && e.message === message);
  });
}

test.run();
