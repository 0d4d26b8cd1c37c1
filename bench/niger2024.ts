/**
 * The niger2024 section: Monte Carlo batches of the baseline scenario (issue 3's targets).
 *
 * - Wall clock of one `runBatch` with 1 and with 2 worker threads, side by side in this
 *   process, each including its pool's start-up (what a user waits for). Three repeats, in
 *   alternating order (1, 2, then 2, 1, ...), so load from elsewhere on the machine hits both
 *   alike; times are medians, the speedup is the median of the ratios within repeats.
 * - The same on pools that have already run replications (warm_*): the scaling a sweep gets,
 *   without a fresh worker's first, unoptimised replications.
 * - Microseconds per replication in this thread (the workers' unit of work, runChunk), wall
 *   clock and CPU time, median of 3 after a warm-up; and the start-up of a 2-worker pool, timed
 *   as a batch of 2 replications (median of 3).
 * - Engine events per replication, counted by the Environment on a sample of replications.
 * - Peak RSS of a batch with 2 workers, each size in a fresh child process (niger2024-rss.ts), at
 *   two sizes so the JSON shows whether memory grows with the number of replications.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario, formatIssues, type Scenario } from '../sim/scenario/index.ts';
import { runBatch } from '../sim/batch/run.ts';
import { WorkerPool } from '../sim/batch/pool.ts';
import { prepare, runChunk } from '../sim/batch/chunk.ts';
import { createModel } from '../sim/model/index.ts';
import { compile } from '../sim/model/compile.ts';
import { Run } from '../sim/model/run.ts';
import { startTraffic } from '../sim/model/traffic.ts';
import { median, type SectionContext } from './section.ts';

/** The baseline scenario file, relative to the repository root (as a user types it). */
export const BASELINE_FILE = 'scenarios/niger-2024.yaml';

/** The baseline's text and file name, read from the repository whatever the working directory. */
export function baselineText(): { text: string; file: string } {
  return { text: readFileSync(new URL(`../${BASELINE_FILE}`, import.meta.url), 'utf8'), file: BASELINE_FILE };
}

/** Parses the baseline, with overrides (`path=value`); throws listing every issue if it does not validate. */
export function loadBaseline(overrides: readonly string[] = []): Scenario {
  const { text, file } = baselineText();
  const r = parseScenario(text, file, overrides);
  if (!r.ok) throw new Error(`bench: ${file} does not validate:\n${formatIssues(r.issues, file)}`);
  return r.scenario;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/**
 * Mean engine events per replication over replications [0, n): the model's runReplication
 * (sim/model/index.ts) redone here so that the Environment's counter can be read without
 * adding a field to the model's records. Throws if it ever disagrees with the model about
 * the completion time, so a change to runReplication cannot silently skew the figure.
 */
function eventsPerReplication(scenario: Scenario, seed: string, n: number): number {
  const m = compile(scenario);
  const model = createModel(scenario);
  let events = 0;
  for (let i = 0; i < n; i++) {
    const run = new Run(m, seed, i, false, false);
    if (!run.done) {
      run.startAircraft();
      startTraffic(run);
      run.env.run(m.horizonH);
    }
    events += run.env.eventsProcessed;
    const mine = run.done ? run.completedH : null;
    const theirs = model.run(seed, i).completedH;
    if (mine !== theirs) {
      throw new Error(`niger2024 bench: event-counting run of replication ${i} finished at ${mine}, the model at ${theirs}; update eventsPerReplication to match sim/model/index.ts`);
    }
  }
  return events / n;
}

/**
 * Microseconds per replication in this thread, wall clock and process CPU time (the latter
 * barely moves with load from elsewhere on a shared machine): medians of 3 runChunk calls of n,
 * after a warm-up.
 */
function inThreadMicros(scenario: Scenario, seed: string, n: number): { wall: number; cpu: number } {
  const prepared = prepare(scenario);
  runChunk(prepared, seed, 0, Math.ceil(n / 2));
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    runChunk(prepared, seed, k * n, (k + 1) * n);
    wall.push(((performance.now() - t0) * 1000) / n);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / n);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

interface RssReport {
  runs: number;
  workers: number;
  seconds: number;
  p_by_deadline: number;
  peak_rss_mb: number;
}

/** Peak RSS of a batch of `runs` with 2 workers, in a fresh child process. */
function childRss(runs: number): RssReport {
  const child = fileURLToPath(new URL('./niger2024-rss.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, String(runs), '2'], { encoding: 'utf8' });
  return JSON.parse(out) as RssReport;
}

export async function niger2024Section(ctx: SectionContext): Promise<Record<string, unknown>> {
  const runs = ctx.quick ? 10_000 : 100_000;
  // Three alternating repeats: a single pair of runs on this shared machine gave speedups
  // anywhere from 1.4x to 2.2x.
  const repeats = 3;
  const rssRuns = ctx.full ? [100_000, 1_000_000] : ctx.quick ? [1_000, 10_000] : [10_000, 100_000];
  const scenario = loadBaseline();
  const seed = scenario.batch.seed;

  const inThreadN = ctx.quick ? 500 : 2_000;
  ctx.log(`niger2024: in-thread replications (3 x ${inThreadN} after a warm-up)`);
  const usPerRep = inThreadMicros(scenario, seed, inThreadN);
  ctx.log(`niger2024: ${usPerRep.wall.toFixed(0)} us per replication in this thread (${usPerRep.cpu.toFixed(0)} us CPU)`);

  const eventSample = ctx.quick ? 200 : 1_000;
  const events = eventsPerReplication(scenario, seed, eventSample);
  ctx.log(`niger2024: ${events.toFixed(0)} engine events per replication (mean of ${eventSample})`);

  // What a pool costs before the first replication: a 2-replication batch is almost all start-up.
  const startup: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    await runBatch(scenario, { runs: 2, seed, workers: 2 });
    startup.push((performance.now() - t0) / 1000);
  }
  ctx.log(`niger2024: a 2-replication batch on 2 workers (pool start-up) takes ${median(startup).toFixed(2)} s`);

  const seconds: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const outputs: Record<1 | 2, string> = { 1: '', 2: '' };
  for (let r = 1; r <= repeats; r++) {
    // The order alternates between repeats, so that a drift in the machine's speed hits both.
    for (const workers of r % 2 === 1 ? ([1, 2] as const) : ([2, 1] as const)) {
      const t0 = performance.now();
      const { summary } = await runBatch(scenario, { runs, seed, workers });
      const s = (performance.now() - t0) / 1000;
      seconds[workers].push(s);
      outputs[workers] = JSON.stringify(summary);
      ctx.log(`niger2024: run ${r}/${repeats}, ${runs} replications on ${workers} worker(s): ${s.toFixed(2)} s, P(by deadline) ${summary.p_by_deadline}`);
    }
  }
  const s1 = median(seconds[1]);
  const s2 = median(seconds[2]);
  // The speedup is the median of the speedups within repeats (each pair ran back to back).
  const speedup = median(seconds[1].map((a, i) => a / (seconds[2][i] as number)));

  // The same on pools whose workers have already run their first thousand replications: a
  // fresh worker runs its first ones unoptimised and compiles on the other core, which on two
  // cores costs a 2-worker pool more than a 1-worker pool. This isolates the parallel scaling
  // that a sweep (one pool for every point) gets.
  const warmRuns = ctx.quick ? 5_000 : 30_000;
  const warmSeconds: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const pools = { 1: new WorkerPool(1), 2: new WorkerPool(2) } as const;
  try {
    for (const w of [1, 2] as const) await runBatch(scenario, { runs: 4_000, seed, pool: pools[w] });
    for (let r = 1; r <= repeats; r++) {
      for (const workers of r % 2 === 1 ? ([1, 2] as const) : ([2, 1] as const)) {
        const t0 = performance.now();
        await runBatch(scenario, { runs: warmRuns, seed, pool: pools[workers] });
        warmSeconds[workers].push((performance.now() - t0) / 1000);
      }
    }
  } finally {
    await Promise.all([pools[1].close(), pools[2].close()]);
  }
  const warmSpeedup = median(warmSeconds[1].map((a, i) => a / (warmSeconds[2][i] as number)));
  ctx.log(`niger2024: ${warmRuns} replications on warm pools: 1 worker ${median(warmSeconds[1]).toFixed(2)} s, 2 workers ${median(warmSeconds[2]).toFixed(2)} s, speedup ${warmSpeedup.toFixed(2)}`);

  const byRuns: Record<string, number> = {};
  const rssSeconds: Record<string, number> = {};
  for (const n of rssRuns) {
    ctx.log(`niger2024: peak RSS of a ${n}-replication batch on 2 workers, in a child process`);
    const rep = childRss(n);
    byRuns[String(n)] = rep.peak_rss_mb;
    rssSeconds[String(n)] = round(rep.seconds, 2);
    ctx.log(`niger2024: ${n} replications: ${rep.peak_rss_mb} MB peak RSS, ${rep.seconds.toFixed(1)} s`);
  }
  const largest = rssRuns[rssRuns.length - 1] as number;

  return {
    scenario: BASELINE_FILE,
    runs,
    repeats,
    seconds_1_worker: round(s1, 2),
    seconds_2_workers: round(s2, 2),
    speedup_2_vs_1: round(speedup, 3),
    warm_runs: warmRuns,
    warm_seconds_1_worker: round(median(warmSeconds[1]), 2),
    warm_seconds_2_workers: round(median(warmSeconds[2]), 2),
    warm_speedup_2_vs_1: round(warmSpeedup, 3),
    replications_per_s_2_workers: Math.round(runs / s2),
    us_per_replication_in_thread: Math.round(usPerRep.wall),
    cpu_us_per_replication_in_thread: Math.round(usPerRep.cpu),
    seconds_startup_2_workers: round(median(startup), 2),
    events_per_replication: Math.round(events),
    events_sample: eventSample,
    same_summary_1_and_2_workers: outputs[1] === outputs[2],
    peak_rss_mb: byRuns[String(largest)],
    peak_rss_mb_runs: largest,
    peak_rss_mb_by_runs: byRuns,
    peak_rss_seconds_by_runs: rssSeconds,
    runs_seconds: { '1_worker': seconds[1].map((s) => round(s, 2)), '2_workers': seconds[2].map((s) => round(s, 2)) },
    timing: `wall clock of runBatch including worker start-up, median of ${repeats} alternating runs each; the speedup is the median of the ratios within repeats; warm_*: ${warmRuns} replications on pools already warmed by 4,000, same alternation; node ${process.version}`,
    memory: `maxRSS of a child process (main thread + its 2 workers) running one batch${ctx.full ? '' : '; 1,000,000 replications only with --full'}`,
  };
}
