// Sweep CSV columns: the names the README documents, each cell from its own field.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SWEEP_COLUMNS, sweepCsv } from '../../sim/sweep/csv.ts';
import type { SweepTable } from '../../sim/sweep/sweep.ts';
import { readScenarioText, runBatch, loadScenario, sweep } from '../../sim/index.ts';

const shares = { clearanceWait: 0.11, rampWait: 0.12, cargoWait: 0.13, loading: 0.14, flying: 0.15, hub: 0.16, down: 0.07, teamWait: 0.08, closedWait: 0.04 };

const table: SweepTable = {
  scenario: 's', seed: 'x', runs: 10, start: '2024-05-19T00:00:00Z', deadline: '2024-09-15T00:00:00Z', parameters: ['fleet.C-17.count'],
  rows: [{
    values: { 'fleet.C-17.count': 2 }, runs: 10, p_by_deadline: 0.5, p_by_deadline_ci95: [0.2, 0.8],
    completion: { p10: null, p50: null, p90: null, mean_days: null }, sensitive_p50: null, mean_sorties: 3, time: shares, diagnosis: '',
  }],
};

test('the share columns keep their names and order, with the team and closed-airfield shares added last', () => {
  assert.equal(SWEEP_COLUMNS.slice(-9), [
    'share_clearance_wait', 'share_ramp_wait', 'share_cargo_wait', 'share_loading', 'share_flying', 'share_hub', 'share_down',
    'share_team_wait', 'share_closed_wait',
  ]);
});

test('each share column holds its own share', () => {
  const [head, row] = sweepCsv(table).trim().split('\n').map((l) => l.split(','));
  const cell = (name: string): string => row![head!.indexOf(name)]!;
  assert.is(cell('share_ramp_wait'), '0.12');
  assert.is(cell('share_loading'), '0.14');
  assert.is(cell('share_team_wait'), '0.08');
  assert.is(cell('share_closed_wait'), '0.04');
  assert.is(head!.length, row!.length);
});

test("after the fixed columns, each base's median closure and sensitive-out dates, equal to a run's summary at that point", async () => {
  const t = await sweep(readScenarioText('scenarios/niger-2024.yaml'), { sensitive_priority: ['per-sortie', 'across-bases'] }, { runs: 20, workers: 0, sets: ['assignment=staged'] });
  const [head, ...rows] = sweepCsv(t).trim().split('\n').map((l) => l.split(','));
  assert.equal(head!.slice(1 + SWEEP_COLUMNS.length), ['closed_p50_AB101', 'sensitive_p50_AB101', 'closed_p50_AB201', 'sensitive_p50_AB201']);
  const run = (await runBatch(loadScenario('scenarios/niger-2024.yaml', ['assignment=staged', 'sensitive_priority=across-bases']), { runs: 20, seed: t.seed, workers: 0 })).summary;
  const row = rows.find((r) => r[0] === 'across-bases')!;
  const cell = (name: string): string => row[head!.indexOf(name)]!;
  assert.is(cell('closed_p50_AB101'), run.bases.AB101!.closed.p50);
  assert.is(cell('sensitive_p50_AB201'), run.bases.AB201!.sensitive!.p50);
  assert.is(head!.length, row.length);
});

test.run();
