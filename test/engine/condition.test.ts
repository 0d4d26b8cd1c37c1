/**
 * All-of and any-of. Like SimPy's Condition (`_remove_check_callbacks`), a condition that has
 * triggered takes its check off the events that did not trigger it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment } from '../../sim/engine/index.ts';

test('an anyOf that triggered leaves no check closure behind on a long-lived event', () => {
  const env = new Environment();
  const shutdown = env.event();
  env.process(
    (function* () {
      // the polling idiom: wake every hour or on shutdown
      for (let i = 0; i < 1000; i++) yield env.anyOf([env.timeout(1), shutdown]);
    })(),
  );
  env.run();
  // every one of the 1000 conditions is processed; none can trigger again
  const left = shutdown._waiters?.length ?? 0;
  assert.is(left, 0, `${left} dead anyOf checks still hang on the shutdown event (memory grows with run length)`);
});

test('an allOf that failed leaves no check closures on the events still pending', () => {
  const env = new Environment();
  const never = env.event();
  const bad = env.event();
  env.process(
    (function* () {
      try {
        yield env.allOf([bad, never]);
      } catch {
        /* handled */
      }
    })(),
  );
  bad.fail(new Error('boom'));
  env.run();
  assert.is(never._waiters?.length ?? 0, 0);
});

test('anyOf over an already-processed event triggers at once with it (SimPy semantics)', () => {
  const env = new Environment();
  const done = env.timeout(0, 'x');
  env.run();
  let got: unknown = null;
  env.process(
    (function* () {
      const v = yield env.anyOf([env.timeout(5), done]);
      got = [env.now, v.value];
    })(),
  );
  env.run();
  assert.equal(got, [0, 'x']);
});

test.run();
