import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TraceEvent } from '../../sim/model/index.ts';
import { createModel } from '../../sim/model/index.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { aircraftFixture, scenarioFixture } from '../support/scenario-fixture.ts';
import { completion, pairedDiffCI, runMany } from './stats.ts';

// Personnel drawdown: with `with-cargo`, a base's personnel (closure team apart) leave in step
// with its equipment. Seats beside full pallets make the contrast sharp: with `any-seat` they
// carry people out from the first sorties.
const sidewall = (drawdown: 'any-seat' | 'with-cargo'): Scenario =>
  scenarioFixture({ fleet: { 'C-17': aircraftFixture({ seatsWithFullPallets: 54 }) }, personnelDrawdown: drawdown });

/**
 * Per replication, the departures (aircraft or commercial) that took a base's personnel ahead
 * of its equipment: more than the share of its tons already gone releases, unless all of the
 * base's equipment was booked onto aircraft when those people were booked (then nothing is left
 * to pack or guard). Bookings come from the trace: an aircraft's load at its clearance request,
 * then at loading (its top-up at landing).
 */
function aheadOfEquipment(sc: Scenario, replications: number, share = 1): number[] {
  const m = createModel(sc);
  const out: number[] = [];
  for (let i = 0; i < replications; i++) {
    const events: TraceEvent[] = [];
    m.run('drawdown', i, { trace: (e) => events.push(e) });
    const goneTons = new Map<string, number>();
    const gonepeople = new Map<string, number>();
    const booking = new Map<string, { base: string; tons: number; allBooked: boolean }>();
    const tonsOf = (d: Record<string, unknown>) => Number(d.sensitiveST ?? 0) + Number(d.equipmentST ?? 0);
    const allBooked = (base: string): boolean => {
      const b = sc.bases[base]!;
      let booked = goneTons.get(base) ?? 0;
      for (const k of booking.values()) if (k.base === base) booked += k.tons;
      return b.cargo.sensitiveST + b.cargo.equipmentST - booked < 0.05;
    };
    let ahead = 0;
    for (const e of events) {
      if (e.base === undefined) continue;
      const d = e.detail ?? {};
      if ((e.event === 'clearance requested' || e.event === 'loading') && e.aircraft !== undefined) {
        booking.set(e.aircraft, { base: e.base, tons: tonsOf(d), allBooked: false });
        booking.get(e.aircraft)!.allBooked = allBooked(e.base);
        continue;
      }
      if (e.event !== 'departed' && e.event !== 'commercial departure') continue;
      const b = sc.bases[e.base]!;
      const total = b.cargo.sensitiveST + b.cargo.equipmentST;
      const pTot = b.cargo.personnel - Math.min(b.closureTeam, b.cargo.personnel);
      const g = goneTons.get(e.base) ?? 0;
      const k = e.aircraft !== undefined ? booking.get(e.aircraft) : undefined;
      const free = e.event === 'departed' ? k?.allBooked === true : allBooked(e.base);
      // The trace rounds tons to 0.001, so sums are trusted to 0.05 ST.
      // `share` of them are held in step with the tons; the rest are released from the start.
      const released = free || total - g < 0.05 ? pTot : Math.floor(pTot - (share * pTot * Math.max(0, total - g - 0.05)) / total);
      const people = (gonepeople.get(e.base) ?? 0) + Number(d.personnel ?? 0) - Number(d.closureTeam ?? 0);
      if (people > released && Number(d.personnel ?? 0) - Number(d.closureTeam ?? 0) > 0) ahead++;
      goneTons.set(e.base, g + tonsOf(d));
      gonepeople.set(e.base, people);
      if (e.aircraft !== undefined) booking.delete(e.aircraft);
    }
    out.push(ahead);
  }
  return out;
}

test('with-cargo: no departure takes a base\'s personnel ahead of its equipment; any-seat does, from the first sorties', () => {
  const withCargo = aheadOfEquipment(sidewall('with-cargo'), 20);
  assert.equal(withCargo, new Array(20).fill(0));
  const anySeat = aheadOfEquipment(sidewall('any-seat'), 20);
  assert.ok(anySeat.every((n) => n > 0), `departures ahead of the equipment with any-seat: ${anySeat.join(', ')}`);
});

test('with-cargo: the last people and the closure team leave with the last equipment, not on a sortie of their own after it', () => {
  // The audit's case: people released only by tons gone could not board the load whose
  // departure released them, so every base needed one more sortie, days after its last
  // equipment. Now the load that books the last equipment takes them, and a closure team
  // that must wait for equipment still on its way joins that aircraft at its landing.
  const sc = sidewall('with-cargo'); // closure order AB101 then AB201; AB101 may close at once
  const m = createModel(sc);
  let clean = 0;
  for (let i = 0; i < 20; i++) {
    const events: TraceEvent[] = [];
    m.run('drawdown', i, { trace: (e) => events.push(e) });
    const deps = events.filter((e) => e.base === 'AB101' && e.event === 'departed');
    const last = deps.map((e) => Number(e.detail?.sensitiveST) + Number(e.detail?.equipmentST) > 0).lastIndexOf(true);
    assert.ok(last >= 0, `replication ${i}: no equipment left AB101`);
    const tail = deps.length - 1 - last;
    // A sortie after the last equipment happens only for a closure team that had to stay off an
    // earlier departure (other load was still to leave) after the aircraft with that load had landed.
    const stays = events.filter((e) => e.base === 'AB101' && e.event === 'closure team stays').length;
    assert.ok(tail === 0 || (tail === 1 && stays > 0), `replication ${i}: ${tail} AB101 sorties after its last equipment, ${stays} closure-team stays`);
    if (tail === 0) clean++;
  }
  assert.ok(clean >= 15, `replications without a sortie after AB101's last equipment: ${clean} of 20`);
});

test('with-cargo: every replication still finishes (no base waits forever on people held back), and commercial seats still take released people', () => {
  const sc = (d: 'any-seat' | 'with-cargo') => ({ ...sidewall(d), commercial: { AB101: { seatsPerDay: 3, fromH: 0, toH: sidewall(d).deadlineH } } });
  const b = runMany(sc('with-cargo'), 200);
  assert.ok(b.every((r) => r.completedH !== null), `${b.filter((r) => r.completedH === null).length} of 200 with-cargo runs stopped at the horizon`);
  assert.ok(b.some((r) => r.commercialPersonnel > 0), 'commercial flights still take released personnel');
  // Holding people back costs little once the last load takes them: completion moves by less
  // than a day on average (paired over the same replications).
  const a = runMany(sc('any-seat'), 200);
  const d = pairedDiffCI(completion(a, sc('any-seat').horizonH), completion(b, sc('with-cargo').horizonH));
  assert.ok(d.lo > -24 && d.hi < 24, `completion(with-cargo) - completion(any-seat), hours: ${d.text}`);
});

test('the last people of a base do not fly alone while its closure team waits for another base: they leave with it', () => {
  for (const drawdown of ['any-seat', 'with-cargo'] as const) {
    const sc = sidewall(drawdown); // closure order AB101 then AB201
    const m = createModel(sc);
    let alone = 0;
    for (let i = 0; i < 30; i++) {
      const events: TraceEvent[] = [];
      const r = m.run('drawdown', i, { trace: (e) => events.push(e) });
      assert.ok(r.completedH !== null, `${drawdown} replication ${i} did not finish`);
      const closed = new Set<string>();
      for (const e of events) {
        if (e.event === 'base closed' && e.base !== undefined) closed.add(e.base);
        if (e.event !== 'departed' || e.base !== 'AB201' || closed.has('AB101')) continue;
        const d = e.detail ?? {};
        const cargo = Number(d.sensitiveST) + Number(d.equipmentST);
        const people = Number(d.personnel);
        if (cargo < 1e-6 && Number(d.closureTeam) === 0 && people > 0 && people < sc.fleet['C-17']!.seats) alone++;
      }
    }
    assert.is(alone, 0, `${drawdown}: part sorties of people alone from AB201 before AB101 closed`);
  }
});

test('the default is any-seat: a scenario without the field runs exactly as any-seat', () => {
  const { personnelDrawdown: _, ...plain } = sidewall('any-seat');
  assert.equal(runMany(plain as Scenario, 5), runMany(sidewall('any-seat'), 5));
});

test('with_cargo_share: only that share of the personnel is held in step with the tons, the rest leave from the first sorties', () => {
  const half: Scenario = { ...sidewall('with-cargo'), withCargoShare: 0.5 };
  // Nobody leaves ahead of the half-share rule...
  assert.equal(aheadOfEquipment(half, 20, 0.5), new Array(20).fill(0));
  // ...but people do leave ahead of the whole-share rule (with_cargo_share 1, the default).
  const aheadOfAll = aheadOfEquipment(half, 20, 1);
  assert.ok(aheadOfAll.every((n) => n > 0), `departures ahead of the whole-share rule: ${aheadOfAll.join(', ')}`);
  // And every replication still finishes.
  assert.ok(runMany(half, 20).every((r) => r.completedH !== null));
  // With any-seat the share has no effect.
  assert.equal(runMany({ ...sidewall('any-seat'), withCargoShare: 0.5 }, 5), runMany(sidewall('any-seat'), 5));
});

test.run();
