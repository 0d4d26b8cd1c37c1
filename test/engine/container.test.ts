import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Container, Environment } from '../../sim/engine/index.ts';

test('a get waits until enough stock has been put', () => {
  const env = new Environment();
  const tons = new Container(env, { name: 'tons ready', init: 5 });
  const log: string[] = [];
  env.process(
    (function* () {
      yield tons.get(12);
      log.push(`loaded 12 at ${env.now}, level ${tons.level}`);
    })(),
  );
  for (const t of [1, 2, 3]) env.timeout(t).addCallback(() => tons.put(3));
  env.run();
  assert.equal(log, ['loaded 12 at 3, level 2']);
});

test('gets are served in order: a big get at the head is not overtaken', () => {
  const env = new Environment();
  const fuel = new Container(env, { name: 'fuel', init: 0 });
  const log: string[] = [];
  for (const [name, amount] of [['big', 10], ['small', 1]] as const) {
    env.process(
      (function* () {
        yield fuel.get(amount);
        log.push(`${name}@${env.now}`);
      })(),
    );
  }
  env.timeout(1).addCallback(() => fuel.put(5));
  env.timeout(2).addCallback(() => fuel.put(6));
  env.run();
  assert.equal(log, ['big@2', 'small@2']);
});

test('a put waits for room below the capacity', () => {
  const env = new Environment();
  const tank = new Container(env, { name: 'tank', capacity: 10, init: 8 });
  let putAt = -1;
  env.process(
    (function* () {
      yield tank.put(5);
      putAt = env.now;
    })(),
  );
  env.timeout(4).addCallback(() => tank.get(3));
  env.run();
  assert.is(putAt, 4);
  assert.is(tank.level, 10);
});

test('a waiting get can be cancelled', () => {
  const env = new Environment();
  const c = new Container(env, { name: 'c' });
  const g = c.get(5);
  assert.is(c.getQueueLength, 1);
  assert.ok(c.cancel(g));
  c.put(5);
  assert.is(c.level, 5);
  assert.not.ok(c.cancel(g));
});

test('bad amounts and settings are refused naming the container and value', () => {
  const env = new Environment();
  const c = new Container(env, { name: 'tons ready', capacity: 100 });
  assert.throws(() => c.get(0), /Container "tons ready": get amount must be > 0, finite and <= capacity 100, got 0/);
  assert.throws(() => c.put(-1), /put amount .* got -1/);
  assert.throws(() => c.put(101), /got 101/);
  assert.throws(() => c.get(NaN), /got NaN/);
  assert.throws(() => new Container(env, { name: 'x', capacity: 0 }), /Container "x": capacity must be > 0, got 0/);
  assert.throws(() => new Container(env, { name: 'x', capacity: 5, init: 6 }), /init must be between 0 and capacity 5, got 6/);
});

test('a get of what is left after float arithmetic is served (0.3 put, 0.1 then 0.2 taken)', () => {
  const env = new Environment();
  const fuel = new Container(env, { name: 'fuel' });
  const log: string[] = [];
  env.process(
    (function* () {
      yield fuel.put(0.3);
      yield fuel.get(0.1);
      log.push(`level ${fuel.level}`);
      yield fuel.get(0.2);
      log.push('got 0.2');
    })(),
  );
  env.run();
  assert.equal(log, ['level 0.19999999999999998', 'got 0.2'], `get(0.2) waits forever; queue ${fuel.getQueueLength}`);
});

test('a put that fills the container exactly is served (0.1 + 0.2 into capacity 0.3)', () => {
  const env = new Environment();
  const tank = new Container(env, { name: 'tank', capacity: 0.3 });
  tank.put(0.1);
  const last = tank.put(0.2);
  env.run();
  assert.ok(last.triggered, `level ${tank.level}, put queue ${tank.putQueueLength}`);
});

test.run();
