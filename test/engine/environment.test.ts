import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment, SimEvent } from '../../sim/engine/index.ts';

test('same-time events run in insertion order, whatever the delay they were scheduled with', () => {
  const env = new Environment();
  const log: string[] = [];
  const at = (name: string, delay: number, then?: () => void) =>
    env.timeout(delay).addCallback(() => {
      log.push(`${name}@${env.now}`);
      then?.();
    });
  at('a', 2);
  at('b', 1, () => at('d', 1)); // scheduled later, due at 2 after a and c
  at('c', 2);
  at('e', 0);
  env.run();
  assert.equal(log, ['e@0', 'b@1', 'a@2', 'c@2', 'd@2']);
});

test('events due now run before a zero-delay event scheduled at this instant', () => {
  const env = new Environment();
  const log: string[] = [];
  env.timeout(1).addCallback(() => {
    log.push('first');
    env.timeout(0).addCallback(() => log.push('zero-delay'));
  });
  env.timeout(1).addCallback(() => log.push('second'));
  env.run();
  assert.equal(log, ['first', 'second', 'zero-delay']);
});

test('a process starts before normal events of the same instant (urgent priority)', () => {
  const env = new Environment();
  const log: string[] = [];
  env.timeout(0).addCallback(() => log.push('timeout'));
  env.process(
    (function* () {
      log.push('process started');
      yield env.timeout(0);
    })(),
  );
  env.run();
  assert.equal(log, ['process started', 'timeout']);
});

test('run() returns when the schedule is empty and leaves the clock at the last event', () => {
  const env = new Environment();
  env.timeout(3);
  env.run();
  assert.is(env.now, 3);
  assert.is(env.peek(), Infinity);
  env.run(); // nothing left: returns at once
  assert.is(env.now, 3);
});

test('run(until) stops before events at until, sets the clock to until, and resumes later', () => {
  const env = new Environment();
  const seen: number[] = [];
  for (const d of [1, 5, 10, 12]) env.timeout(d).addCallback(() => seen.push(env.now));
  env.run(10);
  assert.equal(seen, [1, 5]);
  assert.is(env.now, 10);
  assert.is(env.peek(), 10);
  env.run(100);
  assert.equal(seen, [1, 5, 10, 12]);
  assert.is(env.now, 100, 'the clock moves to until even when the schedule empties first');
});

test('peek and step process one event at a time', () => {
  const env = new Environment();
  const log: number[] = [];
  env.timeout(2).addCallback(() => log.push(2));
  env.timeout(1).addCallback(() => log.push(1));
  assert.is(env.peek(), 1);
  env.step();
  assert.equal(log, [1]);
  assert.is(env.now, 1);
  env.step();
  assert.equal(log, [1, 2]);
  assert.throws(() => env.step(), /Environment: step\(\) on an empty schedule/);
});

test('timeout rejects negative, NaN and infinite delays, naming the value', () => {
  const env = new Environment();
  assert.throws(() => env.timeout(-1), /Environment: timeout delay must be a finite number >= 0, got -1/);
  assert.throws(() => env.timeout(NaN), /got NaN/);
  assert.throws(() => env.timeout(Infinity), /got Infinity/);
  assert.throws(() => env.timeout('3' as unknown as number), /got 3/);
});

test('run(until) rejects NaN and times in the past', () => {
  const env = new Environment();
  env.timeout(5);
  env.run(5);
  assert.throws(() => env.run(4), /run\(until\) needs a number >= now \(5\), got 4/);
  assert.throws(() => env.run(NaN), /got NaN/);
});

test('run() from inside a process is refused', () => {
  const env = new Environment();
  let error: unknown;
  env.process(
    (function* () {
      yield env.timeout(1);
      try {
        env.run();
      } catch (e) {
        error = e;
      }
    })(),
  );
  env.run();
  assert.match(String(error), /run\(\) called while already running/);
});

test('process() names the mistake of passing the generator function itself', () => {
  const env = new Environment();
  function* gen() {
    yield env.timeout(1);
  }
  assert.throws(() => env.process(gen as never), /needs a generator object, got function \(call the generator function/);
  const iteratorLookalike = { next: () => ({ done: true, value: undefined }), throw: () => ({ done: true, value: undefined }) };
  assert.throws(() => env.process(iteratorLookalike as never), /needs a generator object, got object/);
});

test('a manual event carries its value to the waiting process', () => {
  const env = new Environment();
  const ev = env.event<string>();
  let got = '';
  env.process(
    (function* () {
      got = yield ev;
    })(),
  );
  env.timeout(4).addCallback(() => ev.succeed('go'));
  env.run();
  assert.is(got, 'go');
  assert.ok(ev.processed && ev.ok);
  assert.is(ev.value, 'go');
  assert.throws(() => ev.succeed('again'), /SimEvent: already triggered/);
});

test('value and ok of a pending event throw instead of lying', () => {
  const env = new Environment();
  const ev = env.event();
  assert.throws(() => ev.value, /value is not available before it triggers/);
  assert.throws(() => ev.ok, /ok is not known before it triggers/);
  assert.not.ok(ev.triggered);
});

test('a failed event nobody handles stops the run with its error', () => {
  const env = new Environment();
  env.event().fail(new Error('boom'));
  assert.throws(() => env.run(), /boom/);
});

test('a defused failure does not stop the run', () => {
  const env = new Environment();
  const ev = env.event();
  ev.fail(new Error('handled elsewhere'));
  ev.defuse();
  env.run();
  assert.ok(ev.processed);
  assert.not.ok(ev.ok);
});

test('addCallback on a processed event is refused', () => {
  const env = new Environment();
  const ev = env.timeout(1);
  env.run();
  assert.throws(() => ev.addCallback(() => {}), /already processed/);
});

test('allOf gives values in input order; anyOf gives the first', () => {
  const env = new Environment();
  let all: unknown;
  let any: unknown;
  let empty: unknown;
  env.process(
    (function* () {
      all = yield env.allOf([env.timeout(3, 'slow'), env.timeout(1, 'fast')]);
      const first = env.timeout(2, 'x');
      const r = yield env.anyOf([env.timeout(5, 'late'), first]);
      any = [r.event === first, r.value, env.now];
      empty = yield env.allOf([]);
    })(),
  );
  env.run();
  assert.equal(all, ['slow', 'fast']);
  assert.equal(any, [true, 'x', 5]);
  assert.equal(empty, []);
  assert.throws(() => env.anyOf([]), /anyOf\(\) needs at least one event/);
});

test('allOf fails with the first failure, and the failure is handled by it', () => {
  const env = new Environment();
  const bad = env.event();
  let caught: unknown;
  env.process(
    (function* () {
      try {
        yield env.allOf([env.timeout(5), bad]);
      } catch (e) {
        caught = e;
      }
    })(),
  );
  env.timeout(1).addCallback(() => bad.fail(new Error('part failed')));
  env.run();
  assert.match(String(caught), /part failed/);
});

test('conditions over events already processed trigger at once', () => {
  const env = new Environment();
  const done = env.timeout(1, 'v');
  env.run();
  let got: unknown;
  env.process(
    (function* () {
      got = yield env.allOf([done]);
    })(),
  );
  env.run();
  assert.equal(got, ['v']);
});

test('events of another environment are rejected', () => {
  const a = new Environment();
  const b = new Environment();
  assert.throws(() => a.allOf([b.timeout(1)]), /item 0 is not an event of this environment/);
  assert.ok(b.timeout(1) instanceof SimEvent);
});

test.run();
