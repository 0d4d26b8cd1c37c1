/**
 * Every shipped scenario runs as a batch, and each variant tells the story its header tells,
 * against the baseline on the same replications (common random numbers).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { parseScenario } from '../../sim/scenario/index.ts';
import { runBatch } from '../../sim/batch/run.ts';
import type { Summary } from '../../sim/batch/types.ts';

const RUNS = 200;
const files = readdirSync('scenarios').filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
const results = new Map<string, Summary>();

async function summaryOf(file: string): Promise<Summary> {
  const cached = results.get(file);
  if (cached) return cached;
  const path = `scenarios/${file}`;
  const r = parseScenario(readFileSync(path, 'utf8'), path);
  if (!r.ok) throw new Error(`${path} does not validate: ${JSON.stringify(r.issues)}`);
  const { summary } = await runBatch(r.scenario, { runs: RUNS, seed: 'stories', workers: 0 });
  results.set(file, summary);
  return summary;
}

for (const file of files) {
  test(`${file} runs a batch to a complete summary`, async () => {
    const s = await summaryOf(file);
    assert.is(s.runs, RUNS);
    assert.ok(s.p_by_deadline >= s.p_by_deadline_ci95[0] && s.p_by_deadline <= s.p_by_deadline_ci95[1]);
    assert.ok(s.mean_sorties > 0);
    assert.ok(s.fan.length > 0 && s.sample.sorties.length > 0);
    assert.ok(s.diagnosis.length > 20);
  });
}

const lower = (a: Summary, b: Summary): boolean => a.p_by_deadline_ci95[1] < b.p_by_deadline_ci95[0];

test('a clearance freeze makes the deadline clearly less likely than the baseline', async () => {
  const base = await summaryOf('niger-2024.yaml');
  const freeze = await summaryOf('niger-2024-clearance-freeze.yaml');
  assert.ok(lower(freeze, base), `freeze ${freeze.p_by_deadline_ci95} vs baseline ${base.p_by_deadline_ci95}`);
  assert.ok(freeze.time.clearanceWait > base.time.clearanceWait);
});

test('a Russian surge at Niamey lengthens ramp waits and lowers P', async () => {
  const base = await summaryOf('niger-2024.yaml');
  const surge = await summaryOf('niger-2024-russian-surge.yaml');
  assert.ok(surge.time.rampWait > 2 * base.time.rampWait, `ramp wait share ${surge.time.rampWait} vs ${base.time.rampWait}`);
  assert.ok(lower(surge, base), `surge ${surge.p_by_deadline_ci95} vs baseline ${base.p_by_deadline_ci95}`);
  const ruAtNiamey = surge.ramp.filter((r) => r.base === 'AB101').reduce((a, r) => a + r.ru, 0);
  const ruBase = base.ramp.filter((r) => r.base === 'AB101').reduce((a, r) => a + r.ru, 0);
  assert.ok(ruAtNiamey > 5 * ruBase);
});

test('a thin fleet makes the deadline less likely and needs more sorties', async () => {
  const base = await summaryOf('niger-2024.yaml');
  const thin = await summaryOf('niger-2024-thin-fleet.yaml');
  assert.ok(lower(thin, base), `thin ${thin.p_by_deadline_ci95} vs baseline ${base.p_by_deadline_ci95}`);
  assert.ok(thin.mean_sorties > base.mean_sorties);
});

test.run();
