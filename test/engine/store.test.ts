import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment, Store } from '../../sim/engine/index.ts';

interface Load {
  id: string;
  outsize: boolean;
}

test('a filtered get that cannot be served does not block later getters', () => {
  const env = new Environment();
  const loads = new Store<Load>(env, { name: 'loads at AB101' });
  const log: string[] = [];
  env.process(
    (function* () {
      const l: Load = yield loads.get((x) => x.outsize);
      log.push(`C-17 took ${l.id} at ${env.now}`);
    })(),
  );
  env.process(
    (function* () {
      const l: Load = yield loads.get((x) => !x.outsize);
      log.push(`C-130 took ${l.id} at ${env.now}`);
    })(),
  );
  env.timeout(1).addCallback(() => loads.put({ id: 'pallets', outsize: false }));
  env.timeout(3).addCallback(() => loads.put({ id: 'helicopter', outsize: true }));
  env.run();
  assert.equal(log, ['C-130 took pallets at 1', 'C-17 took helicopter at 3']);
});

test('getters take the oldest matching item, in the order they asked', () => {
  const env = new Environment();
  const s = new Store<number>(env, { name: 'numbers' });
  for (const n of [1, 2, 3, 4]) s.put(n);
  const got: number[] = [];
  env.process(
    (function* () {
      got.push(yield s.get((n) => n % 2 === 0));
      got.push(yield s.get());
      got.push(yield s.get((n) => n > 2));
    })(),
  );
  env.run();
  assert.equal(got, [2, 1, 3]);
  assert.equal(s.items, [4]);
});

test('a put into a full store waits until a get makes room', () => {
  const env = new Environment();
  const s = new Store<string>(env, { name: 'apron', capacity: 1 });
  s.put('a');
  let putAt = -1;
  env.process(
    (function* () {
      yield s.put('b');
      putAt = env.now;
    })(),
  );
  env.timeout(5).addCallback(() => s.get());
  env.run();
  assert.is(putAt, 5);
  assert.equal(s.items, ['b']);
});

test('a waiting get can be cancelled so it takes nothing later', () => {
  const env = new Environment();
  const s = new Store<string>(env, { name: 's' });
  const g = s.get();
  assert.ok(s.cancel(g));
  s.put('x');
  assert.equal(s.items, ['x']);
  assert.not.ok(g.triggered);
});

test('bad settings are refused naming the store and value', () => {
  const env = new Environment();
  assert.throws(() => new Store(env, { name: 'apron', capacity: 0 }), /Store "apron": capacity must be >= 1, got 0/);
  const s = new Store(env, { name: 'apron' });
  assert.throws(() => s.get('outsize' as never), /Store "apron": get filter must be a function, got string/);
});

test('an interrupted getter on a Store must cancel its get, or the item it would take disappears (SimPy semantics)', () => {
  const env = new Environment();
  const store = new Store<string>(env, { name: 'pallets' });
  const getter = env.process(
    (function* () {
      const g = store.get();
      try {
        yield g;
      } catch {
        /* interrupted, forgot store.cancel(g) */
      }
    })(),
  );
  env.process(
    (function* () {
      yield env.timeout(1);
      getter.interrupt();
      yield env.timeout(1);
      store.put('pallet 1');
    })(),
  );
  env.run();
  assert.is(store.items.length, 0, 'the abandoned get took the pallet');
});

test.run();
