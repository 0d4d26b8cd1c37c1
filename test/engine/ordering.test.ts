/**
 * Same-time ordering across runs and among the waiters of one event, against SimPy's single
 * schedule ordered by (time, priority, serial) and its callback lists.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment } from '../../sim/engine/index.ts';

test('an event left at exactly `until` runs before an event triggered at that instant between runs (SimPy: lower serial first)', () => {
  const env = new Environment();
  const log: string[] = [];
  env.timeout(5).addCallback(() => log.push('scheduled-at-0-for-5'));
  env.run(5); // leaves the event at 5 in the schedule, clock = 5
  const later = env.event();
  later.addCallback(() => log.push('triggered-at-5'));
  later.succeed(); // triggered at 5, after the first was scheduled: SimPy runs it second
  env.run();
  assert.equal(log, ['scheduled-at-0-for-5', 'triggered-at-5']);
});

test('a zero-delay timeout of a process started between runs does not overtake a timeout due at that instant', () => {
  // The same divergence through a model-level path: a process started between chunked runs.
  const env = new Environment();
  const log: string[] = [];
  env.process(
    (function* () {
      yield env.timeout(24);
      log.push('old timer');
    })(),
  );
  env.run(24);
  env.process(
    (function* () {
      yield env.timeout(0);
      log.push('new process, zero delay');
    })(),
  );
  env.run();
  // SimPy: Initialize (urgent) first, then (24, NORMAL, old eid) before (24, NORMAL, new eid).
  assert.equal(log, ['old timer', 'new process, zero delay']);
});

test('callbacks and processes waiting on one event resume in the order they began waiting (SimPy callbacks list)', () => {
  const env = new Environment();
  const gate = env.event<number>();
  const log: string[] = [];
  let stock = 0;
  gate.addCallback(() => {
    stock = 10;
    log.push('callback updates stock');
  });
  env.process(
    (function* () {
      yield gate;
      log.push(`process sees stock ${stock}`);
    })(),
  );
  env.process(
    (function* () {
      yield env.timeout(1);
      gate.succeed(1);
    })(),
  );
  env.run();
  assert.equal(log, ['callback updates stock', 'process sees stock 10']);
});

test.run();
