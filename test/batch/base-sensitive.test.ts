// Each base's sensitive-equipment dates in the summary, against the replications they summarize.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBatch } from '../../sim/batch/run.ts';
import type { Quantiles, Summary } from '../../sim/batch/types.ts';
import { loadScenarioFile } from '../../sim/cli/files.ts';
import { createModel } from '../../sim/model/index.ts';
import type { Scenario } from '../../sim/scenario/types.ts';

const niger = (overrides: string[] = []): Scenario => loadScenarioFile('scenarios/niger-2024.yaml', overrides);
const STAGED = ['assignment=staged', 'closure_order=[AB201, AB101]'];
const RUNS = 60;

/** Hours from the scenario start of a summary date (null: after the horizon). */
const hoursOf = (s: Summary, iso: string | null): number => (iso === null ? Infinity : (Date.parse(iso) - Date.parse(s.start)) / 3_600_000);

test("each base's sensitive quantiles and share by the deadline are those of its replications' dates", async () => {
  const sc = niger(STAGED);
  const s = (await runBatch(sc, { runs: RUNS, seed: 'base-sensitive', workers: 0 })).summary;
  const m = createModel(sc);
  const runs = Array.from({ length: RUNS }, (_, i) => m.run('base-sensitive', i));
  for (const id of ['AB101', 'AB201']) {
    const got = s.bases[id]!.sensitive!;
    const hours = runs.map((r) => r.bases[id]!.sensitiveDoneH ?? Infinity);
    const onTime = hours.filter((h) => h <= sc.deadlineH).length;
    assert.is(got.p_by_deadline, Math.round((onTime / RUNS) * 1e6) / 1e6, `${id} p_by_deadline`);
    // Read from one-hour bins: a quantile within an hour (and a second of rounding) of the exact one.
    const slack = 1 + 1 / 3600;
    for (const [k, q] of [['p10', 0.1], ['p50', 0.5], ['p90', 0.9]] as const) {
      const h = hoursOf(s, got[k]);
      assert.ok(hours.filter((x) => x <= h + slack).length >= q * RUNS, `${id} ${k} ${got[k]}: too early`);
      assert.ok(hours.filter((x) => x < h - slack).length < q * RUNS, `${id} ${k} ${got[k]}: too late`);
    }
  }
  // Staged, Agadez first: Niamey's sensitive equipment waits for Agadez's aircraft.
  assert.ok(hoursOf(s, s.bases.AB101!.sensitive!.p50) > hoursOf(s, s.bases.AB201!.sensitive!.p50));
});

/** Everything that must hold between the overall sensitive dates and each base's. */
function assertOverallIsLatest(s: Summary, what: string): void {
  for (const [id, b] of Object.entries(s.bases)) {
    const base = b.sensitive!;
    // Run by run the overall date is the latest of the bases': its distribution lies to the right
    // of each base's, so its quantiles are no earlier (though not the latest of theirs) and its
    // share by the deadline is no larger.
    for (const k of ['p10', 'p50', 'p90'] as Array<keyof Quantiles>) {
      assert.ok(hoursOf(s, s.sensitive[k]) >= hoursOf(s, base[k]), `${what}: sensitive.${k} ${s.sensitive[k]} before ${id}'s ${base[k]}`);
    }
    assert.ok(s.sensitive.p_by_deadline <= base.p_by_deadline, `${what}: ${id}`);
  }
}

test('the overall sensitive dates are no earlier than any base, and its share by the deadline no larger', async () => {
  for (const sets of [[], STAGED, [...STAGED, 'sensitive_priority=across-bases'], ['fleet.C-17.count=1', 'horizon=2024-10-01']]) {
    const s = (await runBatch(niger(sets), { runs: RUNS, seed: 'latest', workers: 0 })).summary;
    assertOverallIsLatest(s, sets.join(' ') || 'baseline');
  }
});

test('a base with no sensitive equipment has no sensitive dates (null, not the start), and the overall dates are the other base', async () => {
  const s = (await runBatch(niger(['bases.AB201.cargo.sensitive=0']), { runs: RUNS, seed: 'none', workers: 0 })).summary;
  assert.is(s.bases.AB201!.sensitive, null);
  assert.ok(s.bases.AB101!.sensitive !== null && hoursOf(s, s.bases.AB101!.sensitive!.p50) > 24);
  assert.equal(s.sensitive, s.bases.AB101!.sensitive);
});

test('sensitive equipment left at the horizon gives null dates and a share of 0 at that base', async () => {
  const s = (await runBatch(niger(['fleet.C-17.count=1', 'deadline=2024-05-25', 'horizon=2024-05-25']), { runs: 20, seed: 'short', workers: 0 })).summary;
  for (const b of Object.values(s.bases)) assert.equal(b.sensitive, { p10: null, p50: null, p90: null, p_by_deadline: 0 });
});

test("each base's sensitive dates are the same bytes with 1 and 2 worker threads, over several chunks", async () => {
  const sc = niger([...STAGED, 'sensitive_priority=across-bases']);
  const one = (await runBatch(sc, { runs: 150, seed: 'workers', workers: 1 })).summary;
  const two = (await runBatch(sc, { runs: 150, seed: 'workers', workers: 2 })).summary;
  assert.ok(one.bases.AB101!.sensitive !== undefined);
  assert.is(JSON.stringify(two), JSON.stringify(one));
});

test.run();
