import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment, Resource, Store } from '../../sim/engine/index.ts';
import { createStream } from '../../sim/random/index.ts';

/** A small model with ties, priorities and a store; returns a trace of every step. */
function traceOf(seed: string): string[] {
  const rng = createStream(seed, 0, 'trace');
  const env = new Environment();
  const ramp = new Resource(env, { name: 'ramp', capacity: 2, preemptive: true });
  const loads = new Store<number>(env, { name: 'loads' });
  const trace: string[] = [];
  const round = (x: number) => Math.round(x * 4) / 4; // quarter hours: plenty of same-time ties
  for (let i = 0; i < 40; i++) {
    env.process(
      (function* () {
        yield env.timeout(round(rng.next() * 20));
        const req = ramp.request({ priority: Math.floor(rng.next() * 3), preempt: rng.next() < 0.2 });
        try {
          yield req;
          trace.push(`${env.now} a${i} on ramp`);
          yield env.timeout(round(rng.next() * 3));
          loads.put(i);
          ramp.release(req);
        } catch {
          trace.push(`${env.now} a${i} preempted`);
        }
      })(),
    );
  }
  env.process(
    (function* () {
      for (;;) {
        const n: number = yield loads.get((x) => x % 2 === 0);
        trace.push(`${env.now} took ${n}`);
      }
    })(),
  );
  env.run(100);
  return trace;
}

test('the same seed gives an identical trace', () => {
  const a = traceOf('niger');
  assert.ok(a.length > 40);
  assert.equal(traceOf('niger'), a);
});

test('a different seed gives a different trace (the trace depends on the stream)', () => {
  assert.not.equal(traceOf('niger'), traceOf('chad'));
});

test.run();
