/**
 * Real comparison tables for the report tests, from small runs (40 replications, in this thread):
 * the baseline against a clearance freeze and a thin fleet (every change worse beyond noise), and
 * the thin fleet as reference against the baseline (better beyond noise) and an identical copy of
 * itself (a tie, within noise). Run once per process, handed out as fresh copies.
 */
import { readFileSync } from 'node:fs';
import { compareScenarios, type CompareTable } from '../../sim/sweep/index.ts';

const text = (file: string) => ({ file, text: readFileSync(file, 'utf8') });
const [BASE, FREEZE, THIN] = ['scenarios/niger-2024.yaml', 'scenarios/niger-2024-clearance-freeze.yaml', 'scenarios/niger-2024-thin-fleet.yaml'].map(text) as [ReturnType<typeof text>, ReturnType<typeof text>, ReturnType<typeof text>];

export interface CompareTables {
  /** niger-2024 (reference), clearance freeze, thin fleet. */
  worse: CompareTable;
  /** thin fleet (reference), niger-2024, a copy of the thin fleet under another file name. */
  better: CompareTable;
}

let cached: Promise<string> | undefined;

async function run(): Promise<string> {
  const options = { runs: 40, workers: 0, seed: 'compare-report-tests' };
  const worse = await compareScenarios([BASE, FREEZE, THIN], options);
  const better = await compareScenarios([THIN, BASE, { ...THIN, file: 'copy-of-thin-fleet.yaml' }], options);
  return JSON.stringify({ worse, better });
}

/** Fresh copies of the tables (run on first use, a few seconds). */
export async function compareTables(): Promise<CompareTables> {
  cached ??= run();
  return JSON.parse(await cached) as CompareTables;
}

/** A name long enough to need two lines in every chart. */
export const LONG_NAME = 'Niger 2024: three-week clearance freeze at both airfields, a thin fleet of one C-17 and two C-130J, and a Russian surge at Niamey';
