/**
 * Handlers of `retrograde sweep`, `retrograde sensitivity` and `retrograde compare`. Each returns the exit code.
 */
import type { Io } from './app.ts';
import { UserError } from './errors.ts';
import { readText, writeFileAtomic } from './files.ts';
import { progressReporter, readBatchArgs, type BatchArgs, type BatchValues } from './commands.ts';
import { readNumber, readString, failOn, setPathOf } from './args.ts';
import { checkOutputs, sameFile } from './outputs.ts';
import { count, moment, overridesLines } from './format.ts';
import { shellWord } from '../batch/command.ts';
import { labelled } from '../scenario/index.ts';
import {
  parseVary, VaryError, sweep, findTarget, sensitivity, compareScenarios, scenarioNames, SweepInputError, sweepCsv, sensitivityCsv, compareCsv,
  valueText, withinNoise, type ParamValue, type Vary, type SweepTable, type TargetAnswer, type SensitivityTable, type SensitivityRow, type SweepRow, type CompareTable,
} from '../sweep/index.ts';

interface CommonArgs extends BatchArgs {
  csv?: unknown;
}

interface SweepArgs extends CommonArgs {
  vary: string[];
  target?: unknown;
}

function options(a: Pick<CommonArgs, 'set'>, b: BatchValues, io: Io) {
  const { progress, opts } = runOptions(a, b, io);
  return { progress, opts: { ...opts, varyLabel: '--vary' } };
}

/** The options every command of this file passes to the library: overrides, batch values, progress and warnings. */
function runOptions(a: Pick<CommonArgs, 'set'>, b: BatchValues, io: Io) {
  const progress = progressReporter(io);
  return {
    progress,
    opts: {
      sets: labelled(a.set, '--set'),
      ...(b.runs !== undefined ? { runs: b.runs } : {}),
      ...(b.seed !== undefined ? { seed: b.seed } : {}),
      ...(b.workers !== undefined ? { workers: b.workers } : {}),
      ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
      // Each point's warnings (the scenario's, a --set's, or a swept value's), once each.
      onWarning: (text: string) => io.err(`${text}\n`),
    },
  };
}

/** Runs `fn`, turning bad sweep input into a UserError that lists every problem. */
async function userErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof VaryError) throw new UserError(err.message);
    if (err instanceof SweepInputError) throw new UserError(err.message);
    if (err instanceof RangeError) throw new UserError(err.message);
    throw err;
  }
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
/** A change in P as signed percentage points, one decimal. */
const points = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
const date = (iso: string | null): string => (iso === null ? 'after horizon' : iso.slice(0, 10));
const show = (v: ParamValue | undefined): string => (v === undefined ? '' : valueText(v));

function rowCells(r: Omit<SweepRow, 'values'>): string[] {
  return [pct(r.p_by_deadline), `${pct(r.p_by_deadline_ci95[0])}-${pct(r.p_by_deadline_ci95[1])}`, date(r.completion.p10), date(r.completion.p50), date(r.completion.p90)];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]): string => `  ${cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ')}`.trimEnd();
  return [fmt(header), ...rows.map(fmt)].join('\n');
}

/** The readable sweep table, with the target answer when asked; `sets` are the overrides listed in the header (by default the table's own). */
export function formatSweep(t: SweepTable, target?: TargetAnswer, sets: readonly string[] = t.overrides ?? []): string {
  // A swept deadline differs by point: the table's own (the first point's) would mislead.
  const deadline = t.parameters.includes('deadline') ? 'deadline as swept' : `deadline ${moment(t.deadline)}`;
  const out = [`Sweep of ${t.scenario}: ${count(t.runs, 'replication')} per point (common random numbers), seed ${t.seed}, ${deadline}`, ...overridesLines(sets), ''];
  out.push(table([...t.parameters, 'P(by deadline)', '95% CI', 'P10', 'median', 'P90'], t.rows.map((r) => [...t.parameters.map((p) => show(r.values[p])), ...rowCells(r)])));
  if (target) {
    out.push('');
    const goal = `P(by deadline) >= ${pct(target.target)}`;
    if (target.confident) {
      out.push(`  Smallest ${target.parameter} with ${goal}, whole 95% interval included: ${show(target.confident.value)} (P ${pct(target.confident.row.p_by_deadline)}, CI ${pct(target.confident.row.p_by_deadline_ci95[0])}-${pct(target.confident.row.p_by_deadline_ci95[1])})`);
    } else out.push(`  No swept ${target.parameter} reaches ${goal} with its whole 95% interval.`);
    if (target.estimate && target.estimate.value !== target.confident?.value) {
      out.push(`  By the estimate alone: ${show(target.estimate.value)} (P ${pct(target.estimate.row.p_by_deadline)}, but its interval reaches down to ${pct(target.estimate.row.p_by_deadline_ci95[0])}: add --runs to be sure)`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The readable sensitivity ranking; `sets` are the overrides listed in the header (by default the table's own). */
export function formatSensitivity(t: SensitivityTable, sets: readonly string[] = t.overrides ?? []): string {
  const b = t.baseline;
  const out = [
    `Sensitivity of ${t.scenario}: ${count(t.runs, 'replication')} per run, seed ${t.seed}, deadline ${moment(t.deadline)}`,
    ...overridesLines(sets),
    `  Baseline: P(by deadline) ${pct(b.p_by_deadline)} (95% CI ${pct(b.p_by_deadline_ci95[0])}-${pct(b.p_by_deadline_ci95[1])}), median completion ${date(b.completion.p50)}`,
    '',
  ];
  out.push(
    table(
      ['input', 'low', 'high', 'P at low', 'P at high', 'change in P', '95% CI of change', 'median at low', 'median at high', 'change (days)'],
      t.rows.map((r) => [
        `${r.path}${r.source === 'default' ? ' *' : ''}`, show(r.low), show(r.high), pct(r.low_row.p_by_deadline), pct(r.high_row.p_by_deadline),
        `${points(r.delta_p)} pts`, `${points(r.delta_p_ci95[0])} to ${points(r.delta_p_ci95[1])}${withinNoise(r) ? ' ~' : ''}`,
        date(r.low_row.completion.p50), date(r.high_row.completion.p50),
        r.delta_p50_days === null ? 'n/a' : signedDays(r.delta_p50_days),
      ]),
    ),
  );
  if (t.rows.some((r) => r.source === 'default')) out.push('', '  * default range (the scenario declares none in its `sensitivity` section)');
  if (t.rows.some(withinNoise)) {
    out.push(`${t.rows.some((r) => r.source === 'default') ? '' : '\n'}  ~ within noise: the interval includes 0, so at ${count(t.runs, 'replication')} this input's effect on P cannot be told from none (more --runs narrow the interval)`);
  }
  return `${out.join('\n')}\n`;
}

/** Days as a signed figure with one decimal; a change that rounds to nothing is +0.0, never -0.0. */
function signedDays(d: number): string {
  const text = d.toFixed(1);
  return text === '-0.0' || d >= 0 ? `+${text.replace('-', '')}` : text;
}

/** The command line that reproduces a sweep or sensitivity table (the worker count changes nothing). */
function reproduce(verb: string, a: CommonArgs, t: { runs: number; seed: string }, extra: string[]): string {
  return ['retrograde', verb, a.scenario, ...extra, '--runs', String(t.runs), '--seed', t.seed, ...a.set.flatMap((s) => ['--set', s])].map(shellWord).join(' ');
}

/**
 * Why --target refuses a grid, and the fix: keep one --vary and fix the others with --set (one
 * command per value), or in a script ask each slice (findTarget of sliceSweep).
 */
function targetOneVary(vary: Vary, target: number): string {
  const paths = Object.keys(vary);
  const head = `--target needs exactly one --vary, got ${paths.length}`;
  const [free, ...others] = paths;
  if (free === undefined) return head;
  const sets = others.map((p) => `--set ${shellWord(`${p}=${valueText((vary[p] as ParamValue[])[0] as ParamValue)}`)}`).join(' ');
  return `${head} (${paths.join(', ')}): keep --vary ${free} and fix the others with --set, one command per value (e.g. ${sets}); in a script, sweep the grid once and ask each slice: findTarget(sliceSweep(table, { ... }), ${target})`;
}

/** `retrograde sweep`. */
export async function sweepCommand(a: SweepArgs, io: Io): Promise<number> {
  const problems: string[] = [];
  const b = readBatchArgs(a, problems);
  const targetP = readNumber('target', a.target, (x) => x > 0 && x <= 1, 'a probability in (0, 1], such as 0.95', problems);
  const csv = readString('csv', a.csv, problems);
  const report = readString('report', a.report, problems);
  checkOutputs([{ what: 'the scenario file', path: a.scenario }], [{ flag: 'csv', path: csv }, { flag: 'report', path: report }], problems);
  failOn(problems, 'sweep');
  const vary: Vary = {};
  for (const v of a.vary) {
    let parsed;
    try {
      parsed = parseVary(v);
    } catch (err) {
      throw new UserError((err as Error).message);
    }
    if (parsed.path in vary) throw new UserError(`--vary ${parsed.path} is given twice; list all its values in one --vary`);
    vary[parsed.path] = parsed.values;
  }
  for (const path of Object.keys(vary)) {
    const set = a.set.find((t) => setPathOf(t) === path);
    if (set !== undefined) throw new UserError(`--set ${set} and --vary ${path} name the same path: the sweep sets it at every point, so the --set would do nothing; drop it`);
  }
  if (targetP !== undefined && Object.keys(vary).length !== 1) throw new UserError(targetOneVary(vary, targetP));
  const base = { text: readText(a.scenario), file: a.scenario };
  const { progress, opts } = options(a, b, io);
  const t = await userErrors(() => sweep(base, vary, opts));
  progress.done();
  const target = targetP !== undefined ? findTarget(t, targetP) : undefined;
  io.out(a.json ? `${JSON.stringify(target ? { ...t, target } : t)}\n` : formatSweep(t, target));
  if (csv !== undefined) {
    writeFileAtomic(csv, sweepCsv(t));
    io.err(`CSV written to ${csv}\n`);
  }
  if (report !== undefined) {
    const { sweepReportHtml } = await import('../../reports/sweep.ts');
    const command = reproduce('sweep', a, t, [...a.vary.flatMap((v) => ['--vary', v]), ...(targetP !== undefined ? ['--target', String(targetP)] : [])]);
    writeFileAtomic(report, sweepReportHtml(t, target, { command }));
    io.err(`report written to ${report}\n`);
  }
  return 0;
}

/** `retrograde sensitivity`. */
export async function sensitivityCommand(a: CommonArgs, io: Io): Promise<number> {
  const problems: string[] = [];
  const b = readBatchArgs(a, problems);
  const csv = readString('csv', a.csv, problems);
  const report = readString('report', a.report, problems);
  checkOutputs([{ what: 'the scenario file', path: a.scenario }], [{ flag: 'csv', path: csv }, { flag: 'report', path: report }], problems);
  failOn(problems, 'sensitivity');
  const base = { text: readText(a.scenario), file: a.scenario };
  const { progress, opts } = options(a, b, io);
  const t = await userErrors(() => sensitivity(base, opts));
  progress.done();
  io.out(a.json ? `${JSON.stringify(t)}\n` : formatSensitivity(t));
  if (csv !== undefined) {
    writeFileAtomic(csv, sensitivityCsv(t));
    io.err(`CSV written to ${csv}\n`);
  }
  if (report !== undefined) {
    const { sensitivityReportHtml } = await import('../../reports/sweep.ts');
    writeFileAtomic(report, sensitivityReportHtml(t, { command: reproduce('sensitivity', a, t, []) }));
    io.err(`report written to ${report}\n`);
  }
  return 0;
}

interface CompareArgs extends Omit<CommonArgs, 'scenario'> {
  scenarios: string[];
}

/** How many paths of a variant's differences the table lists before "and N more" (the JSON has them all). */
const DIFFERS_SHOWN = 8;

/**
 * The readable comparison: a header saying where the seed and runs came from (`seedFrom`,
 * `runsFrom`), one row per scenario, then what each variant changes; `sets` are the overrides
 * listed in the header (by default the table's own).
 */
export function formatComparison(t: CompareTable, seedFrom: string, runsFrom: string, sets: readonly string[] = t.overrides): string {
  const ref = t.rows[0] as CompareTable['rows'][number];
  const deadline = t.deadlines_differ ? "deadlines differ: each P is against the scenario's own deadline" : `deadline ${moment(ref.deadline)}`;
  const out = [
    `Comparison of ${t.rows.length} scenarios on the same ${count(t.runs, 'replication')} (${runsFrom}; common random numbers), seed ${t.seed} (${seedFrom}), ${deadline}`,
    ...overridesLines(sets),
    `  Reference: ${ref.name} (${ref.file})`,
    '',
  ];
  // Two scenarios of one name (a copy) are told apart by their files.
  const labels = scenarioNames(t);
  const header = ['scenario', ...(t.deadlines_differ ? ['deadline'] : []), 'P(by deadline)', '95% CI', 'change in P', '95% CI of change', 'P10', 'median', 'P90', 'median shift', 'main constraint'];
  out.push(
    table(
      header,
      t.rows.map((r, i) => {
        const [p, ci, ...dates] = rowCells(r);
        return [
          labels[i] as string, ...(t.deadlines_differ ? [moment(r.deadline)] : []), p as string, ci as string,
          i === 0 ? '(reference)' : `${points(r.delta_p)} pts`, i === 0 ? '' : `${points(r.delta_p_ci95[0])} to ${points(r.delta_p_ci95[1])}${withinNoise(r) ? ' ~' : ''}`,
          ...dates, i === 0 ? '' : r.delta_p50_days === null ? 'n/a' : `${signedDays(r.delta_p50_days)} d`, r.main_constraint,
        ];
      }),
    ),
  );
  out.push('');
  for (const r of t.rows.slice(1)) {
    const shown = r.differs.slice(0, DIFFERS_SHOWN).join(', ');
    const more = r.differs.length > DIFFERS_SHOWN ? ` and ${r.differs.length - DIFFERS_SHOWN} more` : '';
    out.push(`  ${r.name} (${r.file}) differs from the reference in: ${r.differs.length === 0 ? 'nothing the runs read (the same scenario)' : `${shown}${more}`}`);
  }
  if (t.rows.slice(1).some(withinNoise)) {
    out.push('', `  ~ within noise: the interval includes 0, so at ${count(t.runs, 'replication')} this change in P cannot be told from none (more --runs narrow the interval)`);
  }
  return `${out.join('\n')}\n`;
}

/** `retrograde compare`. */
export async function compareCommand(a: CompareArgs, io: Io): Promise<number> {
  const problems: string[] = [];
  const b = readBatchArgs(a, problems);
  const csv = readString('csv', a.csv, problems);
  const report = readString('report', a.report, problems);
  const files = a.scenarios.map(String);
  if (files.length < 2) problems.push(`retrograde compare needs at least two scenario files, the reference first, then its variants; got ${files.length === 0 ? 'none' : `only ${files[0]}`}`);
  for (let i = 0; i < files.length; i++) {
    const j = files.findIndex((f, k) => k < i && sameFile(f, files[i] as string));
    if (j >= 0) problems.push(`${files[i]} is given twice${files[j] === files[i] ? '' : ` (as ${files[j]} too)`}; give each scenario once (the first is the reference)`);
  }
  checkOutputs(files.map((f) => ({ what: `the scenario file ${f}`, path: f })), [{ flag: 'csv', path: csv }, { flag: 'report', path: report }], problems);
  failOn(problems, 'compare');
  const texts: Array<{ text: string; file: string }> = [];
  const unread: string[] = [];
  for (const file of files) {
    try {
      texts.push({ text: readText(file), file });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      unread.push(err.message);
    }
  }
  if (unread.length > 0) throw new UserError(unread.join('\n'));
  const { progress, opts } = runOptions(a, b, io);
  const t = await userErrors(() => compareScenarios(texts, opts));
  progress.done();
  for (const note of t.notes) io.err(`${note}\n`);
  const seedFrom = b.seed !== undefined ? '--seed' : `batch.seed of ${files[0]}`;
  const runsFrom = b.runs !== undefined ? '--runs' : `batch.runs of ${files[0]}`;
  io.out(a.json ? `${JSON.stringify(t)}\n` : formatComparison(t, seedFrom, runsFrom));
  if (csv !== undefined) {
    writeFileAtomic(csv, compareCsv(t));
    io.err(`CSV written to ${csv}\n`);
  }
  if (report !== undefined) {
    const { compareReportHtml, compareCommandLine } = await import('../../reports/compare.ts');
    writeFileAtomic(report, compareReportHtml(t, { command: compareCommandLine(t, report) }));
    io.err(`report written to ${report}\n`);
  }
  return 0;
}
