// Where aircraft time goes, by cause: a spot, the airfield's hours, a loading team, the work.
// Unit checks of PhaseClock, then the shipped baseline with overrides, as `--set` would give it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Clock, OperatingHours } from '../../sim/model/calendar.ts';
import { CLOSED, GROUND, N_PHASES, PhaseClock, RAMP, TEAM } from '../../sim/model/phases.ts';
import { createModel } from '../../sim/model/index.ts';
import type { ReplicationResult, TimeBudget, TraceEvent } from '../../sim/model/types.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { loadScenarioFile } from '../../sim/cli/files.ts';

/** The shipped baseline, with `--set`-style overrides. */
const niger = (overrides: string[] = []): Scenario => loadScenarioFile('scenarios/niger-2024.yaml', overrides);

/** Baseline with no Russian traffic and more ramp spots than aircraft: nobody waits for a spot. */
const QUIET = ['russian.AB101.arrivals_per_day=0', 'bases.AB101.ramp_spots=8', 'bases.AB201.ramp_spots=8'];
/** One loading team per base, twenty C-17s, plenty of spots, all cargo ready, fast clearances. */
const ONE_TEAM = [
  'bases.AB101.loading_teams=1', 'bases.AB201.loading_teams=1', 'fleet.C-17.count=20',
  'bases.AB101.ramp_spots=30', 'bases.AB201.ramp_spots=30',
  'bases.AB101.readiness.ready_at_start=1', 'bases.AB201.readiness.ready_at_start=1', 'clearance.approval_delay=1h',
];

const sumBudget = (t: TimeBudget): number => Object.values(t).reduce((a, b) => a + b, 0);

/** Budgets summed over `n` replications. */
function budgets(sc: Scenario, n: number, seed = 'phases'): { fleet: TimeBudget; runs: ReplicationResult[] } {
  const m = createModel(sc);
  const runs = Array.from({ length: n }, (_, i) => m.run(seed, i, { keepSorties: true }));
  const fleet = { ...runs[0]!.time };
  for (const r of runs.slice(1)) for (const k of Object.keys(fleet) as Array<keyof TimeBudget>) fleet[k] += r.time[k];
  return { fleet, runs };
}

const share = (t: TimeBudget, k: keyof TimeBudget): number => t[k] / sumBudget(t);

test('loading counts open hours as loading work and closed hours as waiting for the airfield, wherever the span is cut', () => {
  const clock = new Clock('2024-05-19T00:00:00Z');
  const agadez = new OperatingHours('AB201', 5.5, 17.5, 1, clock); // open 04:30-16:30 UTC: model hours 4.5..16.5
  const pc = new PhaseClock();
  pc.enter(RAMP, 0);
  pc.enterLoading(agadez, 15);
  // Cut in the night: 15..16.5 open (1.5 h), 16.5..20 closed (3.5 h).
  pc.accrue(20);
  assert.is(pc.total[GROUND], 1.5);
  assert.is(pc.total[CLOSED], 3.5);
  // Take-off next morning at 30: 20..28.5 closed (8.5 h), 28.5..30 open (1.5 h).
  pc.enter(TEAM, 30);
  assert.is(pc.total[GROUND], 3);
  assert.is(pc.total[CLOSED], 12);
  assert.is(pc.total.reduce((a, b) => a + b, 0), 30);
  assert.is(pc.total.length, N_PHASES);
});

test('loading at a base open around the clock is all loading work', () => {
  const clock = new Clock('2024-05-19T00:00:00Z');
  const pc = new PhaseClock();
  pc.enterLoading(new OperatingHours('AB101', 0, 24, 1, clock), 2);
  pc.freeze(50);
  assert.is(pc.total[GROUND], 48);
  assert.is(pc.total[CLOSED], 0);
});

test('in the baseline with spots to spare, nobody waits for a spot but aircraft wait for Agadez to open', () => {
  const { fleet, runs } = budgets(niger(QUIET), 20);
  assert.is(fleet.rampWaitH, 0);
  assert.ok(share(fleet, 'closedWaitH') > 0.01, `closed-airfield share ${share(fleet, 'closedWaitH')}`);
  // Niamey is open around the clock: all of that wait is Agadez's.
  for (const r of runs) assert.is(r.bases.AB101!.time.closedWaitH, 0);
  assert.ok(runs.every((r) => r.bases.AB201!.time.closedWaitH > 0));
});

test('with Agadez open around the clock, no time goes to waiting for the airfield', () => {
  const { fleet } = budgets(niger(['bases.AB201.hours=always']), 20);
  assert.is(fleet.closedWaitH, 0);
  assert.ok(fleet.groundH > 0);
});

test('with one loading team and twenty aircraft, waiting for the team is the largest wait', () => {
  const { fleet, runs } = budgets(niger(ONE_TEAM), 10);
  const team = share(fleet, 'teamWaitH');
  assert.ok(team > 0.2, `team-wait share ${team}`);
  for (const k of ['clearanceWaitH', 'rampWaitH', 'closedWaitH', 'cargoWaitH', 'downH'] as const) {
    assert.ok(fleet.teamWaitH > fleet[k], `team wait ${fleet.teamWaitH} vs ${k} ${fleet[k]}`);
  }
  // With two teams per base the wait falls (the same draws, one more team each).
  const two = budgets(niger([...ONE_TEAM, 'bases.AB101.loading_teams=2', 'bases.AB201.loading_teams=2']), 10).fleet;
  assert.ok(two.teamWaitH < fleet.teamWaitH / 2, `two teams ${two.teamWaitH} vs one ${fleet.teamWaitH}`);
  assert.ok(runs.some((r) => r.sortieLog!.some((s) => s.teamWaitH > 1)));
});

test('an approval that would land while the base is closed: the wait for the next request is the airfield\'s, not the host nation\'s', () => {
  // Every answer takes exactly 1 h and none is denied, so each approval is 1 h of clearance wait;
  // a 6 h validity cannot span Agadez's 12 h night, so some approvals lapse for that reason.
  const sc = niger(['clearance.approval_delay=1h', 'clearance.denial_probability=0', 'clearance.validity=6h']);
  const m = createModel(sc);
  let lapsed = 0;
  for (let i = 0; i < 5; i++) {
    const events: TraceEvent[] = [];
    const r = m.run('phases', i, { keepSorties: true, trace: (e) => events.push(e) });
    for (const e of events) if (e.event === 'clearance expired' && e.detail?.reason === 'base closed on arrival') lapsed++;
    const approvals = new Map<string, number[]>(); // per aircraft, approvals in each sortie, in order
    for (const e of events) {
      if (e.aircraft === undefined) continue;
      const list = approvals.get(e.aircraft) ?? [];
      if (e.event === 'clearance requested') list.push(0);
      if (e.event === 'clearance approved') list[list.length - 1]! += 1;
      approvals.set(e.aircraft, list);
    }
    const seen = new Map<string, number>();
    for (const s of r.sortieLog ?? []) {
      const k = seen.get(s.aircraft) ?? 0;
      seen.set(s.aircraft, k + 1);
      const n = approvals.get(s.aircraft)![k]!;
      assert.ok(Math.abs(s.clearanceWaitH - n) < 1e-6, `replication ${i}, ${s.aircraft} sortie ${k}: ${s.clearanceWaitH} h of clearance wait for ${n} approvals`);
    }
  }
  assert.ok(lapsed > 0, 'no approval lapsed for a closed base: the case is not exercised');
});

test('phases sum to aircraft x time when no aircraft stops before the horizon', () => {
  const sc = niger([...ONE_TEAM, 'deadline=2024-05-22', 'horizon=2024-05-25']);
  const { runs } = budgets(sc, 3);
  for (const r of runs) {
    assert.is(r.stopReason, 'horizon');
    const total = sumBudget(r.time);
    assert.ok(Math.abs(total - 20 * sc.horizonH) < 1e-6, `fleet hours ${total} vs ${20 * sc.horizonH}`);
    // Base budgets plus what belongs to no base (down, waiting for cargo) make the fleet's.
    const bases = Object.values(r.bases).reduce((a, b) => a + sumBudget(b.time), 0);
    assert.ok(Math.abs(bases + r.time.downH + r.time.cargoWaitH - total) < 1e-6, `bases ${bases} vs fleet ${total}`);
  }
});

test('each sortie accounts for every hour from request to return once, whatever the cause of waiting', () => {
  const sc = niger(['fleet.C-17.count=6', 'bases.AB101.loading_teams=1', 'bases.AB201.loading_teams=1']);
  const { runs } = budgets(sc, 3, 'sortie-sums');
  const speed = sc.fleet['C-17']!.blockSpeedKt;
  let teamWaits = 0;
  let closedWaits = 0;
  for (const r of runs) {
    for (const s of r.sortieLog!) {
      const oneWay = sc.bases[s.base]!.hubDistanceNm / speed;
      const phases = s.clearanceWaitH + s.rampWaitH + s.closedWaitH + s.teamWaitH + s.groundH + s.flyingH;
      assert.ok(Math.abs(phases - (s.departedH - s.requestedH + oneWay)) < 1e-6, `${s.aircraft} at ${s.requestedH}: ${phases}`);
      // On the ground: team wait, then work and closed hours, nothing else.
      assert.ok(s.teamWaitH + s.groundH <= s.departedH - s.landedH + 1e-9);
      if (s.teamWaitH > 0) teamWaits++;
      if (s.closedWaitH > 0) closedWaits++;
    }
  }
  assert.ok(teamWaits > 0 && closedWaits > 0, `team waits ${teamWaits}, closed waits ${closedWaits}`);
});

test.run();
