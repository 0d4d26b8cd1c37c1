/**
 * Preemption and interrupts on a Resource: preemption only when it frees a slot, retried when a
 * preempting request reaches the head of the line, and what an interrupted waiter must release.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment, Interrupt, Resource, type Request } from '../../sim/engine/index.ts';

function holder(env: Environment, res: Resource, name: string, priority: number, log: string[]) {
  return env.process(
    (function* () {
      const req = res.request({ priority });
      yield req;
      log.push(`${name} granted @${env.now}`);
      try {
        yield env.timeout(100);
        log.push(`${name} done @${env.now}`);
      } catch (e) {
        if (!(e instanceof Interrupt)) throw e;
        log.push(`${name} evicted @${env.now}`);
      } finally {
        res.release(req);
      }
    })(),
    name,
  );
}

test('a preempting request on a resource over capacity evicts nobody unless the eviction grants it', () => {
  const env = new Environment();
  const ramp = new Resource(env, { name: 'ramp', capacity: 3, preemptive: true });
  const log: string[] = [];
  for (const n of ['a', 'b', 'c']) holder(env, ramp, n, 5, log);
  env.run(1);
  ramp.setCapacity(1); // night: 3 holders, 1 slot; nobody is evicted (documented)
  let vipReq: Request | null = null;
  env.process(
    (function* () {
      vipReq = ramp.request({ priority: 0, preempt: true });
      yield vipReq;
      log.push(`vip granted @${env.now}`);
      ramp.release(vipReq);
    })(),
  );
  env.run(2);
  // What happens now: c is interrupted "preempted by vip" at 1, yet vip stays queued (2 holders > 1 slot).
  const evicted = log.filter((l) => l.includes('evicted'));
  const vipGranted = log.some((l) => l.startsWith('vip granted'));
  assert.ok(vipGranted || evicted.length === 0, `evicted ${JSON.stringify(evicted)} but vip granted=${vipGranted}, queue=${ramp.queueLength}, count=${ramp.count}`);
});

test('a preempting request that reaches the head of the line preempts then (SimPy retries its head at the next request or release)', () => {
  const env = new Environment();
  const res = new Resource(env, { name: 'crew', capacity: 1, preemptive: true });
  const log: string[] = [];
  holder(env, res, 'low', 5, log); // holds from 0 to 100
  env.process(
    (function* () {
      yield env.timeout(1);
      // better waiting request, no preempt: queues at the head
      const h = res.request({ priority: -1 });
      // preempting request behind it: queues (documented, as in SimPy)
      const p = res.request({ priority: 0, preempt: true });
      // withdraw h: p is now the head and is better than the holder
      res.release(h);
      yield env.timeout(1);
      // any later request makes SimPy's _trigger_put try the head again, which preempts 'low'
      const other = res.request({ priority: 9 });
      yield env.timeout(1);
      log.push(`p holding=${p.isHolding} @${env.now}`);
      if (p.isHolding) res.release(p);
      res.release(other);
    })(),
  );
  env.run(10);
  assert.ok(log.includes('p holding=true @3'), JSON.stringify(log));
});

test('an interrupted waiter that does not release its request is granted later and keeps the slot, as in SimPy', () => {
  const env = new Environment();
  const res = new Resource(env, { name: 'ramp', capacity: 1 });
  const log: string[] = [];
  holder(env, res, 'first', 0, log); // holds 0..100
  const waiter = env.process(
    (function* () {
      const req = res.request();
      try {
        yield req;
      } catch (e) {
        log.push(`waiter interrupted, queue ${res.queueLength}`);
      }
      // no res.release(req): the user forgot, as SimPy users do without `with`
    })(),
  );
  env.process(
    (function* () {
      yield env.timeout(1);
      waiter.interrupt('give up');
    })(),
  );
  env.run();
  assert.equal(log[1], 'waiter interrupted, queue 1');
  assert.is(res.count, 1, 'the abandoned request was granted at 100 and never released: a leaked slot');
});

test('with try/finally release an interrupted waiter withdraws its request and leaks nothing', () => {
  const env = new Environment();
  const res = new Resource(env, { name: 'ramp', capacity: 1 });
  const log: string[] = [];
  holder(env, res, 'first', 0, log);
  const waiter = env.process(
    (function* () {
      const req = res.request();
      try {
        yield req;
      } catch {
        log.push('interrupted');
      } finally {
        res.release(req);
      }
    })(),
  );
  env.process(
    (function* () {
      yield env.timeout(1);
      waiter.interrupt();
    })(),
  );
  env.run();
  assert.is(res.count, 0);
  assert.is(res.queueLength, 0);
});

test('an interrupt and a grant at the same instant: the interrupt wins, and release in finally returns the granted slot', () => {
  const env = new Environment();
  const res = new Resource(env, { name: 'ramp', capacity: 1 });
  const first = res.request();
  const waiter = env.process(
    (function* () {
      const req = res.request();
      try {
        yield req;
        return 'granted';
      } catch {
        return `interrupted holding=${req.isHolding}`;
      } finally {
        res.release(req);
      }
    })(),
  );
  env.process(
    (function* () {
      yield env.timeout(1);
      res.release(first); // grants waiter's request now (scheduled, normal priority)
      waiter.interrupt(); // urgent: delivered before the grant is processed
    })(),
  );
  env.run();
  assert.is(waiter.value, 'interrupted holding=true');
  assert.is(res.count, 0);
});

test.run();
