/**
 * A real Summary from a small batch of scenarios/niger-2024.yaml, for the report tests that must
 * see what the simulator actually produces (the fixture is hand-made).
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../sim/scenario/index.ts';
import { runBatch } from '../../sim/batch/run.ts';
import type { Summary } from '../../sim/batch/types.ts';

const FILE = 'scenarios/niger-2024.yaml';

/** The summary of `runs` replications of niger-2024.yaml with `seed`, in this thread; throws if the scenario does not load. */
export async function realSummary(options: { runs: number; seed?: string; sets?: string[] }): Promise<Summary> {
  const r = parseScenario(readFileSync(FILE, 'utf8'), FILE, options.sets ?? []);
  if (!r.ok) throw new Error(`${FILE} does not load: ${JSON.stringify(r.issues)}`);
  const { summary } = await runBatch(r.scenario, { runs: options.runs, workers: 0, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  return summary;
}
