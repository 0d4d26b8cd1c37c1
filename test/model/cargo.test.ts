import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sampler } from '../../sim/random/index.ts';
import { createStream } from '../../sim/random/index.ts';
import { BaseCargo, HEAD_ST, Load, type CargoSpec } from '../../sim/model/cargo.ts';
import { Preparation } from '../../sim/model/readiness.ts';

const ORDER = [0, 1, 2];

function base(o: Partial<CargoSpec> = {}, perDay = 24): BaseCargo {
  const spec: CargoSpec = { sensitiveST: 100, equipmentST: 200, personnel: 50, closureTeam: 10, readyAtStart: 0, order: ORDER, ...o };
  const toPrepare = (1 - spec.readyAtStart) * (spec.sensitiveST + spec.equipmentST);
  const prep = new Preparation(toPrepare, sampler({ kind: 'fixed', value: perDay }), () => createStream('t', 0, 'prep'), 10_000);
  return new BaseCargo(spec, prep);
}

test('preparation follows the daily rate, sensitive equipment first', () => {
  const b = base({}, 24); // 1 ST per hour
  assert.is(b.readyS(50), 50);
  assert.is(b.readyE(50), 0);
  assert.is(b.readyS(150), 100);
  assert.is(b.readyE(150), 50);
});

test('with equipment first in the load order, it is prepared first', () => {
  const b = base({ order: [1, 0, 2] }, 24);
  assert.is(b.readyE(50), 50);
  assert.is(b.readyS(50), 0);
});

test('ready at start is a fraction of each class', () => {
  const b = base({ readyAtStart: 0.5 }, 0);
  assert.is(b.readyS(0), 50);
  assert.is(b.readyE(1000), 100);
});

test('a plan loads classes in order up to the payload, then personnel by seats and weight', () => {
  const b = base({ readyAtStart: 1 });
  const l = new Load();
  b.plan(l, 0, 150, 102);
  assert.is(l.s, 100);
  assert.is(l.e, 50);
  assert.is(l.p, 0);
  b.plan(l, 0, 400, 20);
  assert.is(l.s, 100);
  assert.is(l.e, 200);
  assert.is(l.p, 20); // seats bind
  b.plan(l, 0, 300 + 5 * HEAD_ST, 102);
  assert.is(l.p, 5); // weight binds
});

test('personnel fill the free (sidewall) seats first, whatever the load order, without taking cargo weight', () => {
  const b = base({ readyAtStart: 1 });
  const l = new Load();
  b.plan(l, 0, 150, 102, 54);
  assert.is(l.s, 100);
  assert.is(l.e, 50, 'the cargo weight is all cargo');
  assert.is(l.p, 40, 'all 40 personnel (the closure team apart) ride in free seats');
  assert.is(l.c, 0, 'equipment is left, so the closure team waits');
  // With personnel first in the load order, the free seats still come first and weighted seats after.
  const pf = base({ readyAtStart: 1, personnel: 80, closureTeam: 0, order: [2, 0, 1] });
  pf.plan(l, 0, 150, 102, 54);
  assert.is(l.p, 80, '54 free + 26 weighted');
  assert.is(l.s, 100);
  assert.ok(Math.abs(l.e - (50 - 26 * HEAD_ST)) < 1e-9, `the 26 weighted heads take cargo weight (equipment ${l.e})`);
  // Seats bound the free seats too.
  b.plan(l, 0, 150, 30, 54);
  assert.is(l.p, 30);
});

test('the closure team takes free seats before weighted ones', () => {
  const b = base({ readyAtStart: 1, sensitiveST: 10, equipmentST: 0, personnel: 20, closureTeam: 10 });
  const l = new Load();
  // 10 ST of cargo fills the cargo weight: the 20 personnel and the 10 of the closure team all ride free.
  b.plan(l, 0, 10, 102, 54);
  assert.is(l.s, 10);
  assert.is(l.p, 10);
  assert.is(l.c, 10);
  assert.ok(Math.abs(l.weight() - (10 + 20 * HEAD_ST)) < 1e-9);
  // Without free seats there is no weight left for anyone.
  b.plan(l, 0, 10, 102, 0);
  assert.is(l.p + l.c, 0);
});

test('reserved load is not offered to the next aircraft', () => {
  const b = base({ readyAtStart: 1 });
  const a = new Load();
  b.plan(a, 0, 80, 0);
  b.reserve(a);
  const c = new Load();
  b.plan(c, 0, 80, 0);
  assert.is(c.s, 20);
  assert.is(c.e, 60);
});

test('the closure team is added only when the plan leaves nothing else unreserved', () => {
  const b = base({ readyAtStart: 1 });
  const l = new Load();
  b.plan(l, 0, 1000, 200);
  assert.is(l.p, 40);
  assert.is(l.c, 10);
  const small = new Load();
  b.plan(small, 0, 100, 200);
  assert.is(small.c, 0);
});

test('the closure team waits for the base before it in the closure order', () => {
  const first = base({ readyAtStart: 1 });
  const second = base({ readyAtStart: 1 });
  second.prev = first;
  const l = new Load();
  second.plan(l, 0, 1000, 200);
  assert.is(l.c, 0);
  assert.is(second.closureEligible(), false);
});

test('a closure team aboard stays behind if other load has not left yet', () => {
  const b = base({ readyAtStart: 1 });
  const early = new Load();
  b.plan(early, 0, 150, 0);
  b.reserve(early);
  const last = new Load();
  b.plan(last, 0, 1000, 200);
  b.reserve(last);
  assert.is(last.c, 10);
  // The last aircraft takes off first: its closure team must stay.
  assert.is(b.depart(last, 10), true);
  assert.is(last.c, 0);
  assert.is(b.closed, false);
  b.depart(early, 12);
  assert.is(b.closureEligible(), true);
  const team = new Load();
  b.plan(team, 12, 100, 100);
  assert.is(team.c, 10);
  b.reserve(team);
  assert.is(b.depart(team, 20), false);
  assert.is(b.closed, true);
  assert.is(b.closedH, 20);
});

test('commercial flights take free personnel, never the closure team', () => {
  const b = base({ sensitiveST: 0, equipmentST: 0, personnel: 30, closureTeam: 10 });
  assert.is(b.commercial(15, 1), 15);
  assert.is(b.commercial(15, 2), 5);
  assert.is(b.commercial(15, 3), 0);
  assert.is(b.closed, false);
});

test('the time free cargo reaches a load follows the preparation rate', () => {
  const b = base({}, 24);
  assert.is(b.timeFreeCargoReaches(30, 0), 30);
  const l = new Load();
  b.plan(l, 30, 30, 0);
  b.reserve(l);
  assert.is(b.timeFreeCargoReaches(30, 30), 60);
  // More than is left: the moment everything is ready (300 ST at 1 ST/h).
  assert.is(b.timeFreeCargoReaches(1000, 30), 300);
});

test('preparation that never reaches a target gives Infinity', () => {
  const b = base({}, 0);
  assert.is(b.timeFreeCargoReaches(10, 0), Infinity);
});

test.run();
