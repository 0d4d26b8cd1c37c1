import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TraceEvent } from '../../sim/model/index.ts';
import { createModel } from '../../sim/model/index.ts';
import { HEAD_ST } from '../../sim/model/cargo.ts';
import { agadezFixture, aircraftFixture, baseFixture, clearanceFixture, fixed, hoursFrom, lognormal, russianFixture, scenarioFixture } from '../support/scenario-fixture.ts';
import { completion, pairedDiffCI, runMany, wilson } from './stats.ts';

// Each part of the model shows its effect: 200 paired replications per arm, 95% intervals.
const N = 200;

test('longer clearance delays finish later', () => {
  const fast = scenarioFixture();
  const slow = scenarioFixture({ clearance: clearanceFixture({ approvalDelayH: lognormal(72, 168) }) });
  const d = pairedDiffCI(completion(runMany(fast, N), fast.horizonH), completion(runMany(slow, N), slow.horizonH));
  assert.ok(d.lo > 0, `completion(slow) - completion(fast), hours: ${d.text}`);
});

test('Russian aircraft holding spots lengthen US ramp waits', () => {
  // One base, so the ramp is the only place the Russian traffic can show.
  const one = {
    bases: { AB101: baseFixture() },
    commercial: {},
    closureOrder: [],
  };
  const none = scenarioFixture({ ...one, russian: {} });
  const busy = scenarioFixture({
    ...one,
    russian: { AB101: russianFixture({ arrivalsPerDay: 1, permanentSpots: 1, groundTimeH: { kind: 'uniform', min: 8, max: 24 } }) },
  });
  const a = runMany(none, N).map((r) => r.time.rampWaitH);
  const b = runMany(busy, N).map((r) => r.time.rampWaitH);
  const d = pairedDiffCI(a, b);
  assert.ok(d.lo > 0, `ramp wait(busy) - ramp wait(none), hours per replication: ${d.text}`);
  const ru = runMany(busy, 20).flatMap((r) => r.daily.map((x) => x.ruOnRamp));
  assert.ok(ru.every((x) => x >= 1 - 1e-9), 'the permanent spot counts as Russian occupancy every day');
});

test('Russian-first priority makes US aircraft wait longer than first-come', () => {
  const base = {
    bases: { AB101: baseFixture({ rampSpots: 2 }) },
    commercial: {},
    closureOrder: [],
    russian: { AB101: russianFixture({ arrivalsPerDay: 2, permanentSpots: 0, groundTimeH: { kind: 'uniform', min: 4, max: 12 } }) },
  };
  const fifo = runMany(scenarioFixture({ ...base, rampPriority: 'first-come' }), N).map((r) => r.time.rampWaitH);
  const ruFirst = runMany(scenarioFixture({ ...base, rampPriority: 'russian-first' }), N).map((r) => r.time.rampWaitH);
  const d = pairedDiffCI(fifo, ruFirst);
  assert.ok(d.lo > 0, `ramp wait(russian-first) - ramp wait(first-come): ${d.text}`);
});

test('a clearance freeze delays completion and lowers P(done by the deadline)', () => {
  const open = scenarioFixture();
  const frozen = scenarioFixture({
    clearance: clearanceFixture({ freezes: [{ fromH: hoursFrom('2024-06-01T00:00:00Z'), toH: hoursFrom('2024-08-15T00:00:00Z') }] }),
  });
  const a = runMany(open, N);
  const b = runMany(frozen, N);
  const d = pairedDiffCI(completion(a, open.horizonH), completion(b, frozen.horizonH));
  assert.ok(d.lo > 0, `completion(freeze) - completion(open): ${d.text}`);
  const by = (rs: typeof a): number => rs.filter((r) => r.completedH !== null && r.completedH <= open.deadlineH).length;
  const pa = wilson(by(a), N);
  const pb = wilson(by(b), N);
  assert.ok(pb.hi < pa.lo, `P(by deadline): open ${pa.text}, freeze ${pb.text}`);
});

test('no approval falls inside a freeze or before the agreement date', () => {
  const fz = { fromH: hoursFrom('2024-06-01T00:00:00Z'), toH: hoursFrom('2024-06-20T00:00:00Z') };
  const sc = scenarioFixture({ clearance: clearanceFixture({ freezes: [fz] }) });
  const approvals = runMany(sc, 20, 'freeze', { keepSorties: true }).flatMap((r) => r.sortieLog!.map((s) => s.approvedH));
  assert.ok(approvals.length > 100);
  for (const t of approvals) {
    assert.ok(t >= sc.clearance.notBeforeH, `approval at ${t} before notBeforeH`);
    assert.ok(!(t >= fz.fromH && t < fz.toH), `approval at ${t} inside the freeze`);
  }
});

test('a daily cap limits approved landings per UTC day and slows the withdrawal', () => {
  const capped = scenarioFixture({ clearance: clearanceFixture({ dailyCap: 1 }) });
  const rs = runMany(capped, 50, 'cap', { keepSorties: true });
  for (const r of rs) {
    const perDay = new Map<number, number>();
    for (const s of r.sortieLog!) {
      const day = Math.floor(s.approvedH / 24); // the fixture starts at UTC midnight
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    assert.ok([...perDay.values()].every((n) => n <= 1), `replication ${r.replication}: more than one approval on a UTC day`);
  }
  const free = scenarioFixture();
  const d = pairedDiffCI(completion(runMany(free, 50, 'cap'), free.horizonH), completion(rs, capped.horizonH));
  assert.ok(d.lo > 0, `completion(cap 1/day) - completion(no cap): ${d.text}`);
});

test('every landing happens inside the approval window and operating hours', () => {
  const sc = scenarioFixture();
  const validity = sc.clearance.validityH;
  for (const r of runMany(sc, 30, 'windows', { keepSorties: true })) {
    for (const s of r.sortieLog!) {
      assert.ok(s.landedH <= s.approvedH + validity + 1e-9, `${s.aircraft} landed ${s.landedH - s.approvedH} h after approval`);
      if (s.base === 'AB201') {
        // Open 05:30-17:30 local (UTC+1) = 04:30-16:30 model hours.
        const h = ((s.landedH % 24) + 24) % 24;
        const d = ((s.departedH % 24) + 24) % 24;
        assert.ok(h >= 4.5 - 1e-9 && h < 16.5, `${s.aircraft} landed at AB201 at hour ${h}`);
        assert.ok(d >= 4.5 - 1e-9 && d <= 16.5 + 1e-9, `${s.aircraft} left AB201 at hour ${d}`);
      }
    }
  }
});

test('a short approval window forces new requests, and every landing stays inside its window', () => {
  // Agadez only, 12 h a day, 4.5 h from the hub, approvals valid 8 h: many expire.
  const sc = scenarioFixture({
    bases: { AB201: agadezFixture() },
    commercial: {},
    russian: {},
    closureOrder: [],
    clearance: clearanceFixture({ validityH: 8 }),
  });
  let expired = 0;
  const m = createModel(sc);
  for (let i = 0; i < 10; i++) {
    const r = m.run('validity', i, { keepSorties: true, trace: (e: TraceEvent) => void (e.event === 'clearance expired' && expired++) });
    assert.is(r.stopReason, 'done');
    for (const s of r.sortieLog!) assert.ok(s.landedH <= s.approvedH + 8 + 1e-9, `${s.aircraft} landed ${s.landedH - s.approvedH} h after approval`);
  }
  assert.ok(expired > 10, `approvals expired and were asked again (${expired})`);
});

test('Russian aircraft land and leave only inside operating hours', () => {
  const sc = scenarioFixture({
    russian: { AB201: russianFixture({ arrivalsPerDay: 2, permanentSpots: 0, scheduleH: [500.25, 700.75] }) },
  });
  const landed: number[] = [];
  const arrivals: number[] = [];
  createModel(sc).run('ru-hours', 0, {
    trace: (e: TraceEvent) => {
      if (e.base !== 'AB201') return;
      if (e.event === 'russian landed' || e.event === 'russian departure') landed.push(e.t);
      if (e.event === 'russian arrival') arrivals.push(e.t);
    },
  });
  assert.ok(arrivals.includes(500.25) && arrivals.includes(700.75), 'scheduled arrivals happen at their times');
  assert.ok(landed.length > 20);
  for (const t of landed) {
    const h = ((t % 24) + 24) % 24;
    assert.ok(h >= 4.5 - 1e-9 && h <= 16.5 + 1e-9, `Russian aircraft on the move at hour ${h}`);
  }
});

test("'nearest' sends the first aircraft to the nearest base with a full load, 'most-ready' spreads them", () => {
  const first = (assignment: 'nearest' | 'most-ready'): string[] =>
    createModel(scenarioFixture({ assignment }))
      .run('assign', 0, { keepSorties: true })
      .sortieLog!.filter((s) => s.requestedH === 0)
      .map((s) => s.base);
  const near = first('nearest');
  assert.ok(near.length >= 4 && near.every((b) => b === 'AB201'), `nearest: ${near.join(', ')}`);
  const most = first('most-ready');
  assert.ok(new Set(most).size === 2, `most-ready: ${most.join(', ')}`);
});

test("'staged' empties the bases one after another in closure order, not file order; 'most-ready' interleaves them", () => {
  // Everything ready at the start, so both bases always have full loads to offer: equipment of
  // the earlier base still going after the later base's first sortie would be the policy's doing.
  const allReady = { readyAtStart: 1, prepSTPerDay: fixed(0) };
  const tonsAfter = (assignment: 'staged' | 'most-ready'): { later: number; earlier: number } => {
    const sc = scenarioFixture({
      assignment,
      closureOrder: ['AB201', 'AB101'],
      bases: { AB101: baseFixture({ readiness: allReady }), AB201: agadezFixture({ readiness: allReady }) },
    });
    const log = createModel(sc).run('staged', 0, { keepSorties: true }).sortieLog!;
    const firstLater = Math.min(...log.filter((s) => s.base === 'AB101').map((s) => s.requestedH));
    const tons = (s: (typeof log)[number]) => s.sensitiveST + s.equipmentST;
    const earlier = log.filter((s) => s.base === 'AB201');
    // Equipment of AB201 booked after AB101's first sortie (only AB201's people may still go).
    return { later: earlier.filter((s) => s.requestedH > firstLater).reduce((a, s) => a + tons(s), 0), earlier: earlier.reduce((a, s) => a + tons(s), 0) };
  };
  const staged = tonsAfter('staged');
  assert.ok(staged.earlier > 1000, `AB201 equipment moved: ${staged.earlier} ST`);
  assert.is(staged.later, 0, 'staged: AB201 equipment still going after the first AB101 sortie');
  const most = tonsAfter('most-ready');
  assert.ok(most.later > most.earlier / 2, `most-ready: ${most.later} of ${most.earlier} ST of AB201 equipment after the first AB101 sortie`);
});

test("'staged' closes the first base in closure order earlier than 'most-ready' does", () => {
  const spread = scenarioFixture({ assignment: 'most-ready' });
  const staged = scenarioFixture({ assignment: 'staged' });
  const closed = (rs: ReturnType<typeof runMany>) => rs.map((r) => r.bases.AB101!.closedH ?? spread.horizonH);
  const d = pairedDiffCI(closed(runMany(staged, N)), closed(runMany(spread, N)));
  assert.ok(d.lo > 0, `AB101 closure, most-ready - staged, hours: ${d.text}`);
});

test('breakdowns take aircraft down for repairs and slow the withdrawal', () => {
  const always = scenarioFixture({ fleet: { 'C-17': aircraftFixture({ availability: { kind: 'always' } }) } });
  const broken = scenarioFixture({
    fleet: { 'C-17': aircraftFixture({ availability: { kind: 'breakdowns', perSortie: 0.3, repairH: fixed(72) } }) },
  });
  const a = runMany(always, N);
  const b = runMany(broken, N);
  assert.ok(a.every((r) => r.time.downH === 0));
  assert.ok(b.every((r) => r.time.downH > 0));
  const d = pairedDiffCI(completion(a, always.horizonH), completion(b, broken.horizonH));
  assert.ok(d.lo > 0, `completion(breakdowns) - completion(always): ${d.text}`);
});

test('seats beside a full pallet load carry personnel with the cargo: fewer sorties, an earlier finish, no load over max payload', () => {
  const plain = scenarioFixture();
  const sidewall = scenarioFixture({ fleet: { 'C-17': aircraftFixture({ seatsWithFullPallets: 54 }) } });
  const a = runMany(plain, N);
  const b = runMany(sidewall, N);
  const sorties = pairedDiffCI(a.map((r) => r.sorties), b.map((r) => r.sorties));
  assert.ok(sorties.hi < 0, `sorties(sidewall) - sorties(plain): ${sorties.text}`);
  const d = pairedDiffCI(completion(a, plain.horizonH), completion(b, sidewall.horizonH));
  assert.ok(d.hi < 0, `completion(sidewall) - completion(plain), hours: ${d.text}`);
  const t = sidewall.fleet['C-17']!;
  const capST = Math.min(t.maxPayloadST, t.palletPositions * t.stPerPallet);
  const peopleOnly = (sc: typeof plain): number => {
    let n = 0;
    for (const r of runMany(sc, 20, 'model-tests', { keepSorties: true })) {
      for (const x of r.sortieLog ?? []) {
        const cargo = x.sensitiveST + x.equipmentST;
        assert.ok(cargo <= capST + 1e-6, `cargo ${cargo} over the pallet cap ${capST}`);
        assert.ok(x.personnel <= t.seats, `${x.personnel} people on ${t.seats} seats`);
        assert.ok(cargo + x.personnel * HEAD_ST <= t.maxPayloadST + 1e-6, `load ${cargo} ST + ${x.personnel} people over max payload`);
        if (cargo < 1 && x.personnel > 0) n++;
      }
    }
    return n;
  };
  const before = peopleOnly(plain);
  const after = peopleOnly(sidewall);
  assert.ok(after < before, `sorties with people and under 1 ST of cargo, 20 replications: ${after} with sidewall seats, ${before} without`);
});

test.run();
