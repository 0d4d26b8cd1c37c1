import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Environment, Resource, scheduleCapacity } from '../../sim/engine/index.ts';

const nightClosure = { periodH: 24, steps: [{ at: 0, capacity: 0 }, { at: 6, capacity: 2 }, { at: 18, capacity: 0 }] };

test('a periodic schedule closes the airfield at night and reopens it every morning', () => {
  const env = new Environment();
  const ramp = new Resource(env, { name: 'ramp', capacity: 2 });
  scheduleCapacity(env, ramp, nightClosure);
  assert.is(ramp.capacity, 0, 'the step in force at time 0 applies at once');
  const seen: [number, number][] = [];
  for (const t of [5.5, 6.5, 17.5, 18.5, 29.5, 30.5, 42.5]) env.timeout(t).addCallback(() => seen.push([t, ramp.capacity]));
  env.run(50);
  assert.equal(seen, [[5.5, 0], [6.5, 2], [17.5, 2], [18.5, 0], [29.5, 0], [30.5, 2], [42.5, 0]]);
});

test('aircraft arriving at night wait for the morning opening', () => {
  const env = new Environment();
  const ramp = new Resource(env, { name: 'ramp', capacity: 2 });
  scheduleCapacity(env, ramp, nightClosure);
  const landed: number[] = [];
  for (const arrive of [2, 3, 4, 20]) {
    env.process(
      (function* () {
        yield env.timeout(arrive);
        const spot = ramp.request();
        yield spot;
        landed.push(env.now);
        yield env.timeout(1);
        ramp.release(spot);
      })(),
    );
  }
  env.run(48);
  assert.equal(landed, [6, 6, 7, 30]);
});

test('a schedule started mid-period applies the step in force, wrapping to the previous period', () => {
  const env = new Environment(21);
  const ramp = new Resource(env, { name: 'ramp', capacity: 5 });
  scheduleCapacity(env, ramp, { periodH: 24, steps: [{ at: 6, capacity: 3 }, { at: 18, capacity: 1 }] });
  assert.is(ramp.capacity, 1);
  env.run(30.5); // next opening at 24 + 6 = 30
  assert.is(ramp.capacity, 3);
});

test('one-off steps apply at their absolute times and then stop', () => {
  const env = new Environment();
  const ramp = new Resource(env, { name: 'ramp', capacity: 4 });
  const schedule = scheduleCapacity(env, ramp, { steps: [{ at: 10, capacity: 1 }, { at: 20, capacity: 3 }] });
  assert.is(ramp.capacity, 4, 'nothing in force yet');
  env.run(15);
  assert.is(ramp.capacity, 1);
  env.run();
  assert.is(ramp.capacity, 3);
  assert.is(env.now, 20, 'a one-off schedule leaves an empty event list');
  assert.not.ok(schedule.active);
});

test('stopping a schedule freezes the capacity and lets the event list empty', () => {
  const env = new Environment();
  const ramp = new Resource(env, { name: 'ramp', capacity: 2 });
  const schedule = scheduleCapacity(env, ramp, nightClosure);
  env.run(7);
  assert.ok(schedule.active);
  schedule.stop();
  env.run();
  assert.is(ramp.capacity, 2);
  assert.not.ok(schedule.active);
  assert.is(env.now, 18, 'the already scheduled change fires, doing nothing');
});

test('bad schedules are refused naming the target and the step', () => {
  const env = new Environment();
  const ramp = new Resource(env, { name: 'AB101 ramp', capacity: 2 });
  assert.throws(() => scheduleCapacity(env, ramp, { steps: [] }), /scheduleCapacity for "AB101 ramp": steps must be a non-empty list/);
  assert.throws(
    () => scheduleCapacity(env, ramp, { periodH: 24, steps: [{ at: 6, capacity: 1 }, { at: 6, capacity: 2 }] }),
    /steps\[1\]\.at must be after steps\[0\]\.at \(6\), got 6/,
  );
  assert.throws(() => scheduleCapacity(env, ramp, { periodH: 24, steps: [{ at: 30, capacity: 1 }] }), /steps\[0\]\.at must be in \[0, 24\), got 30/);
  assert.throws(() => scheduleCapacity(env, ramp, { periodH: 0, steps: [{ at: 0, capacity: 1 }] }), /periodH must be a finite number > 0, got 0/);
  assert.throws(() => scheduleCapacity(env, ramp, { steps: [{ at: 1, capacity: -2 }] }), /steps\[0\]\.capacity must be an integer >= 0, got -2/);
});

test.run();
