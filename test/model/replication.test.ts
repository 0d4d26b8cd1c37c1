import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TraceEvent, TraceEventKind } from '../../sim/model/index.ts';
import { createModel } from '../../sim/model/index.ts';
import { isoAt } from '../../sim/batch/summarize.ts';
import { aircraftFixture, baseFixture, clearanceFixture, lognormal, russianFixture, scenarioFixture } from '../support/scenario-fixture.ts';

const model = createModel(scenarioFixture());

test('the same seed and replication give identical results', () => {
  const a = model.run('same', 7, { keepSorties: true });
  const b = createModel(scenarioFixture()).run('same', 7, { keepSorties: true });
  assert.equal(a, b);
  assert.is(JSON.stringify(a), JSON.stringify(b));
});

test('different replications and different seeds differ', () => {
  const a = model.run('same', 7);
  assert.is.not(a.completedH, model.run('same', 8).completedH);
  assert.is.not(a.completedH, model.run('other', 7).completedH);
});

test('a run leaves the scenario untouched', () => {
  const sc = scenarioFixture();
  const before = JSON.stringify(sc);
  createModel(sc).run('pure', 0, { keepSorties: true, trace: () => {} });
  assert.is(JSON.stringify(sc), before);
});

/** Russian arrival times at AB101 in one replication. */
function russianArrivals(sc: ReturnType<typeof scenarioFixture>): number[] {
  const out: number[] = [];
  createModel(sc).run('streams', 3, { trace: (e) => e.event === 'russian arrival' && out.push(e.t) });
  return out;
}

test('changing one source leaves the other sources draws unchanged', () => {
  const busy = { russian: { AB101: russianFixture({ arrivalsPerDay: 2 }) } };
  const a = russianArrivals(scenarioFixture(busy));
  const b = russianArrivals(scenarioFixture({ ...busy, clearance: clearanceFixture({ approvalDelayH: lognormal(48, 120) }) }));
  const n = Math.min(a.length, b.length);
  assert.ok(n > 50, `enough arrivals to compare (${n})`);
  assert.equal(a.slice(0, n), b.slice(0, n));
});

/** Ground-time draws (the 'loading' events' workH) of the C-17s, in the order they were drawn. */
function c17GroundDraws(c130s: number): number[] {
  const fleet = {
    'C-17': aircraftFixture({ count: 2 }),
    'C-130J': aircraftFixture({ count: c130s, payloadST: { kind: 'triangular', min: 8, mode: 15, max: 22 }, seats: 128 }),
  };
  const out: number[] = [];
  createModel(scenarioFixture({ fleet })).run('types', 5, {
    trace: (e) => e.event === 'loading' && e.aircraft!.startsWith('C-17#') && out.push(e.detail!.workH as number),
  });
  return out;
}

test("one aircraft type's draws do not depend on how many aircraft of another type fly", () => {
  // Each type has its own streams: the C-17s' n-th landing gets the n-th C-17 ground time
  // whether one or four C-130Js share the work (and the C-130Js' draws are not taken from them).
  const few = c17GroundDraws(1);
  const many = c17GroundDraws(4);
  const n = Math.min(few.length, many.length);
  assert.ok(n > 20, `enough C-17 sorties to compare (${n})`);
  assert.equal(few.slice(0, n), many.slice(0, n));
});

test('an aircraft type with count 0 flies nothing and changes nothing', () => {
  const c17 = { 'C-17': aircraftFixture({ count: 3 }) };
  const without = createModel(scenarioFixture({ fleet: c17 }));
  const withNone = createModel(scenarioFixture({ fleet: { ...c17, 'C-130J': aircraftFixture({ count: 0, payloadST: lognormal(15, 20), seats: 64 }) } }));
  for (let i = 0; i < 3; i++) {
    const a = without.run('zero-count', i, { keepSorties: true });
    const b = withNone.run('zero-count', i, { keepSorties: true });
    assert.ok(b.sortieLog!.every((s) => s.type === 'C-17'));
    assert.equal(b, a);
  }
});

test('the trace comes in time order, names every kind of event, and does not change the result', () => {
  const events: TraceEvent[] = [];
  const sc = scenarioFixture({ russian: { AB101: russianFixture({ arrivalsPerDay: 1 }) } });
  const m = createModel(sc);
  const traced = m.run('trace', 1, { trace: (e) => events.push(e) });
  assert.equal(traced, m.run('trace', 1));
  for (let i = 1; i < events.length; i++) assert.ok(events[i]!.t >= events[i - 1]!.t, `event ${i} goes back in time`);
  const kinds = new Set(events.map((e) => e.event));
  for (const k of <TraceEventKind[]>[
    'clearance requested',
    'clearance approved',
    'clearance denied',
    'landed',
    'loading',
    'departed',
    'russian arrival',
    'russian landed',
    'russian departure',
    'commercial departure',
    'base closed',
    'withdrawal complete',
  ]) {
    assert.ok(kinds.has(k), `trace has "${k}"`);
  }
  assert.ok(events.every((e) => typeof e.at === 'string' && e.at.startsWith('2024-')));
  // The same instants, to the second, as `retrograde trace` and the summaries print them.
  const start = scenarioFixture().start;
  assert.equal(events.map((e) => e.at), events.map((e) => isoAt(start, e.t)));
  assert.is(events.filter((e) => e.event === 'departed').length, traced.sorties);
});

test('sortie records add up to the base records and the fleet budget', () => {
  const r = model.run('records', 2, { keepSorties: true });
  const log = r.sortieLog!;
  assert.is(log.length, r.sorties);
  for (const id of ['AB101', 'AB201']) {
    const mine = log.filter((s) => s.base === id);
    assert.is(mine.length, r.bases[id]!.sorties);
    const ground = mine.reduce((a, s) => a + s.groundH, 0);
    assert.ok(Math.abs(ground - r.bases[id]!.time.groundH) < 1e-6, `${id} ground hours`);
    const clearance = mine.reduce((a, s) => a + s.clearanceWaitH, 0);
    assert.ok(Math.abs(clearance - r.bases[id]!.time.clearanceWaitH) < 1e-6, `${id} clearance hours`);
    for (const k of ['rampWaitH', 'closedWaitH', 'teamWaitH'] as const) {
      const h = mine.reduce((a, s) => a + s[k], 0);
      assert.ok(Math.abs(h - r.bases[id]!.time[k]) < 1e-6, `${id} ${k}`);
    }
  }
  const tons = log.reduce((a, s) => a + s.sensitiveST + s.equipmentST, 0);
  assert.ok(Math.abs(tons - (250 + 1200 + 200 + 1300)) < 1e-6, `all tons flew out (${tons})`);
  const heads = log.reduce((a, s) => a + s.personnel, 0);
  assert.is(heads + r.commercialPersonnel, 350 + 550);
  // Fleet time: six aircraft, from hour 0 to completion, minus time after they stopped.
  const t = r.time;
  const sum = t.clearanceWaitH + t.rampWaitH + t.closedWaitH + t.teamWaitH + t.groundH + t.flyingH + t.hubH + t.downH + t.cargoWaitH;
  assert.ok(sum <= 6 * r.completedH! + 1e-6 && sum > 5 * r.completedH!, `fleet hours ${sum}`);
});

test('daily records fall to zero by completion and ramp occupancy stays within the ramp', () => {
  const r = model.run('daily', 4);
  const days = Math.ceil(r.completedH! / 24);
  assert.is(r.daily.length, 2 * days);
  for (const id of ['AB101', 'AB201']) {
    const mine = r.daily.filter((d) => d.base === id);
    for (let i = 1; i < mine.length; i++) {
      assert.ok(mine[i]!.equipmentST <= mine[i - 1]!.equipmentST + 1e-9);
      assert.ok(mine[i]!.personnel <= mine[i - 1]!.personnel);
    }
    const lastDay = mine[mine.length - 1]!;
    assert.equal([lastDay.sensitiveST, lastDay.equipmentST, lastDay.personnel], [0, 0, 0]);
    const spots = id === 'AB101' ? 3 : 2;
    assert.ok(mine.every((d) => d.usOnRamp >= 0 && d.usOnRamp + d.ruOnRamp <= spots + 1e-9));
    assert.ok(mine.some((d) => d.usOnRamp > 0));
  }
});

test('misuse throws naming the thing', () => {
  assert.throws(() => model.run('', 0), /seed must be a non-empty string/);
  assert.throws(() => model.run('x', -1), /replication must be an integer >= 0, got -1/);
  assert.throws(
    () => createModel(scenarioFixture({ closureOrder: ['AB101', 'AB999'] })),
    /closureOrder: unknown base "AB999"/,
  );
  assert.throws(
    () => createModel(scenarioFixture({ bases: { AB101: baseFixture({ hours: { open: 8, close: 8 } }) }, closureOrder: [] })),
    /bases.AB101: operating hours open 8 and close 8/,
  );
  assert.throws(
    () => createModel(scenarioFixture({ fleet: { 'C-17': aircraftFixture({ seatsWithFullPallets: 103 }) } })),
    /fleet.C-17.seatsWithFullPallets: expected an integer from 0 to seats \(102\), got 103/,
  );
});

test.run();
