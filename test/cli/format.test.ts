import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './helpers.ts';
import { count, formatShares } from '../../sim/cli/format.ts';

const thin = 'scenarios/niger-2024-thin-fleet.yaml';

test('count is singular for 1 only, and groups thousands', () => {
  assert.is(count(1, 'replication'), '1 replication');
  assert.is(count(0, 'replication'), '0 replications');
  assert.is(count(2000, 'replication'), '2,000 replications');
  assert.is(count(1, 'sortie'), '1 sortie');
});

test('one replication is "1 replication" in run, sweep and sensitivity output', async () => {
  const outputs = [
    await cli('run', thin, '--runs', '1', '--workers', '0'),
    await cli('sweep', thin, '--vary', 'fleet.C-17.count=1,2', '--runs', '1', '--workers', '0'),
    await cli('sensitivity', thin, '--runs', '1', '--workers', '0'),
  ];
  for (const r of outputs) {
    assert.is(r.code, 0, r.err);
    assert.match(r.out, /\b1 replication\b(?!s)/);
    assert.not.match(r.out + r.err, /\b1 replications\b/);
  }
});

test('the time line names loading-team and closed-airfield waits apart from ramp and loading', () => {
  const line = formatShares({ clearanceWait: 0.4, rampWait: 0.001, loading: 0.1, flying: 0.1, hub: 0.2, down: 0, cargoWait: 0, teamWait: 0.12, closedWait: 0.079 });
  assert.is(line, 'waiting for clearance 40%, at the hub (turnaround, crew rest) 20%, waiting for a loading team 12%, on the ground loading 10%, flying 10%, waiting for the airfield to open 8%');
});

test.run();
