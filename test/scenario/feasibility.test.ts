import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseScenario } from '../../sim/scenario/index.ts';
import { issueAt, issuesOf, pathsOf, SMALL } from './helpers.ts';

/** A C-130J with `count` aircraft, as an override value. */
function C130J(count: number): string {
  return `{ count: ${count}, payload: 18 ST, max_payload: 22 ST, pallet_positions: 6, st_per_pallet: 3.7 ST, seats: 64, block_speed: 320 kt, ground_time: 2h, hub_turnaround: 18h }`;
}

// Each case starts from the valid SMALL scenario, changes what makes it unable to finish, and
// must produce exactly the issue at the path to change.
const CASES: Array<[string, string[], string, RegExp]> = [
  ['no aircraft', ['fleet={}'], 'fleet', /no aircraft/],
  ['a base with cargo but no ramp spots', ['bases.AB101.ramp_spots=0'], 'bases.AB101.ramp_spots', /no ramp spots/],
  ['a base with cargo but no loading teams', ['bases.AB101.loading_teams=0'], 'bases.AB101.loading_teams', /no loading teams/],
  ['every clearance denied', ['clearance.denial_probability=1', 'clearance.resubmit_delay=1d'], 'clearance.denial_probability', /every clearance request is denied/],
  ['a preparation rate always 0 with cargo not ready', ['bases.AB101.readiness.prep_rate=0'], 'bases.AB101.readiness.prep_rate', /always 0/],
  ['a preparation rate whose every draw is 0', ['bases.AB101.readiness.prep_rate={ empirical: { values: [0, 30], weights: [1, 0] } }'], 'bases.AB101.readiness.prep_rate', /always 0/],
  ['a freeze that never ends before the horizon', ['horizon=2024-12-31', 'clearance.freezes=[{ from: 2024-08-01, to: 2025-01-10 }]'], 'clearance.freezes.0.to', /does not end before the horizon/],
  ['a freeze over the whole run', ['horizon=2024-12-31', 'clearance.freezes=[{ from: 2024-05-01, to: 2025-01-10 }]'], 'clearance.freezes.0', /covers the whole run/],
  ['freezes that chain from not_before to the horizon', ['horizon=2024-12-31', 'clearance.not_before=2024-06-01', 'clearance.freezes=[{ from: 2024-06-01, to: 2024-09-01 }, { from: 2024-08-15, to: 2025-01-01 }]'], 'clearance.freezes', /together block every approval/],
  ['nothing approved before the horizon', ['horizon=2024-12-31', 'clearance.not_before=2025-01-01'], 'clearance.not_before', /nothing is approved before the horizon/],
  ['a daily cap of 0', ['clearance.daily_cap=0'], 'clearance.daily_cap', /approves no landing at all/],
  ['aircraft that are never mission-capable', ['fleet.C-17.availability={ mission_capable: 0, down_time: 24h }'], 'fleet.C-17.availability.mission_capable', /never mission-capable/],
  ['aircraft without seats for personnel', ['fleet.C-17.seats=0'], 'fleet.C-17.seats', /no aircraft type has seats/],
  ['a clearance valid for less time than the flight to a base', ['clearance.validity=1m'], 'clearance.validity', /valid 1 min, but the flight from the hub to AB101 takes .* no aircraft could ever land there/],
  ['aircraft that never carry cargo', ['fleet.C-17.payload=0'], 'fleet.C-17.payload', /no aircraft type ever carries cargo/],
  ['every aircraft type with count 0', ['fleet.C-17.count=0'], 'fleet.C-17.count', /every aircraft type has count 0: nothing can ever leave/],
  // A type with count 0 flies nothing, so its seats do not make up for the flying type's none.
  ['seats only on a type with count 0', ['fleet.C-17.seats=0', `fleet.C-130J=${C130J(0)}`], 'fleet.C-17.seats', /no aircraft type has seats/],
  ['a base that takes only a type that is never mission-capable', [`fleet.C-130J=${C130J(2)}`, 'fleet.C-130J.availability={ mission_capable: 0, down_time: 24h }', 'bases.AB101.aircraft_types=[C-130J]'], 'bases.AB101.aircraft_types', /every aircraft type that may land at AB101 is never mission-capable/],
  ['a base that takes only a type with count 0', [`fleet.C-130J=${C130J(0)}`, 'bases.AB101.aircraft_types=[C-130J]'], 'bases.AB101.aircraft_types', /every aircraft type that may land at AB101 has count 0/],
  ['a base with personnel that takes only a seatless type', [`fleet.C-130J={ ${C130J(2).slice(2, -2).replace('seats: 64', 'seats: 0')} }`, 'bases.AB101.aircraft_types=[C-130J]'], 'bases.AB101.aircraft_types', /no aircraft type that may land at AB101 has seats/],
  ['a base that takes only a type too slow for the validity', [`fleet.C-130J=${C130J(2)}`, 'bases.AB101.aircraft_types=[C-130J]', 'clearance.validity=3h', 'bases.AB101.hub_distance=1000nm'], 'clearance.validity', /flight from the hub to AB101 takes 3\.1 h/],
];

for (const [name, overrides, path, message] of CASES) {
  test(`caught before running: ${name}`, () => {
    const issues = issuesOf(SMALL, overrides);
    const paths = pathsOf(issues).filter((p) => p !== 'clearance.freezes.1.to');
    assert.equal(paths, [path], `issues: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' | ')}`);
    assert.match(issueAt(issues, path).message, message);
  });
}

test('a clearance validity just long enough for the flight is fine', () => {
  // 6 nm at 420 kt is a 51 s flight: a 1 min approval still covers it.
  const r = parseScenario(SMALL, 'test.yaml', ['clearance.validity=1m', 'bases.AB101.hub_distance=6nm', 'fleet.C-17.block_speed=420kt']);
  assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => i.message).join('; '));
});

test('a freeze that ends before the horizon is fine', () => {
  assert.ok(parseScenario(SMALL, 'test.yaml', ['clearance.freezes=[{ from: 2024-06-01, to: 2024-07-01 }]']).ok);
});

test('a base with nothing to move needs no ramp spots or loading teams', () => {
  const r = parseScenario(SMALL, 'test.yaml', [
    'bases.AB102={ ramp_spots: 0, loading_teams: 0, hub_distance: 1000 nm, cargo: { sensitive: 0, equipment: 0, personnel: 0 }, readiness: { ready_at_start: 0, prep_rate: 0 } }',
  ]);
  assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => i.message).join('; '));
});

test('a type with count 0 beside one that flies is valid (a sweep may take a type out)', () => {
  const r = parseScenario(SMALL, 'test.yaml', [`fleet.C-130J=${C130J(0)}`]);
  assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => i.message).join('; '));
});

test('aircraft_types names types of the fleet, each once', () => {
  const issues = issuesOf(SMALL, [`fleet.C-130J=${C130J(2)}`, 'bases.AB101.aircraft_types=[C130J, C-17, C-17]']);
  assert.equal(pathsOf(issues), ['bases.AB101.aircraft_types.0', 'bases.AB101.aircraft_types.2']);
  assert.match(issueAt(issues, 'bases.AB101.aircraft_types.0').message, /unknown aircraft type "C130J"; did you mean "C-130J"\?/);
  assert.match(issueAt(issues, 'bases.AB101.aircraft_types.2').message, /listed twice/);
  assert.ok(parseScenario(SMALL, 'test.yaml', [`fleet.C-130J=${C130J(2)}`, 'bases.AB101.aircraft_types=[C-130J]']).ok);
  // One type written without brackets: the message shows the list form.
  const bare = issuesOf(SMALL, [`fleet.C-130J=${C130J(2)}`, 'bases.AB101.aircraft_types=C-130J']);
  assert.match(issueAt(bare, 'bases.AB101.aircraft_types').message, /^expected a list of aircraft types, e.g. \[C-130J\], got "C-130J"/);
});

test('feasibility problems are listed together with schema problems', () => {
  const issues = issuesOf(SMALL, ['bases.AB101.ramp_spots=0', 'fleet.C-17.count=-1']);
  assert.equal(pathsOf(issues), ['bases.AB101.ramp_spots', 'fleet.C-17.count']);
});

test.run();
