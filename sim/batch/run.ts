/**
 * Monte Carlo batches: replications cut into fixed chunks, run on worker threads (or in this
 * thread), merged in replication order and summarised.
 */
import type { Scenario } from '../scenario/types.ts';
import { describeInputs } from '../scenario/index.ts';
import { unknownMessage } from '../scenario/suggest.ts';
import { assertResolvedScenario } from '../model/entry-check.ts';
import { Merger, type Chunk } from './accumulate.ts';
import { prepare, runChunk, type Keep, type Prepared } from './chunk.ts';
import { WorkerPool, defaultWorkers } from './pool.ts';
import { Z95, wilson } from './stats.ts';
import { summarize } from './summarize.ts';
import { scriptCommand, unchangedOrigin } from './command.ts';
import type { Summary } from './types.ts';
import type { OnTimeBits } from './on-time.ts';
import type { ReplicationTable } from './replications.ts';

/** Replications per chunk for a round of `runs`: depends on the round size only, never on the workers. */
export function chunkSize(runs: number): number {
  return Math.min(2000, Math.max(25, Math.ceil(runs / 64)));
}

export interface BatchOptions {
  /** Replications (default: the scenario's batch.runs). With `precision`, the first round. */
  runs?: number;
  /** Seed (default: the scenario's batch.seed). */
  seed?: string;
  /** Worker threads: 0 runs in this thread; default all cores. Ignored when `pool` is given. */
  workers?: number;
  /** A pool to reuse across batches (sweeps); the caller closes it. */
  pool?: WorkerPool;
  /** Keep adding replications until the 95% half-width of P(by deadline) is at most this. */
  precision?: number;
  /**
   * Cap on the total replications, reached when `precision` keeps asking for more (default
   * 1,000,000). A `runs` above it is refused (RangeError); the scenario's batch.runs, used when
   * `runs` is left out, is cut down to it.
   */
  maxRuns?: number;
  /** Called as replications finish: (done, planned). */
  onProgress?: (done: number, planned: number) => void;
  /** The command line that reproduces the batch, stored in the summary. */
  command?: string;
  /**
   * Also return each replication's outcome (BatchResult.onTimeBits), for paired comparisons of
   * batches run on the same seed; off by default, the summary is the same either way.
   */
  onTimeBits?: boolean;
  /**
   * Also return every replication's outcomes (BatchResult.replications: completion, closures,
   * sorties, stop cause), for analysis outside Retrograde; off by default, the summary is the same
   * either way. Takes about 8 bytes per replication per time column (64 bytes with two bases, twice that while the chunks are joined).
   */
  replications?: boolean;
}

/** What `precision` achieved, for the caller to report. */
export interface BatchResult {
  summary: Summary;
  /** Half-width of the 95% interval of P(by deadline). */
  halfWidth: number;
  /** True when `precision` was asked for and not reached within `maxRuns`. */
  precisionCapped: boolean;
  /** Only with options.onTimeBits: bit i is 1 when replication i finished everything by the deadline (see on-time.ts). */
  onTimeBits?: OnTimeBits;
  /** Only with options.replications: replication i's outcomes at index i of each column (see replications.ts; replicationsCsv makes the CSV). */
  replications?: ReplicationTable;
}

type Executor = (from: number, to: number) => Promise<Chunk>;

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v));

/** Every option runBatch knows; a Record so that an option added to BatchOptions must be added here. */
const BATCH_OPTION_KEYS: Record<keyof BatchOptions, true> = { runs: true, seed: true, workers: true, pool: true, precision: true, maxRuns: true, onProgress: true, command: true, onTimeBits: true, replications: true };

/**
 * Throws in `who`'s name when `options` is not an object (TypeError) or has a key not in `known`
 * (RangeError, with a did-you-mean): TypeScript checks keys only in an object written inline, so
 * a misspelled option in an object held in a variable would otherwise be ignored without a word.
 */
export function checkOptionKeys(who: string, options: unknown, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${who}: options must be an object such as { runs: 1000, seed: '1' }, got ${show(options)}`);
  }
  const unknown = Object.keys(options).find((k) => !known.includes(k));
  if (unknown !== undefined) throw new RangeError(`${who}: ${unknownMessage('option', unknown, known)}`);
}

/**
 * Throws a RangeError naming `who`'s option and its value when one given is out of range: runs
 * and maxRuns (integers >= 1), seed (a non-empty string; null is not "the default"), workers (an
 * integer >= 0), precision (in (0, 0.5)); a TypeError when pool is not a WorkerPool, and an
 * Error when it was closed. Options left undefined take their defaults.
 */
export function checkBatchOptions(who: string, o: Pick<BatchOptions, 'runs' | 'seed' | 'workers' | 'pool' | 'precision' | 'maxRuns'>): void {
  const bad = (name: string, want: string, v: unknown): never => {
    throw new RangeError(`${who}: ${name} must be ${want}, got ${show(v)}`);
  };
  const isCount = (v: unknown, min: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min;
  if (o.runs !== undefined && !isCount(o.runs, 1)) bad('runs', 'an integer >= 1', o.runs);
  if (o.seed !== undefined && (typeof o.seed !== 'string' || o.seed === '')) bad('seed', 'a non-empty string', o.seed);
  if (o.workers !== undefined && !isCount(o.workers, 0)) bad('workers', 'an integer >= 0 (0 runs in this thread)', o.workers);
  if (o.precision !== undefined && !(typeof o.precision === 'number' && o.precision > 0 && o.precision < 0.5)) bad('precision', 'a number in (0, 0.5)', o.precision);
  if (o.maxRuns !== undefined && !isCount(o.maxRuns, 1)) bad('maxRuns', 'an integer >= 1', o.maxRuns);
  if (o.pool !== undefined && !(o.pool instanceof WorkerPool)) throw new TypeError(`${who}: options.pool must be a WorkerPool, got ${show(o.pool)}`);
  // Here, not when the first chunk is sent: in the name the script called, before any replication.
  if (o.pool?.closed === true) throw new Error(`${who}: the WorkerPool given as options.pool was closed and can no longer run batches; pass an open pool, or close it after the last batch`);
}

function scenarioKey(s: Scenario): string {
  return JSON.stringify(s);
}

/**
 * Runs a Monte Carlo batch of `scenario` and returns its summary. Replication i always draws
 * from streams of (seed, i, source): the result does not depend on the number of workers.
 * Throws RangeError naming the option and value on a bad option (see checkBatchOptions) or runs
 * above maxRuns, naming an unknown option key (see checkOptionKeys), TypeError on an onTimeBits
 * or replications that is not a boolean, and a plain Error listing the problems when `scenario` is not a resolved
 * Scenario (see createModel).
 */
export async function runBatch(scenario: Scenario, options: BatchOptions = {}): Promise<BatchResult> {
  // Before anything reads the scenario or a worker gets it: a hand-built or hand-edited object
  // fails here with every problem listed, not deep inside the model or after the whole batch.
  assertResolvedScenario(scenario, 'runBatch');
  checkOptionKeys('runBatch', options, Object.keys(BATCH_OPTION_KEYS));
  checkBatchOptions('runBatch', options);
  if (options.onTimeBits !== undefined && typeof options.onTimeBits !== 'boolean') throw new TypeError(`runBatch: onTimeBits must be true or false, got ${show(options.onTimeBits)}`);
  if (options.replications !== undefined && typeof options.replications !== 'boolean') throw new TypeError(`runBatch: replications must be true or false, got ${show(options.replications)}`);
  const keep: Keep = { onTime: options.onTimeBits === true, replications: options.replications === true };
  const maxRuns = options.maxRuns ?? 1_000_000;
  if (options.runs !== undefined && options.maxRuns !== undefined && options.runs > options.maxRuns) {
    throw new RangeError(`runBatch: runs (${options.runs}) is above maxRuns (${options.maxRuns}); raise maxRuns or lower runs`);
  }
  // The scenario's own batch.runs is a default, not a request: maxRuns cuts it down.
  const runs = options.runs ?? Math.min(scenario.batch.runs, maxRuns);
  const seed = options.seed ?? scenario.batch.seed;
  // Checked here, not only in the random streams, so a bad seed fails before any worker starts.
  if (typeof seed !== 'string' || seed === '') throw new RangeError(`runBatch: seed must be a non-empty string, got ${JSON.stringify(seed)}`);
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runBatch: the scenario's batch.runs must be an integer >= 1, got ${runs}`);
  const prepared: Prepared = prepare(scenario);
  const workers = options.workers ?? defaultWorkers();
  const ownPool = options.pool === undefined && workers > 0 ? new WorkerPool(workers) : undefined;
  const pool = options.pool ?? ownPool;
  const key = scenarioKey(scenario);
  const exec: Executor = pool
    ? (from, to) => pool.run(key, scenario, seed, from, to, keep)
    : async (from, to) => runChunk(prepared, seed, from, to, keep);

  try {
    const merger = new Merger(prepared.layout);
    let planned = runs;
    let done = 0;
    const runRound = async (from: number, to: number): Promise<void> => {
      const size = chunkSize(to - from);
      const jobs: Promise<void>[] = [];
      for (let a = from; a < to; a += size) {
        const b = Math.min(to, a + size);
        jobs.push(
          exec(a, b).then((c) => {
            merger.add(c);
            done += b - a;
            options.onProgress?.(done, planned);
          }),
        );
      }
      await Promise.all(jobs);
    };

    await runRound(0, runs);
    let total = runs;
    let halfWidth = halfWidthOf(merger, total);
    let capped = false;
    if (options.precision !== undefined) {
      while (halfWidth > options.precision) {
        if (total >= maxRuns) {
          capped = true;
          break;
        }
        const next = Math.min(maxRuns, Math.max(Math.ceil(total * 1.25), needed(merger, total, options.precision)));
        planned = next;
        await runRound(total, next);
        total = next;
        halfWidth = halfWidthOf(merger, total);
      }
    }

    const totals = merger.totals();
    const sample = prepared.model.run(seed, 0, { keepSorties: true });
    // Where the scenario came from (loadScenario), for the reproducing command and the overrides.
    const origin = unchangedOrigin(scenario);
    const summary = summarize({
      scenario,
      layout: prepared.layout,
      totals,
      seed,
      sample,
      inputs: describeInputs(scenario),
      command: options.command ?? (origin !== undefined && options.maxRuns === undefined ? scriptCommand(origin, runs, seed, options.precision) : ''),
      overrides: origin?.overrides ?? [],
    });
    return {
      summary,
      halfWidth,
      precisionCapped: capped,
      ...(keep.onTime === true ? { onTimeBits: merger.onTimeBits() } : {}),
      ...(keep.replications === true ? { replications: merger.replications(summary.start) } : {}),
    };
  } finally {
    await ownPool?.close();
  }
}

function halfWidthOf(merger: Merger, n: number): number {
  const [lo, hi] = wilson(merger.onTimeCount, n);
  return (hi - lo) / 2;
}

/** Replications for a half-width h at the current estimate (normal approximation, p kept off 0 and 1). */
function needed(merger: Merger, n: number, h: number): number {
  const p = Math.min(0.99, Math.max(0.01, merger.onTimeCount / n));
  return Math.ceil((p * (1 - p) * Z95 * Z95) / (h * h));
}
