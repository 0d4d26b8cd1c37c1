import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment, Interrupt, type Process } from '../../sim/engine/index.ts';

test('a process is an event: waiting on it gives its return value when it ends', () => {
  const env = new Environment();
  const child = env.process(
    (function* () {
      yield env.timeout(2);
      return 42;
    })(),
    'child',
  );
  let got: unknown;
  env.process(
    (function* () {
      got = [yield child, env.now];
    })(),
  );
  env.run();
  assert.equal(got, [42, 2]);
  assert.not.ok(child.isAlive);
  assert.is(child.value, 42);
  assert.is(child.name, 'child');
});

test('waiting on a process that already ended continues at once with its value', () => {
  const env = new Environment();
  const quick = env.process(
    (function* () {
      yield env.timeout(1);
      return 'done';
    })(),
  );
  let got: unknown;
  env.process(
    (function* () {
      yield env.timeout(5);
      got = [yield quick, env.now];
    })(),
  );
  env.run();
  assert.equal(got, ['done', 5]);
});

test('an error thrown in a process reaches the process waiting on it', () => {
  const env = new Environment();
  const failing = env.process(
    (function* () {
      yield env.timeout(1);
      throw new Error('engine fire');
    })(),
  );
  let caught: unknown;
  env.process(
    (function* () {
      try {
        yield failing;
      } catch (e) {
        caught = e;
      }
    })(),
  );
  env.run();
  assert.match(String(caught), /engine fire/);
});

test('an error thrown in a process nobody waits on stops the run', () => {
  const env = new Environment();
  env.process(
    (function* () {
      yield env.timeout(1);
      throw new Error('unhandled');
    })(),
  );
  assert.throws(() => env.run(), /unhandled/);
});

test('a failed event is thrown into the waiting process, which may recover', () => {
  const env = new Environment();
  const ev = env.event();
  const log: string[] = [];
  env.process(
    (function* () {
      try {
        yield ev;
      } catch (e) {
        log.push(`caught ${(e as Error).message}`);
      }
      yield env.timeout(1);
      log.push(`went on at ${env.now}`);
    })(),
  );
  env.timeout(2).addCallback(() => ev.fail(new Error('denied')));
  env.run();
  assert.equal(log, ['caught denied', 'went on at 3']);
});

test('interrupt throws an Interrupt with its cause at the current yield, at the current time', () => {
  const env = new Environment();
  const log: string[] = [];
  const sleeper = env.process(
    (function* () {
      try {
        yield env.timeout(100);
        log.push('slept');
      } catch (e) {
        assert.instance(e, Interrupt);
        log.push(`interrupted at ${env.now} because ${String((e as Interrupt).cause)}`);
      }
      yield env.timeout(1);
      log.push(`resumed work at ${env.now}`);
    })(),
  );
  env.process(
    (function* () {
      yield env.timeout(7);
      sleeper.interrupt('recalled');
    })(),
  );
  env.run();
  assert.equal(log, ['interrupted at 7 because recalled', 'resumed work at 8']);
  assert.is(env.now, 100, 'the abandoned timeout still fires, with nobody waiting');
});

test('an interrupted process no longer waits for the event it was on', () => {
  const env = new Environment();
  const signal = env.event<string>();
  const seen: string[] = [];
  const proc = env.process(
    (function* () {
      try {
        yield signal;
      } catch {
        seen.push('interrupt');
      }
      seen.push(yield env.timeout(5, 'after'));
    })(),
  );
  env.timeout(1).addCallback(() => proc.interrupt());
  env.timeout(2).addCallback(() => signal.succeed('late signal'));
  env.run();
  assert.equal(seen, ['interrupt', 'after']);
});

test('an uncaught interrupt ends the process with the Interrupt as its error', () => {
  const env = new Environment();
  const victim = env.process(
    (function* () {
      yield env.timeout(10);
    })(),
  );
  let caught: unknown;
  env.process(
    (function* () {
      try {
        yield victim;
      } catch (e) {
        caught = e;
      }
    })(),
  );
  env.timeout(1).addCallback(() => victim.interrupt({ kind: 'shot down' }));
  env.run();
  assert.instance(caught, Interrupt);
  assert.equal((caught as Interrupt).cause, { kind: 'shot down' });
});

test('interrupts are refused on a finished process and on oneself', () => {
  const env = new Environment();
  const done = env.process(
    (function* () {
      yield env.timeout(1);
    })(),
    'sortie AB101',
  );
  env.run();
  assert.throws(() => done.interrupt(), /Process "sortie AB101": cannot interrupt, it has already finished/);
  let self: Process<void> | undefined;
  let error: unknown;
  self = env.process(
    (function* () {
      try {
        (self as Process<void>).interrupt();
      } catch (e) {
        error = e;
      }
      yield env.timeout(1);
    })(),
    'selfish',
  );
  env.run();
  assert.match(String(error), /Process "selfish": a process cannot interrupt itself/);
});

test('yielding something that is not an event throws a TypeError into the process', () => {
  const env = new Environment();
  let caught: unknown;
  env.process(
    (function* (): Generator<any, void, any> {
      try {
        yield 5;
      } catch (e) {
        caught = e;
      }
    })(),
    'confused',
  );
  env.run();
  assert.instance(caught, TypeError);
  assert.match(String(caught), /Process "confused": yielded number 5/);
});

test('succeed and fail are refused on a process', () => {
  const env = new Environment();
  const p = env.process(
    (function* () {
      yield env.timeout(1);
    })(),
    'p',
  );
  assert.throws(() => p.succeed(), /Process "p": a process triggers by returning/);
  assert.throws(() => p.fail(), /Process "p": a process triggers by throwing/);
});

test('a process without a name is named by its order of creation', () => {
  const env = new Environment();
  env.process((function* () {})());
  const second = env.process((function* () {})());
  assert.is(second.name, 'process 2');
});

test('activeProcess is the running process inside it and null in callbacks, between runs and after a failure', () => {
  const env = new Environment();
  const seen: unknown[] = [];
  let a: Process<void> | null = null;
  a = env.process(
    (function* () {
      seen.push(['a start', env.activeProcess === a]);
      yield env.timeout(0); // resumed twice in a row
      seen.push(['a again', env.activeProcess === a]);
      const ev = env.timeout(1);
      ev.addCallback(() => seen.push(['callback', env.activeProcess]));
      yield ev;
      seen.push(['a after callback event', env.activeProcess === a]);
    })(),
  );
  env.run(0.5);
  seen.push(['between runs', env.activeProcess]);
  env.run();
  seen.push(['after run', env.activeProcess]);
  assert.equal(seen, [
    ['a start', true],
    ['a again', true],
    ['between runs', null],
    ['callback', null], // added before the process began to wait, so it runs first
    ['a after callback event', true],
    ['after run', null],
  ]);
  env.process(
    (function* () {
      yield env.timeout(1);
      throw new Error('boom');
    })(),
  );
  assert.throws(() => env.run(), /boom/);
  assert.is(env.activeProcess, null);
  env.process((function* () {})());
  env.step();
  assert.is(env.activeProcess, null);
});

test('target is the awaited event while suspended, null while running and once finished', () => {
  const env = new Environment();
  const seen: [string, unknown][] = [];
  const first = env.timeout(2);
  const second = env.timeout(5);
  // Declared before it is assigned: the generator reads it once the process runs.
  let a = null as unknown as Process<void>;
  a = env.process(
    (function* () {
      seen.push(['running', a.target]);
      yield first;
      seen.push(['running again', a.target]);
      yield second;
    })(),
  );
  env.process(
    (function* () {
      yield env.timeout(1);
      seen.push(['seen from b at 1', a.target === first]);
      yield env.timeout(2);
      seen.push(['seen from b at 3', a.target === second]);
    })(),
  );
  env.run(4);
  seen.push(['between runs', a.target === second]);
  env.run();
  seen.push(['finished', a.target]);
  assert.equal(seen, [
    ['running', null],
    ['seen from b at 1', true],
    ['running again', null],
    ['seen from b at 3', true],
    ['between runs', true],
    ['finished', null],
  ]);
});

test('an interrupt after a resume takes the process off its current target, not the one it resumed from', () => {
  const env = new Environment();
  const log: string[] = [];
  const first = env.timeout(1);
  const second = env.timeout(10);
  const a = env.process(
    (function* () {
      yield first;
      try {
        yield second;
      } catch (err) {
        log.push(`${(err as Interrupt).cause}@${env.now}`);
      }
      yield env.timeout(1);
      log.push(`done@${env.now}`);
    })(),
  );
  env.process(
    (function* () {
      yield env.timeout(3);
      a.interrupt('recall');
    })(),
  );
  env.run();
  assert.equal(log, ['recall@3', 'done@4']);
  assert.ok(second.processed, 'the abandoned timeout still fires, with nobody waiting');
});

test.run();
