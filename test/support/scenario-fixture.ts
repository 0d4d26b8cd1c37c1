/**
 * A small, valid, Niger-like resolved `Scenario` for tests, built in code with overrides.
 *
 * Figures follow ../shared/PLANNING-FACTORS.md loosely (two bases, C-17s, clearances from
 * 19 May 2024, a deadline of 15 September 2024); they are test inputs, not the baseline.
 * `scenarioFixture({ ... })` replaces top-level keys; `baseFixture`, `aircraftFixture`,
 * `russianFixture` and `clearanceFixture` build the nested parts with their own overrides.
 */
import type { AircraftType, Base, Clearance, DistSpec, RussianTraffic, Scenario } from '../../sim/scenario/types.ts';

/** Start of the fixture's clock. */
export const FIXTURE_START = '2024-05-01T00:00:00.000Z';

/** Hours from FIXTURE_START to an ISO instant. */
export function hoursFrom(iso: string): number {
  return (Date.parse(iso) - Date.parse(FIXTURE_START)) / 3_600_000;
}

/** A lognormal given its median and 90th percentile. */
export function lognormal(median: number, p90: number): DistSpec {
  return { kind: 'lognormal', mu: Math.log(median), sigma: (Math.log(p90) - Math.log(median)) / 1.2815515655446004 };
}

/** A fixed value. */
export function fixed(value: number): DistSpec {
  return { kind: 'fixed', value };
}

/** A C-17 as the planning factors describe it. */
export function aircraftFixture(o: Partial<AircraftType> = {}): AircraftType {
  return {
    count: 6,
    payloadST: { kind: 'triangular', min: 30, mode: 45, max: 65 },
    maxPayloadST: 85,
    palletPositions: 18,
    stPerPallet: 4.5,
    seats: 102,
    blockSpeedKt: 430,
    groundTimeH: lognormal(3.25, 5),
    hubTurnaroundH: { kind: 'triangular', min: 16.5, mode: 18, max: 24 },
    availability: { kind: 'mission-capable', rate: 0.85, downH: lognormal(12, 48) },
    ...o,
  };
}

/** Air Base 101 (Niamey)-like: open around the clock, Ramstein as the hub. */
export function baseFixture(o: Partial<Base> = {}): Base {
  return {
    name: 'Air Base 101 (Niamey)',
    rampSpots: 3,
    loadingTeams: 2,
    hours: { open: 0, close: 24 },
    utcOffsetH: 1,
    hubDistanceNm: 2175,
    cargo: { sensitiveST: 250, equipmentST: 1200, personnel: 350 },
    readiness: { readyAtStart: 0.3, prepSTPerDay: { kind: 'uniform', min: 20, max: 40 } },
    closureTeam: 20,
    ...o,
  };
}

/** Air Base 201 (Agadez)-like: the civil airport's 05:30-17:30 hours. */
export function agadezFixture(o: Partial<Base> = {}): Base {
  return baseFixture({
    name: 'Air Base 201 (Agadez)',
    rampSpots: 2,
    loadingTeams: 1,
    hours: { open: 5.5, close: 17.5 },
    hubDistanceNm: 1950,
    cargo: { sensitiveST: 200, equipmentST: 1300, personnel: 550 },
    ...o,
  });
}

/** Clearances from 19 May 2024, answered in about a day, sometimes denied. */
export function clearanceFixture(o: Partial<Clearance> = {}): Clearance {
  return {
    approvalDelayH: lognormal(24, 72),
    denialProb: 0.1,
    resubmitDelayH: fixed(24),
    validityH: 72,
    notBeforeH: hoursFrom('2024-05-19T00:00:00Z'),
    freezes: [],
    dailyCap: null,
    ...o,
  };
}

/** Russian traffic at Niamey: a few Il-76 a month and one permanent spot (their hangar). */
export function russianFixture(o: Partial<RussianTraffic> = {}): RussianTraffic {
  return {
    arrivalsPerDay: 0.1,
    scheduleH: [],
    groundTimeH: { kind: 'triangular', min: 4, mode: 8, max: 24 },
    permanentSpots: 1,
    ...o,
  };
}

/** The whole fixture: two bases, six C-17s, Russian traffic at AB101, commercial seats early on. */
export function scenarioFixture(o: Partial<Scenario> = {}): Scenario {
  const deadlineH = hoursFrom('2024-09-15T00:00:00Z');
  return {
    name: 'fixture',
    description: 'Niger-like test fixture',
    start: FIXTURE_START,
    deadline: '2024-09-15T00:00:00.000Z',
    deadlineH,
    horizonH: deadlineH + 24 * 120,
    fleet: { 'C-17': aircraftFixture() },
    bases: { AB101: baseFixture(), AB201: agadezFixture() },
    clearance: clearanceFixture(),
    russian: { AB101: russianFixture() },
    rampPriority: 'first-come',
    commercial: { AB101: { seatsPerDay: 10, fromH: 0, toH: hoursFrom('2024-05-19T00:00:00Z') } },
    loadOrder: ['sensitive', 'equipment', 'personnel'],
    assignment: 'most-ready',
    closureOrder: ['AB101', 'AB201'],
    batch: { runs: 200, seed: 'fixture' },
    sensitivity: {},
    ...o,
  };
}
