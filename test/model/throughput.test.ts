import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createModel } from '../../sim/model/index.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { aircraftFixture, baseFixture, clearanceFixture, fixed, scenarioFixture } from '../support/scenario-fixture.ts';

// The deterministic limit of the planners' formula 9.0 (AFPAM 10-1403, without its 0.85):
// with no randomness and aircraft always waiting, tons per day through one base equal
// spots x payload x operating hours / ground time.

const SPOTS = 4;
const PAYLOAD = 50;

function saturated(hours: { open: number; close: number }, groundH: number): Scenario {
  return scenarioFixture({
    horizonH: 30 * 24,
    fleet: {
      'C-17': aircraftFixture({
        count: 3 * SPOTS,
        payloadST: fixed(PAYLOAD),
        maxPayloadST: 100,
        palletPositions: 18,
        stPerPallet: 10,
        seats: 0,
        groundTimeH: fixed(groundH),
        hubTurnaroundH: fixed(0),
        availability: { kind: 'always' },
      }),
    },
    bases: {
      AB101: baseFixture({
        rampSpots: SPOTS,
        loadingTeams: SPOTS,
        hours,
        utcOffsetH: 0,
        hubDistanceNm: 0,
        // More than the window can move, all ready at start: the ramp is the only limit.
        cargo: { sensitiveST: 0, equipmentST: 1e6, personnel: 0 },
        readiness: { readyAtStart: 1, prepSTPerDay: fixed(0) },
        closureTeam: 0,
      }),
    },
    clearance: clearanceFixture({
      approvalDelayH: fixed(0),
      denialProb: 0,
      resubmitDelayH: fixed(0),
      validityH: 1e6,
      notBeforeH: 0,
      freezes: [],
      dailyCap: null,
    }),
    russian: {},
    commercial: {},
    closureOrder: [],
  });
}

/** Tons per day moved between the end of day 4 and the end of day 24 (away from start-up and horizon). */
function tonsPerDay(sc: Scenario): number {
  const r = createModel(sc).run('limit', 0);
  const left = (d: number): number => r.daily.find((x) => x.day === d && x.base === 'AB101')!.equipmentST;
  return (left(4) - left(24)) / 20;
}

test('24 h operations: tons per day = spots x payload x 24 / ground time', () => {
  const ground = 3;
  const expected = (SPOTS * PAYLOAD * 24) / ground;
  const got = tonsPerDay(saturated({ open: 0, close: 24 }, ground));
  assert.ok(Math.abs(got - expected) <= 0.01 * expected, `expected ${expected} ST/day within 1%, got ${got}`);
});

test('12 h operations: tons per day = spots x payload x 12 / ground time, work resuming overnight', () => {
  // 2.5 h does not divide 12 h: the fifth load of each day is finished the next morning.
  const ground = 2.5;
  const expected = (SPOTS * PAYLOAD * 12) / ground;
  const got = tonsPerDay(saturated({ open: 6, close: 18 }, ground));
  assert.ok(Math.abs(got - expected) <= 0.01 * expected, `expected ${expected} ST/day within 1%, got ${got}`);
});

test('fewer loading teams than spots: the working MOG is the limit', () => {
  const sc = saturated({ open: 0, close: 24 }, 3);
  sc.bases.AB101!.loadingTeams = 2;
  const expected = (2 * PAYLOAD * 24) / 3;
  const got = tonsPerDay(sc);
  assert.ok(Math.abs(got - expected) <= 0.01 * expected, `expected ${expected} ST/day within 1%, got ${got}`);
});

test.run();
