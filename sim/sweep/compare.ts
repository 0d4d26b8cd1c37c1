/**
 * Courses of action side by side: a reference scenario and its variants (other files: a
 * clearance freeze, a thinner fleet) run on the same replications (common random numbers, as
 * the points of a sweep), so that each variant's change in P(by deadline) comes with a paired
 * interval and the list of what it changes.
 */
import { parseScenario, formatIssues, formatWarnings, overrideInputText, checkOverrideList, type OverrideInput, type ScenarioIssue } from '../scenario/index.ts';
import { differingPaths } from '../scenario/differences.ts';
import type { Scenario } from '../scenario/types.ts';
import type { TimeShares } from '../batch/types.ts';
import type { OnTimeBits } from '../batch/on-time.ts';
import { checkBatchOptions, checkOptionKeys } from '../batch/run.ts';
import { MAIN_DELAY_SHARE, rankedDelays } from '../batch/summarize.ts';
import type { WorkerPool } from '../batch/pool.ts';
import { rowOf, runCommon, SweepInputError, type ScenarioText, type SweepRow } from './sweep.ts';
import { pairedCounts, pairedDifferenceCi } from './paired.ts';
import { daysBetween } from './sensitivity.ts';

export interface CompareOptions {
  /** Replications per scenario (default: the first scenario's batch.runs). */
  runs?: number;
  /** Seed shared by every scenario (default: the first scenario's batch.seed). */
  seed?: string;
  /** Worker threads (default all cores; 0 runs in this thread). Ignored when `pool` is given. */
  workers?: number;
  /** A pool to reuse; the caller closes it. */
  pool?: WorkerPool;
  /** Overrides applied to every scenario (`path=value`). */
  sets?: readonly OverrideInput[];
  /** Called as replications finish, over all scenarios: (done, planned). */
  onProgress?: (done: number, planned: number) => void;
  /** Called before anything runs with each distinct warning of the scenarios (`file:line:column  warning: ...`). */
  onWarning?: (text: string) => void;
}

/** Every option compareScenarios knows; a Record so that a new option must be added here. */
const COMPARE_OPTION_KEYS: Record<keyof CompareOptions, true> = { runs: true, seed: true, workers: true, pool: true, sets: true, onProgress: true, onWarning: true };

/** One scenario of a comparison, with its change against the reference (the first scenario). */
export interface CompareRow extends Omit<SweepRow, 'values'> {
  /** The scenario's `name`. */
  name: string;
  /** The file it came from (ScenarioText.file). */
  file: string;
  /** Its own deadline: P(by deadline) is against it. */
  deadline: string;
  /** What holds it back in a few words and the share of aircraft time (`clearance 41%`); `fleet size` when no wait reaches 5%. */
  main_constraint: string;
  /** P(by deadline) here minus in the reference (0 for the reference itself). */
  delta_p: number;
  /**
   * Paired 95% interval of delta_p (Tango's score interval, see paired.ts), from the
   * replications that finished by the deadline in one scenario and not the other; one that
   * includes 0 means the change cannot be told from none at this number of replications.
   */
  delta_p_ci95: [number, number];
  /** Replications that finished by their deadline only here, and only in the reference. */
  discordant_runs: { variant_only: number; reference_only: number };
  /** Median completion here minus in the reference, days; null when either is past the horizon. */
  delta_p50_days: number | null;
  /** Scenario paths whose values differ from the reference's, in file terms (`clearance.freezes`); [] for the reference. */
  differs: string[];
}

export interface CompareTable {
  seed: string;
  runs: number;
  start: string;
  /** True when the scenarios' deadlines differ: each row's P is against its own `deadline`. */
  deadlines_differ: boolean;
  /** The reference first, then the variants in the order given. */
  rows: CompareRow[];
  /** The overrides applied to every scenario (`sets`: the CLI's --set), as given. */
  overrides: string[];
  /** What the caller should know about the inputs: a variant's batch section that was not used. */
  notes: string[];
}

/** Each row's name for readers: the scenario's name, with its file when two rows share a name (a copy). */
export function scenarioNames(table: Pick<CompareTable, 'rows'>): string[] {
  const names = table.rows.map((r) => r.name);
  const twice = new Set(names).size < names.length;
  return table.rows.map((r) => (twice ? `${r.name} (${r.file})` : r.name));
}

/** Short words for the waits the diagnosis names (summarize.ts), for a table cell. */
const CONSTRAINT_WORDS: Partial<Record<keyof TimeShares, string>> = {
  clearanceWait: 'clearance',
  rampWait: 'ramp spots',
  teamWait: 'loading teams',
  closedWait: 'airfield hours',
  cargoWait: 'cargo preparation',
  down: 'aircraft down',
};

/** The main constraint of a row in a few words, as the diagnosis decides it. */
export function mainConstraint(time: TimeShares): string {
  const top = rankedDelays(time)[0];
  if (top === undefined || top.share < MAIN_DELAY_SHARE) return 'fleet size';
  return `${CONSTRAINT_WORDS[top.key] ?? top.label} ${Math.round(top.share * 100)}%`;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Throws TypeError unless `scenarios` is a list of ScenarioText, RangeError when fewer than 2 or a file name comes twice; then checks options as runBatch does. */
function checkCompareArguments(scenarios: readonly ScenarioText[], options: CompareOptions): void {
  const list = scenarios as unknown;
  const isText = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as ScenarioText).text === 'string' && typeof (v as ScenarioText).file === 'string';
  if (!Array.isArray(list) || !list.every(isText)) {
    throw new TypeError("compareScenarios needs a list of scenario texts and file names: compareScenarios([readScenarioText('a.yaml'), readScenarioText('b.yaml')], options)");
  }
  if (scenarios.length < 2) throw new RangeError(`compareScenarios needs at least 2 scenarios (the reference, then the variants), got ${scenarios.length}`);
  const files = scenarios.map((s) => s.file);
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice !== undefined) throw new RangeError(`compare: ${twice} is given twice; each scenario once (the first is the reference)`);
  checkOptionKeys('compareScenarios', options, Object.keys(COMPARE_OPTION_KEYS));
  checkBatchOptions('compareScenarios', options);
  if (options.sets !== undefined) checkOverrideList('compareScenarios: options.sets', options.sets);
}

/** A parsed scenario and its document, for the differences. */
interface Parsed {
  text: ScenarioText;
  scenario: Scenario;
  doc: unknown;
}

/** Every scenario parsed with the overrides; throws SweepInputError listing every problem of every file, RangeError when the start instants differ. */
function parseAll(scenarios: readonly ScenarioText[], options: CompareOptions): Parsed[] {
  const sets = options.sets ?? [];
  const results = scenarios.map((t) => ({ t, r: parseScenario(t.text, t.file, sets) }));
  const problems: string[] = [];
  const issues: ScenarioIssue[] = [];
  for (const { t, r } of results) {
    if (r.ok) continue;
    problems.push(formatIssues(r.issues, t.file));
    issues.push(...r.issues);
  }
  if (problems.length > 0) throw new SweepInputError(problems.join('\n'), issues);
  const parsed = results.map(({ t, r }) => (r.ok ? { text: t, scenario: r.scenario, doc: r.doc, warnings: r.warnings } : undefined)) as Array<Parsed & { warnings: ScenarioIssue[] }>;
  const first = parsed[0] as Parsed;
  const starts = parsed.filter((p) => p.scenario.start !== first.scenario.start);
  if (starts.length > 0) {
    // Replication i draws the same numbers in each, but at other dates against the freezes, windows and schedules.
    const list = [first, ...starts].map((p) => `${p.text.file} ${p.scenario.start}`).join(', ');
    throw new RangeError(`compare: the scenarios start at different instants (${list}); compare courses of action from the same start (deadlines may differ)`);
  }
  if (options.onWarning !== undefined) {
    const texts = new Set(parsed.flatMap((p) => (p.warnings.length > 0 ? formatWarnings(p.warnings, p.text.file).split('\n') : [])));
    for (const text of texts) options.onWarning(text);
  }
  return parsed;
}

/** A note for each batch value (seed, runs) that a variant sets differently and the first scenario's value overrides, unless given in options. */
function batchNotes(parsed: readonly Parsed[], options: CompareOptions): string[] {
  const first = parsed[0] as Parsed;
  const notes: string[] = [];
  for (const [key, given] of [['seed', options.seed], ['runs', options.runs]] as const) {
    if (given !== undefined) continue;
    const others = parsed.filter((p) => p.scenario.batch[key] !== first.scenario.batch[key]);
    if (others.length === 0) continue;
    const theirs = others.map((p) => `${p.text.file} has ${String(p.scenario.batch[key])}`).join(', ');
    notes.push(`note: batch.${key} differs (${theirs}); every scenario uses the first's, ${String(first.scenario.batch[key])} from ${first.text.file}`);
  }
  return notes;
}

/**
 * Runs each scenario (the first is the reference) on the same replications with the same seed,
 * and returns one row per scenario with its P(by deadline) (against its own deadline), its
 * change against the reference with the paired 95% interval, its completion dates and main
 * constraint, and the paths it changes. Runs and seed default to the first scenario's batch
 * section. Throws SweepInputError listing every problem of every file before running any,
 * RangeError when the scenarios start at different instants, TypeError or RangeError on bad
 * arguments or options (fewer than 2 scenarios, a file name twice, an unknown option).
 */
export async function compareScenarios(scenarios: ScenarioText[], options: CompareOptions = {}): Promise<CompareTable> {
  checkCompareArguments(scenarios, options);
  const parsed = parseAll(scenarios, options);
  const { runs, seed, summaries, onTimeBits } = await runCommon(parsed.map((p) => p.scenario), options, true);
  const reference = summaries[0] as (typeof summaries)[number];
  const rows: CompareRow[] = summaries.map((s, i) => {
    const p = parsed[i] as Parsed;
    const { values: _values, ...row } = rowOf({}, s);
    const pairs = pairedCounts(onTimeBits[0] as OnTimeBits, onTimeBits[i] as OnTimeBits, runs);
    return {
      name: p.scenario.name,
      file: p.text.file,
      deadline: p.scenario.deadline,
      ...row,
      main_constraint: mainConstraint(s.time),
      delta_p: round6(s.p_by_deadline - reference.p_by_deadline),
      // The reference against itself differs in no replication: exactly 0, not Tango's interval for 0 discordant pairs.
      delta_p_ci95: i === 0 ? [0, 0] : (pairedDifferenceCi(pairs).map(round6) as [number, number]),
      discordant_runs: { variant_only: pairs.highOnly, reference_only: pairs.lowOnly },
      delta_p50_days: daysBetween(s.completion.p50, reference.completion.p50),
      differs: i === 0 ? [] : differingPaths((parsed[0] as Parsed).doc, p.doc),
    };
  });
  const first = (parsed[0] as Parsed).scenario;
  return {
    seed,
    runs,
    start: first.start,
    deadlines_differ: parsed.some((p) => p.scenario.deadline !== first.deadline),
    rows,
    overrides: (options.sets ?? []).map(overrideInputText),
    notes: batchNotes(parsed, options),
  };
}
