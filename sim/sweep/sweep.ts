/**
 * Parameter sweeps with common random numbers: every point of the grid runs the same
 * replications (replication i draws from the streams of (seed, i, source) at every point), so
 * most of the noise cancels from the differences between points (not all: a changed parameter
 * can shift which draws a stream hands to what; sensitivity gives paired intervals for what is
 * left). Points run together on one pool of warm workers.
 */
import { parseScenario, formatIssues, formatWarnings, overrideInputText, checkOverrideList, type OverrideInput, type ScenarioIssue } from '../scenario/index.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Quantiles, Summary, TimeShares } from '../batch/types.ts';
import type { OnTimeBits } from '../batch/on-time.ts';
import { checkBatchOptions, checkOptionKeys, runBatch } from '../batch/run.ts';
import { WorkerPool, defaultWorkers } from '../batch/pool.ts';
import { checkSweepTable } from './slice.ts';
import { gridPoints, overrideText, sameValueMessage, valueText, VaryError, type ParamValue, type Vary } from './grid.ts';

/** Where the base scenario comes from: its text and file name (the CLI and `loadText` read files). */
export interface ScenarioText {
  text: string;
  file: string;
}

/** A scenario that does not validate at some point of the sweep; `message` lists every problem. */
export class SweepInputError extends Error {
  override readonly name = 'SweepInputError';
  constructor(
    message: string,
    readonly issues: ScenarioIssue[],
  ) {
    super(message);
  }
}

export interface SweepOptions {
  /** Replications per point (default: the scenario's batch.runs). */
  runs?: number;
  /** Seed shared by every point (default: the scenario's batch.seed). */
  seed?: string;
  /** Worker threads (default all cores; 0 runs in this thread). Ignored when `pool` is given. */
  workers?: number;
  /** A pool to reuse; the caller closes it. */
  pool?: WorkerPool;
  /** Overrides applied to every point before the swept values (`path=value`). */
  sets?: readonly OverrideInput[];
  /** How messages name a swept value's origin (default "vary"; the CLI says "--vary"). */
  varyLabel?: string;
  /** Called as replications finish, over all points: (done, planned). */
  onProgress?: (done: number, planned: number) => void;
  /**
   * Called before anything runs with each distinct warning of the points (`file:line:column
   * warning: ...` lines, naming the override or swept value that brought it in): a point whose
   * answer is fixed in advance, such as a not_before after the deadline.
   */
  onWarning?: (text: string) => void;
}

/** What a script passed where a ScenarioText belongs, in its words. */
function describeArgument(v: unknown): string {
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v)}`;
  if (typeof v !== 'object' || v === null) return String(v);
  // A resolved Scenario has these; loadScenario returns one.
  if ('fleet' in v && 'bases' in v && 'deadlineH' in v) return "a resolved Scenario (loadScenario's result)";
  return `an object with keys ${Object.keys(v).join(', ') || '(none)'}`;
}

/** Every option sweep, runPoints and sensitivity know; a Record so that a new option must be added here. */
const SWEEP_OPTION_KEYS: Record<keyof SweepOptions, true> = { runs: true, seed: true, workers: true, pool: true, sets: true, varyLabel: true, onProgress: true, onWarning: true };

/**
 * Checks what a script passed to `who` (sweep, runPoints, sensitivity) before anything is parsed
 * or run: TypeError when `base` is not a ScenarioText or options not an object, RangeError on an
 * unknown option key (with a did-you-mean) or a bad option value (see checkBatchOptions).
 */
export function checkSweepArguments(who: string, base: ScenarioText, options: SweepOptions): void {
  const b = base as unknown;
  if (typeof b !== 'object' || b === null || typeof (b as ScenarioText).text !== 'string' || typeof (b as ScenarioText).file !== 'string') {
    const rest = who === 'sweep' ? 'vary, options' : who === 'runPoints' ? 'points, options' : 'options';
    throw new TypeError(`${who} needs the scenario's text and file name: ${who}(readScenarioText('file.yaml'), ${rest}); got ${describeArgument(b)}`);
  }
  checkOptionKeys(who, options, Object.keys(SWEEP_OPTION_KEYS));
  checkBatchOptions(who, options);
  if (options.sets !== undefined) checkOverrideList(`${who}: options.sets`, options.sets);
}

/** One point of a sweep. */
export interface SweepRow {
  values: Record<string, ParamValue>;
  runs: number;
  p_by_deadline: number;
  p_by_deadline_ci95: [number, number];
  completion: Quantiles & { mean_days: number | null };
  sensitive_p50: string | null;
  /**
   * Per base id, in the scenario's order: the median closure and the median date its sensitive
   * equipment is out (null: not by the horizon, or for sensitive, none to move). Absent in
   * tables saved before it was added.
   */
  bases?: Record<string, { closed_p50: string | null; sensitive_p50: string | null }>;
  mean_sorties: number;
  time: TimeShares;
  diagnosis: string;
}

export interface SweepTable {
  scenario: string;
  seed: string;
  runs: number;
  start: string;
  deadline: string;
  parameters: string[];
  rows: SweepRow[];
  /** The overrides applied at every point (`sets`: the CLI's --set), as given. */
  overrides?: string[];
}

const pointText = (point: Record<string, ParamValue>): string => Object.entries(point).map(([k, v]) => overrideText(k, v)).join(' ') || 'the baseline';

/**
 * Every problem of every point, each said once: a problem found at every point of several (an
 * unknown path, a bad --set) under "at every point", one found exactly where a parameter takes
 * one value under that `path=value`, any other under each point that has it.
 */
function pointIssuesText(file: string, resolved: Array<{ point: Record<string, ParamValue>; issues: ScenarioIssue[] }>): string {
  const where = new Map<string, number[]>(); // issue line -> indexes of the points that have it
  resolved.forEach((r, i) => {
    for (const issue of r.issues) {
      const line = formatIssues([issue], file);
      const at = where.get(line) ?? [];
      if (!at.includes(i)) at.push(i);
      where.set(line, at);
    }
  });
  const groups = new Map<string, string[]>(); // heading -> issue lines
  for (const [line, at] of where) {
    for (const heading of headings(resolved.map((r) => r.point), at)) groups.set(heading, [...(groups.get(heading) ?? []), line]);
  }
  return [...groups].map(([heading, lines]) => `at ${heading}:\n${lines.join('\n')}`).join('\n');
}

/** The shortest true description of the points at indexes `at`: every point, one `path=value`, or each point. */
function headings(points: Array<Record<string, ParamValue>>, at: number[]): string[] {
  if (points.length > 1 && at.length === points.length) return ['every point'];
  if (at.length > 1) {
    const first = points[at[0] as number] as Record<string, ParamValue>;
    for (const [path, value] of Object.entries(first)) {
      const text = overrideText(path, value);
      const having = points.flatMap((p, i) => (path in p && overrideText(path, p[path] as ParamValue) === text ? [i] : []));
      if (having.length === at.length && having.every((i) => at.includes(i))) return [text];
    }
  }
  return at.map((i) => pointText(points[i] as Record<string, ParamValue>));
}

/** Resolves the scenario at one point, or the issues it has there. */
function scenarioAt(base: ScenarioText, sets: readonly OverrideInput[], point: Record<string, ParamValue>, flag: string): { scenario?: Scenario; issues: ScenarioIssue[]; warnings: ScenarioIssue[] } {
  const overrides = [...sets, ...Object.entries(point).map(([p, v]) => ({ text: overrideText(p, v), flag }))];
  const r = parseScenario(base.text, base.file, overrides);
  return r.ok ? { scenario: r.scenario, issues: [], warnings: r.warnings } : { issues: r.issues, warnings: [] };
}

/** A batch summary as a row of a sweep table at `point`. */
export function rowOf(point: Record<string, ParamValue>, s: Summary): SweepRow {
  return {
    values: point,
    runs: s.runs,
    p_by_deadline: s.p_by_deadline,
    p_by_deadline_ci95: s.p_by_deadline_ci95,
    completion: s.completion,
    sensitive_p50: s.sensitive.p50,
    bases: Object.fromEntries(Object.entries(s.bases).map(([id, b]) => [id, { closed_p50: b.closed.p50, sensitive_p50: b.sensitive?.p50 ?? null }])),
    mean_sorties: s.mean_sorties,
    time: s.time,
    diagnosis: s.diagnosis,
  };
}

/**
 * Runs a batch at every point of the grid `vary` (path -> values in file units, e.g.
 * `{ 'fleet.C-17.count': [2, 4], 'clearance.approval_delay': ['24h', '48h'] }`) and returns one
 * row per point. Throws SweepInputError listing every problem of every point before running any,
 * and VaryError when two values of a parameter are the same once read (`12h` and `0.5d`);
 * throws on bad arguments or options as checkSweepArguments.
 */
export async function sweep(base: ScenarioText, vary: Vary, options: SweepOptions = {}): Promise<SweepTable> {
  checkSweepArguments('sweep', base, options);
  const resolved = resolvePoints(base, gridPoints(vary), options);
  const same = samePoints(resolved, options.varyLabel);
  if (same.length > 0) throw new VaryError(same.join('\n'));
  return { ...(await runResolved(resolved, options, false)).table, parameters: Object.keys(vary) };
}

/**
 * Messages for points that resolve to the same scenario, so that the same batch would run twice:
 * values that differ only in how they are written (`12h`, `0.5d`, `720m`), which the text alone
 * cannot tell. One message per parameter and group of values, in the words of `parseVary`.
 */
function samePoints(resolved: readonly Resolved[], label: string | undefined): string[] {
  const byScenario = new Map<string, Resolved[]>();
  for (const r of resolved) {
    const key = JSON.stringify(r.scenario);
    byScenario.set(key, [...(byScenario.get(key) ?? []), r]);
  }
  const messages = new Set<string>();
  for (const group of byScenario.values()) {
    if (group.length < 2) continue;
    const texts = group.map((r) => Object.fromEntries(Object.entries(r.point).map(([p, v]) => [p, valueText(v)])));
    const differing = Object.keys(texts[0] ?? {}).filter((p) => texts.some((t) => t[p] !== texts[0]?.[p]));
    const [path] = differing;
    if (differing.length === 1 && path !== undefined) {
      messages.add(sameValueMessage(label === undefined ? `sweep: parameter ${path}` : `${label} ${path}`, texts.map((t) => t[path] as string)));
    } else {
      messages.add(`sweep: the points ${group.map((r) => pointText(r.point)).join(' and ')} make the same scenario; give each point once, or the same batch would run twice`);
    }
  }
  return [...messages];
}

/**
 * Runs a batch at each of an explicit list of points (each may set different parameters), all
 * with the same seed and replications, on one pool. Throws SweepInputError listing every
 * problem of every point before running any; options.varyLabel names where the points came
 * from in those messages (default "vary"). Throws on bad arguments or options as checkSweepArguments.
 */
export async function runPoints(base: ScenarioText, points: Array<Record<string, ParamValue>>, options: SweepOptions = {}): Promise<SweepTable> {
  checkSweepArguments('runPoints', base, options);
  return (await runResolved(resolvePoints(base, points, options), options, false)).table;
}

/** A table of points and, per point (in the table's row order), each replication's outcome. */
export interface PointsWithOutcomes {
  table: SweepTable;
  /** Per row: bit i is 1 when replication i finished everything by the deadline at that point (see on-time.ts). */
  onTimeBits: OnTimeBits[];
}

/**
 * runPoints, also returning each replication's finished-by-the-deadline outcome at every point,
 * for paired comparisons between points (the same replication i runs at each); the table is the
 * one runPoints gives. Throws as runPoints.
 */
export async function runPointsWithOutcomes(base: ScenarioText, points: Array<Record<string, ParamValue>>, options: SweepOptions = {}): Promise<PointsWithOutcomes> {
  checkSweepArguments('runPoints', base, options);
  return runResolved(resolvePoints(base, points, options), options, true);
}

/** A point and the scenario it makes. */
interface Resolved {
  point: Record<string, ParamValue>;
  scenario: Scenario;
}

/** The scenario at every point; throws SweepInputError listing every problem of every point, RangeError on no points. */
function resolvePoints(base: ScenarioText, points: Array<Record<string, ParamValue>>, options: SweepOptions): Resolved[] {
  const pointFlag = options.varyLabel ?? 'vary';
  const sets = options.sets ?? [];
  const resolved = points.map((p) => ({ point: p, ...scenarioAt(base, sets, p, pointFlag) }));
  const bad = resolved.filter((r) => r.scenario === undefined);
  if (bad.length > 0) throw new SweepInputError(pointIssuesText(base.file, resolved), bad.flatMap((r) => r.issues));
  if (resolved.length === 0) throw new RangeError('runPoints: no points to run');
  const warn = options.onWarning;
  if (warn !== undefined) {
    // A warning of the scenario itself (or of a --set) comes at every point in the same words: once.
    const texts = new Set(resolved.flatMap((r) => (r.warnings.length > 0 ? formatWarnings(r.warnings, base.file).split('\n') : [])));
    for (const text of texts) warn(text);
  }
  return resolved as Resolved[];
}

/** Each scenario's batch summary and, when asked, each replication's outcome, all from the same replications. */
export interface CommonRuns {
  runs: number;
  seed: string;
  summaries: Summary[];
  /** Per scenario, in order: bit i is 1 when replication i finished everything by its deadline; [] unless asked. */
  onTimeBits: OnTimeBits[];
}

/**
 * Runs a batch of each scenario, all with the same seed and replications (common random
 * numbers: replication i draws from the streams of (seed, i, source) in each), on one pool of
 * warm workers; runs and seed default to the first scenario's batch section. With `onTime`,
 * also each replication's outcome. Options are not checked here: callers check them first
 * (checkBatchOptions).
 */
export async function runCommon(scenarios: readonly Scenario[], options: Pick<SweepOptions, 'runs' | 'seed' | 'workers' | 'pool' | 'onProgress'>, onTime: boolean): Promise<CommonRuns> {
  const first = scenarios[0] as Scenario;
  const runs = options.runs ?? first.batch.runs;
  const seed = options.seed ?? first.batch.seed;
  const workers = options.workers ?? defaultWorkers();
  const ownPool = options.pool === undefined && workers > 0 ? new WorkerPool(workers) : undefined;
  const pool = options.pool ?? ownPool;
  const planned = runs * scenarios.length;
  let done = 0;
  try {
    const results = await Promise.all(
      scenarios.map(async (scenario) => {
        let mine = 0;
        return runBatch(scenario, {
          runs,
          seed,
          workers: 0,
          onTimeBits: onTime,
          ...(pool ? { pool } : {}),
          onProgress: (d) => {
            done += d - mine;
            mine = d;
            options.onProgress?.(done, planned);
          },
        });
      }),
    );
    return { runs, seed, summaries: results.map((r) => r.summary), onTimeBits: onTime ? results.map((r) => r.onTimeBits as OnTimeBits) : [] };
  } finally {
    await ownPool?.close();
  }
}

/** Runs a batch at every resolved point, all with the same seed and replications, on one pool; with `onTime`, also each replication's outcome. */
async function runResolved(resolved: readonly Resolved[], options: SweepOptions, onTime: boolean): Promise<PointsWithOutcomes> {
  const points = resolved.map((r) => r.point);
  const first = (resolved[0] as Resolved).scenario;
  const { runs, seed, summaries, onTimeBits } = await runCommon(resolved.map((r) => r.scenario), options, onTime);
  const table: SweepTable = {
    scenario: first.name,
    seed,
    runs,
    start: first.start,
    deadline: first.deadline,
    parameters: [...new Set(points.flatMap((p) => Object.keys(p)))],
    rows: summaries.map((s, i) => rowOf((resolved[i] as Resolved).point, s)),
    overrides: (options.sets ?? []).map(overrideInputText),
  };
  return { table, onTimeBits };
}

/** The answer to "the smallest value that reaches P >= target" in a one-parameter sweep. */
export interface TargetAnswer {
  target: number;
  parameter: string;
  /** Smallest value whose whole 95% interval is at or above the target; null if none. */
  confident: { value: ParamValue; row: SweepRow } | null;
  /** Smallest value whose estimate reaches the target (its interval may still straddle it); null if none. */
  estimate: { value: ParamValue; row: SweepRow } | null;
}

/**
 * Finds the smallest value of the single swept parameter that reaches P(by deadline) >= target,
 * taking the interval into account. Numbers are compared as numbers; other values keep the
 * listed order. Throws a RangeError on a target outside (0, 1], on a table of more than one
 * parameter (saying how to slice it with sliceSweep), and as checkSweepTable on a malformed table.
 */
export function findTarget(table: SweepTable, target: number): TargetAnswer {
  checkSweepTable('findTarget', table);
  if (table.parameters.length !== 1) {
    const [free, ...rest] = table.parameters;
    const first = table.rows[0] as SweepRow;
    const fix = rest.map((p) => `'${p}': ${JSON.stringify(first.values[p])}`).join(', ');
    const how = free === undefined ? 'sweep one parameter' : `take a slice first: sliceSweep(table, { ${fix} })`;
    throw new RangeError(`findTarget needs a sweep of exactly one parameter, got ${table.parameters.length} (${table.parameters.join(', ')}); ${how}`);
  }
  if (!(target > 0 && target <= 1)) throw new RangeError(`target must be in (0, 1], got ${target}`);
  const parameter = table.parameters[0] as string;
  const rows = [...table.rows];
  if (rows.every((r) => typeof r.values[parameter] === 'number')) {
    rows.sort((a, b) => (a.values[parameter] as number) - (b.values[parameter] as number));
  }
  const pick = (ok: (r: SweepRow) => boolean): { value: ParamValue; row: SweepRow } | null => {
    const row = rows.find(ok);
    return row ? { value: row.values[parameter] as ParamValue, row } : null;
  };
  return {
    target,
    parameter,
    confident: pick((r) => r.p_by_deadline_ci95[0] >= target),
    estimate: pick((r) => r.p_by_deadline >= target),
  };
}
