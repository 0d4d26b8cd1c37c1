/**
 * The sweep section (issue 5's target): a 10-point sweep of the baseline (`fleet.C-17.count`
 * 1..10) against the same 10 points run as 10 separate `runBatch` calls, each with its own
 * default pool (all cores), in this process. The sweep should cost no more than the singles:
 * it reuses one pool of warm workers instead of starting one per point.
 *
 * Sweep and singles alternate (sweep, singles, sweep, ...) so load from elsewhere on the
 * machine hits both alike; figures are medians. The two must give the same P(by deadline) at
 * every point (common seed), which the section checks and reports.
 */
import { runBatch } from '../sim/batch/run.ts';
import { sweep } from '../sim/sweep/sweep.ts';
import { baselineText, loadBaseline } from './niger2024.ts';
import { median, type SectionContext } from './section.ts';

const PATH = 'fleet.C-17.count';
const VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const REPEATS = 3;

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export async function sweepSection(ctx: SectionContext): Promise<Record<string, unknown>> {
  const runs = ctx.quick ? 500 : 2_000;
  const base = baselineText();
  const scenarios = VALUES.map((v) => loadBaseline([`${PATH}=${v}`]));
  const seed = (scenarios[0] as (typeof scenarios)[number]).batch.seed;

  // Warm the main thread's code (parsing, preparing, summarising) so the first timed run is not
  // charged for it.
  await runBatch(scenarios[0] as (typeof scenarios)[number], { runs: 50, seed, workers: 0 });

  const tSweep: number[] = [];
  const tSingles: number[] = [];
  let sweepP: number[] = [];
  let singlesP: number[] = [];
  for (let r = 1; r <= REPEATS; r++) {
    let t0 = performance.now();
    const table = await sweep(base, { [PATH]: VALUES }, { runs, seed });
    tSweep.push((performance.now() - t0) / 1000);
    sweepP = table.rows.map((row) => row.p_by_deadline);

    t0 = performance.now();
    singlesP = [];
    for (const sc of scenarios) singlesP.push((await runBatch(sc, { runs, seed })).summary.p_by_deadline);
    tSingles.push((performance.now() - t0) / 1000);
    ctx.log(`sweep: run ${r}/${REPEATS}, ${VALUES.length} points x ${runs}: sweep ${(tSweep.at(-1) as number).toFixed(2)} s, 10 single runs ${(tSingles.at(-1) as number).toFixed(2)} s`);
  }
  const sSweep = median(tSweep);
  const sSingles = median(tSingles);
  return {
    points: VALUES.length,
    runs_per_point: runs,
    parameter: `${PATH}=${VALUES[0]}..${VALUES.at(-1)}`,
    seconds_sweep: round(sSweep, 2),
    seconds_10_single_runs: round(sSingles, 2),
    ratio: round(sSweep / sSingles, 3),
    same_p_as_single_runs: sweepP.length === singlesP.length && sweepP.every((p, i) => p === singlesP[i]),
    p_by_deadline_by_point: sweepP,
    runs_seconds: { sweep: tSweep.map((s) => round(s, 2)), singles: tSingles.map((s) => round(s, 2)) },
    timing: `wall clock, median of ${REPEATS} alternating runs, default worker count (all cores), node ${process.version}`,
  };
}
