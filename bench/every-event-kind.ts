/**
 * A small model that passes every kind of event the engine has through its loop: timeouts,
 * manual events, all-of and any-of, store and container puts and gets, resource requests,
 * processes and an interrupt. The M/M/1 section runs it before timing anything, so that the
 * engine is measured in the state a model using all of its parts leaves it in: V8 specialises
 * the loop for the event classes it has seen, and a model using only some of them would
 * otherwise flatter it (see PLAIN EVENTS in sim/engine/event.ts).
 */
import { Container, Environment, Resource, Store } from '../sim/engine/index.ts';

/** Runs the model `rounds` times with `steps` steps each; returns the events processed. */
export function runEveryEventKind(rounds = 3, steps = 20_000): number {
  let events = 0;
  for (let round = 0; round < rounds; round++) {
    const env = new Environment();
    const store = new Store<number>(env, { name: 'store' });
    const container = new Container(env, { name: 'container' });
    const resource = new Resource(env, { name: 'resource', capacity: 1 });
    const worker = env.process(
      (function* () {
        for (let i = 0; i < steps; i++) {
          store.put(i);
          yield store.get();
          container.put(1);
          yield container.get(1);
          const req = resource.request();
          yield req;
          resource.release(req);
          yield env.anyOf([env.timeout(1), env.timeout(2)]);
          yield env.allOf([env.timeout(1), env.timeout(0)]);
          const ev = env.event<number>();
          ev.succeed(i);
          yield ev;
        }
        try {
          yield env.timeout(1e9);
        } catch {
          // the interrupt below ends the run
        }
      })(),
    );
    env.process(
      (function* () {
        yield env.timeout(10 * steps);
        worker.interrupt('end');
      })(),
    );
    env.run();
    events += env.eventsProcessed;
  }
  return events;
}
