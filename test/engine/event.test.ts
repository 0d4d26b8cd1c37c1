import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Container, Environment, Process, Request, Resource, SimEvent, Store } from '../../sim/engine/index.ts';

// The loop's property accesses stay fast for at most four classes of event (see PLAIN EVENTS in
// sim/engine/event.ts): every event the engine hands out must be one of these three.
const ALLOWED = new Set<object>([SimEvent.prototype, Process.prototype, Request.prototype]);

test('every event the engine hands out is a SimEvent, a Process or a Request, never another subclass', () => {
  const env = new Environment();
  const store = new Store<string>(env, { name: 'loads', capacity: 1 });
  const container = new Container(env, { name: 'tons ready', capacity: 10 });
  const ramp = new Resource(env, { name: 'ramp', capacity: 1 });
  const seen: SimEvent<any>[] = [];
  const keep = <E extends SimEvent<any>>(ev: E): E => {
    seen.push(ev);
    return ev;
  };
  const worker = keep(
    env.process(
      (function* () {
        yield keep(store.put('pallets'));
        const waitingPut = keep(store.put('helicopter')); // waits: capacity 1
        yield keep(store.get());
        yield waitingPut;
        yield keep(store.get((x) => x === 'helicopter'));
        yield keep(container.put(4));
        yield keep(container.get(3));
        const req = keep(ramp.request());
        yield req;
        ramp.release(req);
        yield keep(env.allOf([keep(env.timeout(1)), keep(env.timeout(2))]));
        yield keep(env.anyOf([keep(env.timeout(1)), keep(env.event())]));
        try {
          yield keep(env.timeout(100));
        } catch (err) {
          return (err as Error).name; // the interrupt, delivered by an event of the engine's own
        }
        return 'not interrupted';
      })(),
    ),
  );
  env.process(
    (function* () {
      yield env.timeout(5);
      worker.interrupt('stop');
    })(),
  );
  env.run();
  assert.is(seen.length, 15);
  assert.is(worker.value, 'Interrupt', 'the worker ran to its interrupt');
  const others = seen.map((ev) => Object.getPrototypeOf(ev) as object).filter((p) => !ALLOWED.has(p));
  assert.equal(others, [], 'an event of another class');
});

test.run();
