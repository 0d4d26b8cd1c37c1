import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment } from '../../sim/engine/index.ts';

test('eventsProcessed counts each event the loop processes once, process starts included, across runs', () => {
  const env = new Environment();
  assert.is(env.eventsProcessed, 0);
  function* twoWaits(): Generator<any, void, any> {
    yield env.timeout(1);
    yield env.timeout(2);
  }
  // Start token + 2 timeouts; the end of a process nobody waits for never enters the schedule.
  env.process(twoWaits());
  env.timeout(5);
  env.run(4);
  assert.is(env.eventsProcessed, 3);
  env.run();
  assert.is(env.eventsProcessed, 4);
});

test('eventsProcessed does not count events left in the schedule', () => {
  const env = new Environment();
  env.timeout(10);
  env.run(3);
  assert.is(env.eventsProcessed, 0);
});

test.run();
