// The time shares and the diagnosis: every wait can be named, in the words of its lever.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnose } from '../../sim/batch/summarize.ts';
import { runBatch } from '../../sim/batch/run.ts';
import { checkSummary } from '../../sim/batch/summary-schema.ts';
import type { TimeShares } from '../../sim/batch/types.ts';
import { loadScenarioFile } from '../../sim/cli/files.ts';
import { formatShares } from '../../sim/cli/format.ts';

const niger = (overrides: string[] = []) => loadScenarioFile('scenarios/niger-2024.yaml', overrides);

const quiet: TimeShares = { clearanceWait: 0.02, rampWait: 0.02, loading: 0.2, flying: 0.3, hub: 0.3, down: 0.02, cargoWait: 0.02, teamWait: 0.02, closedWait: 0.1 };

test('the diagnosis names the closed airfield and loading teams when they are the largest waits', () => {
  assert.match(diagnose(quiet, 0.9, ''), /^Main constraint: aircraft spent 10% of their time waiting for the airfield to open \(operating hours\)\.$/);
  const teams = diagnose({ ...quiet, teamWait: 0.3, closedWait: 0.06, loading: 0.06 }, 0.4, '');
  assert.match(teams, /30% of their time waiting for a loading team \(working MOG\), then 6% waiting for the airfield to open \(operating hours\)\./);
  assert.match(teams, /more likely missed/);
  const none = diagnose({ ...quiet, teamWait: 0.3 }, 0, '');
  assert.match(none, / No run finished by the deadline\.$/);
  assert.not.match(none, /more likely missed/);
});

test('a ramp queue with team waits beside it says that more teams may free spots; without them it does not', () => {
  const ramp = { ...quiet, rampWait: 0.2, closedWait: 0.02 };
  assert.match(diagnose({ ...ramp, teamWait: 0.04 }, 0.9, ''), /20% of their time waiting for a ramp spot \(parking MOG\)\. Aircraft holding spots also waited 4% of the time for a loading team, so more teams may free spots too\.$/);
  assert.not.match(diagnose({ ...ramp, teamWait: 0.005 }, 0.9, ''), /loading team/);
  // Named already as the second constraint: no extra sentence.
  assert.not.match(diagnose({ ...ramp, teamWait: 0.08 }, 0.9, ''), /also waited/);
});

test('loading work is not a delay: a long loading share alone names no constraint', () => {
  const s = diagnose({ ...quiet, loading: 0.5, closedWait: 0.02, flying: 0.2, hub: 0.2 }, 0.9, '');
  assert.match(s, /^No external delay dominates/);
});

test('with one loading team for twenty aircraft, the batch summary names loading teams', async () => {
  const sc = niger([
    'bases.AB101.loading_teams=1', 'bases.AB201.loading_teams=1', 'fleet.C-17.count=20',
    'bases.AB101.ramp_spots=30', 'bases.AB201.ramp_spots=30',
    'bases.AB101.readiness.ready_at_start=1', 'bases.AB201.readiness.ready_at_start=1', 'clearance.approval_delay=1h',
  ]);
  const s = (await runBatch(sc, { runs: 20, seed: 'teams', workers: 0 })).summary;
  assert.ok(s.time.teamWait > 0.2, `team-wait share ${s.time.teamWait}`);
  assert.match(s.diagnosis, /^Main constraint: aircraft spent \d+% of their time waiting for a loading team \(working MOG\)/);
  assert.match(formatShares(s.time), /^waiting for a loading team \d+%/);
  assert.ok(checkSummary(JSON.parse(JSON.stringify(s))).ok);
});

test('in the baseline, Agadez closing at night is an operating-hours share, not a ramp share', async () => {
  const s = (await runBatch(niger(['russian.AB101.arrivals_per_day=0']), { runs: 20, seed: 'hours', workers: 0 })).summary;
  assert.is(s.time.rampWait, 0);
  assert.ok(s.time.closedWait > 0.01, `closed-airfield share ${s.time.closedWait}`);
  assert.is(s.bases.AB101!.time.closedWait, 0);
  assert.ok(s.bases.AB201!.time.closedWait > s.time.closedWait);
  const sum = Object.values(s.time).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 1) <= 0.0005 * Object.keys(s.time).length, `shares sum to ${sum}`);
});

test.run();
