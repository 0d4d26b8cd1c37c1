/**
 * Real sweep and sensitivity tables for the report tests, from small runs of
 * scenarios/niger-2024-russian-surge.yaml in this thread (the variant whose fleet sweep has a
 * point between certain failure and near certainty, which the target tests need). Each is run once per process (the node and the
 * browser suites share them) and handed out as a fresh copy, so tests can alter theirs.
 */
import { readFileSync } from 'node:fs';
import { findTarget, sensitivity, sweep, type SensitivityTable, type SweepTable, type TargetAnswer } from '../../sim/sweep/index.ts';

const file = 'scenarios/niger-2024-russian-surge.yaml';
const base = { text: readFileSync(file, 'utf8'), file };
const RUNS = 40;

export interface Tables {
  /** fleet.C-17.count = 1..4. */
  one: SweepTable;
  /** Its answer to a target of 80%: the estimate reaches it at 2, the whole interval at 3. */
  target: TargetAnswer;
  /** fleet.C-17.count = 2,3 x clearance.approval_delay = three lognormal maps (non-numeric values). */
  two: SweepTable;
  /** Three inputs, the fleet moved from 1 to 4 aircraft. */
  sens: SensitivityTable;
}

let cached: Promise<string> | undefined;

async function run(): Promise<string> {
  const options = { runs: RUNS, workers: 0, seed: 'report-tests' };
  const one = await sweep(base, { 'fleet.C-17.count': [1, 2, 3, 4] }, options);
  const delay = (median: string, p90: string) => ({ lognormal: { median, p90 } });
  const two = await sweep(base, { 'fleet.C-17.count': [2, 3], 'clearance.approval_delay': [delay('12h', '36h'), delay('24h', '72h'), delay('48h', '144h')] }, options);
  const sens = await sensitivity(base, {
    ...options,
    sets: ['sensitivity={ fleet.C-17.count: { low: 1, high: 4 }, bases.AB201.ramp_spots: { low: 2, high: 5 }, fleet.C-17.availability.mission_capable: { low: 0.67, high: 0.95 } }'],
  });
  return JSON.stringify({ one, target: findTarget(one, 0.8), two, sens });
}

/** Fresh copies of the tables (run on first use, a few seconds). */
export async function tables(): Promise<Tables> {
  cached ??= run();
  return JSON.parse(await cached) as Tables;
}

/**
 * The two-parameter table with a third parameter added by hand (each point twice, at
 * bases.AB101.ramp_spots 2 and 4), for the small-multiples chart; the numbers are not a real run.
 */
export function withThirdParameter(two: SweepTable): SweepTable {
  const path = 'bases.AB101.ramp_spots';
  return {
    ...two,
    parameters: [...two.parameters, path],
    rows: [2, 4].flatMap((spots) => two.rows.map((r) => ({ ...r, values: { ...r.values, [path]: spots } }))),
  };
}
