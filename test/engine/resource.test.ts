import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment, Interrupt, Resource, type Preempted, type Request } from '../../sim/engine/index.ts';

/** Runs a user that requests, holds for `hold`, releases; logs grant times. */
function user(env: Environment, res: Resource, name: string, hold: number, log: string[], opts = {}) {
  return env.process(
    (function* () {
      const req = res.request(opts);
      yield req;
      log.push(`${name}@${env.now}`);
      yield env.timeout(hold);
      res.release(req);
    })(),
    name,
  );
}

test('capacity limits simultaneous holders; waiters are served first come, first served', () => {
  const env = new Environment();
  const ramp = new Resource(env, { name: 'ramp', capacity: 2 });
  const log: string[] = [];
  for (const n of ['a', 'b', 'c', 'd']) user(env, ramp, n, 3, log);
  env.run(1);
  assert.is(ramp.count, 2);
  assert.is(ramp.queueLength, 2);
  env.run();
  assert.equal(log, ['a@0', 'b@0', 'c@3', 'd@3']);
});

test('lower priority numbers are served first, FIFO among equals', () => {
  const env = new Environment();
  const res = new Resource(env, { name: 'crew', capacity: 1 });
  const log: string[] = [];
  user(env, res, 'holder', 5, log);
  env.process(
    (function* () {
      yield env.timeout(1);
      user(env, res, 'routine1', 1, log, { priority: 2 });
      user(env, res, 'urgent', 1, log, { priority: 0 });
      user(env, res, 'routine2', 1, log, { priority: 2 });
      user(env, res, 'medium', 1, log, { priority: 1 });
    })(),
  );
  env.run();
  assert.equal(log, ['holder@0', 'urgent@5', 'medium@6', 'routine1@7', 'routine2@8']);
});

test('a preempting request evicts the worst holder, which gets an Interrupt saying why', () => {
  const env = new Environment();
  const ramp = new Resource(env, { name: 'AB101 ramp', capacity: 1, preemptive: true });
  let cause: Preempted | undefined;
  let vipReq: Request | undefined;
  env.process(
    (function* () {
      const req = ramp.request({ priority: 5 });
      yield req;
      try {
        yield env.timeout(10);
        ramp.release(req);
      } catch (e) {
        assert.instance(e, Interrupt);
        cause = (e as Interrupt).cause as Preempted;
        assert.ok(req.wasPreempted);
        ramp.release(req); // releasing an evicted request is harmless
      }
    })(),
    'cargo',
  );
  env.process(
    (function* () {
      yield env.timeout(3);
      vipReq = ramp.request({ priority: 0, preempt: true });
      yield vipReq;
      yield env.timeout(1);
      ramp.release(vipReq);
    })(),
    'medevac',
  );
  env.run();
  assert.ok(cause);
  assert.is(cause?.kind, 'preempted');
  assert.is(cause?.by, vipReq);
  assert.is(cause?.usageSince, 0);
  assert.is(ramp.count, 0);
});

test('preemption needs a strictly better priority and a preemptive resource', () => {
  const env = new Environment();
  const plain = new Resource(env, { name: 'plain', capacity: 1 });
  const strict = new Resource(env, { name: 'strict', capacity: 1, preemptive: true });
  const log: string[] = [];
  user(env, plain, 'p-holder', 4, log, { priority: 5 });
  user(env, strict, 's-holder', 4, log, { priority: 1 });
  env.process(
    (function* () {
      yield env.timeout(1);
      user(env, plain, 'p-vip', 1, log, { priority: 0, preempt: true });
      user(env, strict, 's-equal', 1, log, { priority: 1, preempt: true });
    })(),
  );
  env.run();
  assert.equal(log, ['p-holder@0', 's-holder@0', 'p-vip@4', 's-equal@4']);
});

test('a preempting request behind a better waiting request queues without evicting anyone (as in SimPy)', () => {
  // SimPy serves the head of the line first; a preempting request that is not at the head
  // never gets to preempt. Evicting a holder here would free a slot that the better request
  // at the head does not get either.
  const env = new Environment();
  const ramp = new Resource(env, { name: 'ramp', capacity: 1, preemptive: true });
  const log: string[] = [];
  let interrupted = false;
  env.process(
    (function* () {
      const req = ramp.request({ priority: 2 });
      yield req;
      log.push(`holder@${env.now}`);
      try {
        yield env.timeout(4);
      } catch (err) {
        if (err instanceof Interrupt) interrupted = true;
        else throw err;
      }
      ramp.release(req);
    })(),
  );
  env.process(
    (function* () {
      yield env.timeout(1);
      user(env, ramp, 'waiting', 1, log, { priority: 0 });
      yield env.timeout(1);
      user(env, ramp, 'preempter', 1, log, { priority: 1, preempt: true });
    })(),
  );
  env.run(3);
  assert.is(ramp.count, 1, 'the holder still holds the ramp');
  assert.is(ramp.queueLength, 2);
  env.run();
  assert.not.ok(interrupted, 'the holder was not preempted');
  assert.equal(log, ['holder@0', 'waiting@4', 'preempter@5']);
});

test('releasing a queued request cancels it', () => {
  const env = new Environment();
  const res = new Resource(env, { name: 'r', capacity: 1 });
  const log: string[] = [];
  user(env, res, 'holder', 5, log);
  env.run(1);
  const waiting = res.request();
  assert.is(res.queueLength, 1);
  res.release(waiting);
  assert.is(res.queueLength, 0);
  env.run();
  assert.not.ok(waiting.triggered);
});

test('release errors name the resource and what was wrong', () => {
  const env = new Environment();
  const a = new Resource(env, { name: 'AB101 ramp', capacity: 1 });
  const b = new Resource(env, { name: 'AB201 ramp', capacity: 1 });
  const req = a.request();
  assert.throws(() => b.release(req), /Resource "AB201 ramp": cannot release a request of Resource "AB101 ramp"/);
  a.release(req);
  assert.throws(() => a.release(req), /Resource "AB101 ramp": release of Request #0 on Resource "AB101 ramp", which does not hold it \(already released\)/);
  assert.throws(() => a.release({} as Request), /Resource "AB101 ramp": cannot release/);
});

test('capacity below 1 is refused at construction, naming the resource and value', () => {
  const env = new Environment();
  assert.throws(() => new Resource(env, { name: 'AB101 ramp', capacity: 0 }), /Resource "AB101 ramp": capacity must be >= 1, got 0/);
  assert.throws(() => new Resource(env, { name: 'x', capacity: 1.5 }), /capacity must be >= 1, got 1.5/);
  assert.throws(() => new Resource(env, { name: 'x', capacity: NaN }), /got NaN/);
  assert.throws(() => new Resource(env, { name: 'x', capacity: 1 }).request({ priority: NaN }), /priority must be a finite number, got NaN/);
});

test('lowering capacity never evicts holders; raising it serves waiters at once', () => {
  const env = new Environment();
  const res = new Resource(env, { name: 'ramp', capacity: 2 });
  const log: string[] = [];
  user(env, res, 'a', 10, log);
  user(env, res, 'b', 12, log);
  user(env, res, 'c', 1, log);
  user(env, res, 'd', 1, log);
  env.run(1);
  res.setCapacity(1);
  assert.is(res.count, 2, 'both holders stay');
  env.run(11);
  assert.equal(log, ['a@0', 'b@0'], 'a released at 10, but b still holds the only slot');
  env.run();
  assert.equal(log, ['a@0', 'b@0', 'c@12', 'd@13']);

  const env2 = new Environment();
  const res2 = new Resource(env2, { name: 'ramp', capacity: 1 });
  const log2: string[] = [];
  for (const n of ['a', 'b', 'c']) user(env2, res2, n, 10, log2);
  env2.run(2);
  res2.setCapacity(3);
  env2.run();
  assert.equal(log2, ['a@0', 'b@2', 'c@2']);
  assert.throws(() => res.setCapacity(-1), /Resource "ramp": capacity must be an integer >= 0, got -1/);
  assert.throws(() => res.setCapacity(0.5), /got 0.5/);
});

test('users is a copy of the holders in grant order; a release from the middle keeps the order', () => {
  const env = new Environment();
  const res = new Resource(env, { name: 'spots', capacity: 3 });
  const reqs = [res.request(), res.request(), res.request()];
  const waiting = res.request();
  assert.equal(res.users, reqs);
  const copy = res.users;
  copy.pop();
  assert.is(res.count, 3, 'changing the copy changes nothing');
  res.release(reqs[1] as Request);
  assert.equal(res.users, [reqs[0], reqs[2], waiting]);
  assert.is(res.count, 3);
  res.release(reqs[0] as Request);
  res.release(waiting);
  assert.equal(res.users, [reqs[2]]);
  env.run();
});

test.run();
