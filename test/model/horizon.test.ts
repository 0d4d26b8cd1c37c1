import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createModel } from '../../sim/model/index.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { aircraftFixture, baseFixture, clearanceFixture, fixed, russianFixture, scenarioFixture } from '../support/scenario-fixture.ts';

// A scenario that can never finish stops at the horizon with the cause named, and never hangs.

function stops(sc: Scenario, cause: RegExp): void {
  const m = createModel(sc);
  for (let i = 0; i < 5; i++) {
    const r = m.run('horizon', i);
    assert.is(r.stopReason, 'horizon');
    assert.is(r.completedH, null);
    assert.match(r.stopCause, cause);
    assert.is(r.daily.length, Math.ceil(sc.horizonH / 24) * Object.keys(sc.bases).length);
  }
}

test('an aircraft type that is never mission-capable: the cause names the aircraft being down', () => {
  const sc = scenarioFixture({
    fleet: { 'C-17': aircraftFixture({ availability: { kind: 'mission-capable', rate: 0, downH: fixed(24) } }) },
  });
  stops(sc, /no aircraft available: every C-17 was down/);
  const r = createModel(sc).run('horizon', 0);
  assert.is(r.sorties, 0);
  assert.is(r.time.downH, 6 * sc.horizonH);
});

test('clearances never approved before the horizon: the cause says so', () => {
  const sc = scenarioFixture({ clearance: clearanceFixture({ notBeforeH: 1e6 }) });
  stops(sc, /no clearance approved before the horizon/);
});

test('a freeze that outlasts the horizon: the cause names the last approval date', () => {
  const sc = scenarioFixture({ clearance: clearanceFixture({ freezes: [{ fromH: 800, toH: 1e6 }] }) });
  stops(sc, /no clearance approved after 2024-06-\d\d/);
});

test('equipment that is never prepared: the cause names the base and the tons', () => {
  const sc = scenarioFixture({
    bases: { AB101: baseFixture({ readiness: { readyAtStart: 0.5, prepSTPerDay: fixed(0) } }) },
    closureOrder: [],
  });
  stops(sc, /AB101: 725 ST of equipment never became ready/);
});

test('Russian permanent spots taking the whole ramp: the cause names the ramp', () => {
  const sc = scenarioFixture({ russian: { AB101: russianFixture({ permanentSpots: 3 }) } });
  stops(sc, /AB101: Russian forces hold all 3 ramp spots/);
});

test('a base without ramp spots (and no Russian aircraft): the cause says so, without blaming Russian forces', () => {
  const sc = scenarioFixture({ bases: { AB101: baseFixture({ rampSpots: 0 }) }, russian: {}, closureOrder: [] });
  stops(sc, /AB101: no ramp spots, no aircraft can land/);
});

test('a base without a loading team: the cause names it', () => {
  const sc = scenarioFixture({ bases: { AB101: baseFixture({ loadingTeams: 0 }) }, closureOrder: [] });
  stops(sc, /AB101: no loading team \(loadingTeams 0\)/);
});

test('a flight longer than the clearance validity: the cause names it', () => {
  const sc = scenarioFixture({ clearance: clearanceFixture({ validityH: 4 }) });
  stops(sc, /longer than a clearance's validity \(4 h\)/);
});

test('too few sorties for the horizon: the cause says what is left', () => {
  const sc = scenarioFixture({ horizonH: 24 * 40 });
  stops(sc, /too slow: AB101: \d+ ST and \d+ personnel left/);
});

test('an empty fleet stops at once at the horizon, naming it', () => {
  stops(scenarioFixture({ fleet: {} }), /no aircraft in the fleet/);
});

test('a scenario with nothing to move is done at hour 0', () => {
  const empty = baseFixture({ cargo: { sensitiveST: 0, equipmentST: 0, personnel: 0 }, closureTeam: 0 });
  const r = createModel(scenarioFixture({ bases: { AB101: empty }, closureOrder: [] })).run('empty', 0);
  assert.is(r.stopReason, 'done');
  assert.is(r.completedH, 0);
  assert.is(r.sorties, 0);
});

test.run();
