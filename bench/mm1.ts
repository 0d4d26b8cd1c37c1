/**
 * The M/M/1 section: the engine's process-based M/M/1 against a bare callback heap loop and
 * against simjs, side by side in this process, each the median of 3 runs; plus the peak RSS
 * of a 1,000,000-customer engine run measured in a child process. A fourth model, the lean
 * generator floor (lean-generator.ts), runs the same processes without the engine's
 * semantics, so that what those semantics cost is measured rather than guessed.
 *
 * A logical event is one arrival or one departure (2 per customer), whatever the number of
 * internal events each implementation uses. Runs are interleaved in rounds (each model once a
 * round, the order rotating) so that load from elsewhere on the machine hits all of them alike,
 * after one smaller warm-up run of each so that all are measured with optimised code. Before
 * that warm-up, a model that uses every kind of engine event runs (every-event-kind.ts): the
 * engine is timed as a model using all its parts would see it, not only the three event
 * classes an M/M/1 touches.
 *
 * Rates are events per second of process CPU time: on a shared machine the wall clock
 * mostly measures the other tenants (wall-clock medians are reported beside them). CPU time
 * counts V8's helper threads too, so garbage collection is charged to whoever allocates.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadSimjs } from '../test/support/simjs.ts';
import { bareMM1, engineMM1, leanMM1, simjsMM1, type MM1Params, type MM1Result } from './mm1-models.ts';
import { median, type SectionContext } from './section.ts';
import { runEveryEventKind } from './every-event-kind.ts';

const RUNS = 5;

export async function mm1Section(ctx: SectionContext): Promise<Record<string, unknown>> {
  const customers = ctx.quick ? 100_000 : 1_000_000;
  const params: MM1Params = { customers, lambda: 0.9, mu: 1.0, seed: 'bench' };
  const lib = loadSimjs();
  const models: Record<'bare' | 'engine' | 'lean' | 'simjs', (p: MM1Params) => MM1Result> = {
    bare: bareMM1,
    engine: engineMM1,
    lean: leanMM1,
    simjs: (p) => simjsMM1(lib, p),
  };
  const names = Object.keys(models) as (keyof typeof models)[];

  ctx.log('mm1: a model with every kind of engine event, first');
  runEveryEventKind();
  ctx.log(`mm1: warm-up (${customers / 10} customers each)`);
  for (const name of names) models[name]({ ...params, customers: customers / 10 });

  const rates: Record<string, number[]> = { bare: [], engine: [], lean: [], simjs: [] };
  const wallRates: Record<string, number[]> = { bare: [], engine: [], lean: [], simjs: [] };
  const wq: Record<string, number> = {};
  for (let run = 1; run <= RUNS; run++) {
    // The order rotates each round, so that no model always runs right after another.
    const order = names.map((_, i) => names[(i + run - 1) % names.length] as keyof typeof models);
    for (const name of order) {
      const res = models[name](params);
      const rate = res.events / res.cpuSeconds;
      (rates[name] as number[]).push(rate);
      (wallRates[name] as number[]).push(res.events / res.seconds);
      wq[name] = res.wq;
      ctx.log(`mm1: run ${run}/${RUNS} ${name.padEnd(6)} ${(rate / 1e6).toFixed(2)} M events/CPU-s (${(res.events / res.seconds / 1e6).toFixed(2)} M/s wall), wq ${res.wq.toFixed(4)}`);
    }
  }
  const med = (name: string) => median(rates[name] as number[]);
  // A ratio is the median over rounds of the ratio within each round: the models of one round
  // run within a few seconds of each other, so a slow phase of the shared machine hits both
  // sides of each ratio alike.
  const ratio = (a: string, b: string) => median((rates[a] as number[]).map((x, i) => x / ((rates[b] as number[])[i] as number)));

  ctx.log(`mm1: peak RSS of a ${customers}-customer engine run, in a child process`);
  const child = fileURLToPath(new URL('./mm1-rss.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, String(customers)], { encoding: 'utf8' });
  const rss = JSON.parse(out) as { peak_rss_mb: number; wq: number };

  const round = (x: number, digits: number) => Number(x.toFixed(digits));
  return {
    customers,
    engine_events_per_s: Math.round(med('engine')),
    bare_heap_events_per_s: Math.round(med('bare')),
    simjs_events_per_s: Math.round(med('simjs')),
    ratio_engine_vs_bare: round(ratio('engine', 'bare'), 3),
    ratio_engine_vs_simjs: round(ratio('engine', 'simjs'), 3),
    lean_generator_events_per_s: Math.round(med('lean')),
    ratio_lean_vs_bare: round(ratio('lean', 'bare'), 3),
    ratio_engine_vs_lean: round(ratio('engine', 'lean'), 3),
    wq: round(wq.engine as number, 4),
    wq_analytic: 9,
    wq_bare: round(wq.bare as number, 4),
    wq_simjs: round(wq.simjs as number, 4),
    wq_lean: round(wq.lean as number, 4),
    peak_rss_mb: rss.peak_rss_mb,
    runs_events_per_s: Object.fromEntries(names.map((n) => [n, (rates[n] as number[]).map(Math.round)])),
    wall_events_per_s: Object.fromEntries(names.map((n) => [n, Math.round(median(wallRates[n] as number[]))])),
    timing: `events per CPU-second, median of ${RUNS} rounds in one process (each model once per round, order rotating), after a model using every kind of engine event; ratios are medians of the ratios within rounds; node ${process.version}`,
  };
}
