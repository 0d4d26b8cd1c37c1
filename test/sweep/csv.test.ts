// Sweep CSV columns: the names the README documents, each cell from its own field.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SWEEP_COLUMNS, sweepCsv } from '../../sim/sweep/csv.ts';
import type { SweepTable } from '../../sim/sweep/sweep.ts';

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

test.run();
