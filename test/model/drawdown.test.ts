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

/** Per replication, the number of departures at which more personnel had left a base than its equipment released. */
function aheadOfEquipment(sc: Scenario, replications: number): number[] {
  const m = createModel(sc);
  const out: number[] = [];
  for (let i = 0; i < replications; i++) {
    const events: TraceEvent[] = [];
    m.run('drawdown', i, { trace: (e) => events.push(e) });
    const gone = new Map<string, { tons: number; people: number }>();
    let ahead = 0;
    for (const e of events) {
      if ((e.event !== 'departed' && e.event !== 'commercial departure') || e.base === undefined) continue;
      const b = sc.bases[e.base]!;
      const total = b.cargo.sensitiveST + b.cargo.equipmentST;
      const pTot = b.cargo.personnel - Math.min(b.closureTeam, b.cargo.personnel);
      const g = gone.get(e.base) ?? { tons: 0, people: 0 };
      const d = e.detail ?? {};
      // Released before this departure: the share of the equipment already gone. The trace
      // rounds tons to 0.001, so sums are trusted to 0.05 ST.
      const released = total - g.tons < 0.05 ? pTot : Math.floor((pTot * (g.tons + 0.05)) / total);
      g.people += Number(d.personnel ?? 0) - Number(d.closureTeam ?? 0);
      g.tons += Number(d.sensitiveST ?? 0) + Number(d.equipmentST ?? 0);
      if (g.people > released) ahead++;
      gone.set(e.base, g);
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

test('with-cargo: every replication still finishes (no base waits forever on people held back), later than with any-seat', () => {
  const sc = (d: 'any-seat' | 'with-cargo') => ({ ...sidewall(d), commercial: { AB101: { seatsPerDay: 3, fromH: 0, toH: sidewall(d).deadlineH } } });
  const a = runMany(sc('any-seat'), 200);
  const b = runMany(sc('with-cargo'), 200);
  assert.ok(b.every((r) => r.completedH !== null), `${b.filter((r) => r.completedH === null).length} of 200 with-cargo runs stopped at the horizon`);
  const d = pairedDiffCI(completion(a, sc('any-seat').horizonH), completion(b, sc('with-cargo').horizonH));
  assert.ok(d.lo > 0, `completion(with-cargo) - completion(any-seat), hours: ${d.text}`);
  assert.ok(b.some((r) => r.commercialPersonnel > 0), 'commercial flights still take released personnel');
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

test.run();
