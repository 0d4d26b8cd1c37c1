/**
 * Handlers of run, validate, schema, trace and report. Each returns the exit code.
 */
import { join } from 'node:path';
import type { Io } from './app.ts';
import { UserError } from './errors.ts';
import { readInteger, readNumber, readString, readSeed, readChoice, failOn, checkSets } from './args.ts';
import { checkOutputs } from './outputs.ts';
import { loadScenarioFile, readText, writeFileAtomic } from './files.ts';
import { count, formatSummary, progressLine } from './format.ts';
import { parseScenario, formatIssues, formatWarnings, labelled, scenarioJsonSchema } from '../scenario/index.ts';
import { runBatch } from '../batch/run.ts';
import { createModel } from '../model/index.ts';
import type { Summary } from '../batch/types.ts';
import type { TraceEvent } from '../model/types.ts';
import { isoAt } from '../batch/summarize.ts';
import { reproduceCommand } from '../batch/command.ts';
import { replicationsCsvParts } from '../batch/replications-csv.ts';

/** A progress callback that draws a bar on stderr when it is a terminal. */
export function progressReporter(io: Io): { onProgress?: (d: number, p: number) => void; done: () => void } {
  if (!io.isTTY) return { done: () => {} };
  let last = 0;
  return {
    onProgress: (d, p) => {
      const now = performance.now();
      if (now - last < 100 && d < p) return;
      last = now;
      io.err(`\r${progressLine(d, p)}`);
    },
    done: () => io.err('\r\x1b[K'),
  };
}

/** Arguments every batch command takes (see `batchOptions` in app.ts), as yargs gives them. */
export interface BatchArgs {
  scenario: string;
  runs?: unknown;
  seed?: unknown;
  workers?: unknown;
  set: string[];
  json: boolean;
  report?: unknown;
}

/** The batch arguments once read: each undefined when not given. */
export interface BatchValues {
  runs?: number | undefined;
  seed?: string | undefined;
  workers?: number | undefined;
}

/** Reads --runs, --seed and --workers and checks --set, adding what is wrong with them to `problems`. */
export function readBatchArgs(a: Pick<BatchArgs, 'runs' | 'seed' | 'workers' | 'set'>, problems: string[]): BatchValues {
  checkSets(a.set, problems);
  return {
    runs: readInteger('runs', a.runs, 1, 1000, problems),
    seed: readSeed(a.seed, problems),
    workers: readInteger('workers', a.workers, 0, 2, problems),
  };
}

interface RunArgs extends BatchArgs {
  precision?: unknown;
  specs?: unknown;
  csv?: unknown;
}

/** `retrograde run`. */
export async function runCommand(a: RunArgs, io: Io): Promise<number> {
  const problems: string[] = [];
  const b = readBatchArgs(a, problems);
  const precision = readNumber('precision', a.precision, (x) => x > 0 && x < 0.5, 'a number in (0, 0.5), such as 0.005', problems);
  const report = readString('report', a.report, problems);
  const specs = readString('specs', a.specs, problems);
  const csv = readString('csv', a.csv, problems);
  checkOutputs([{ what: 'the scenario file', path: a.scenario }], [{ flag: 'report', path: report }, { flag: 'specs', path: specs, folder: true }, { flag: 'csv', path: csv }], problems);
  failOn(problems, 'run');
  const scenario = loadScenarioFile(a.scenario, labelled(a.set, '--set'), (text) => io.err(text));
  const runs = b.runs ?? scenario.batch.runs;
  const seed = b.seed ?? scenario.batch.seed;
  const reports = report !== undefined || specs !== undefined ? loadReports() : undefined;
  reports?.catch(() => undefined); // awaited after the batch; this only keeps an early failure from going unhandled
  const progress = progressReporter(io);
  const extra = precision !== undefined ? ['--precision', String(precision)] : [];
  const result = await runBatch(scenario, {
    runs,
    seed,
    ...(b.workers !== undefined ? { workers: b.workers } : {}),
    ...(precision !== undefined ? { precision } : {}),
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    ...(csv !== undefined ? { replications: true } : {}),
    command: reproduceCommand('run', a.scenario, runs, seed, a.set, extra),
  });
  progress.done();
  const summary = result.summary;
  if (precision !== undefined) {
    // --runs is only the first round here: say so, since the total is usually far from it.
    const first = b.runs === undefined ? `the first round was batch.runs, ${count(runs, 'replication')}` : `the first round was --runs ${runs}`;
    const rest = summary.runs === runs ? 'which was enough' : 'then more were added until the half-width was reached';
    io.err(
      result.precisionCapped
        ? `precision ${precision} not reached: half-width ${result.halfWidth.toFixed(4)} after ${count(summary.runs, 'replication')} (the cap); ${first}\n`
        : `precision reached: half-width ${result.halfWidth.toFixed(4)} with ${count(summary.runs, 'replication')}; ${first}, ${rest}\n`,
    );
  }
  io.out(a.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
  if (csv !== undefined && result.replications !== undefined) {
    writeFileAtomic(csv, replicationsCsvParts(result.replications));
    io.err(`${count(summary.runs, 'replication')} written to ${csv}\n`);
  }
  await writeReportFiles(summary, report, specs, io, reports);
  return 0;
}

/**
 * Loads the report builders. vega-lite takes seconds to import, so only commands that write a
 * report load it, and `run` starts loading it while the batch runs in the workers.
 */
function loadReports() {
  return Promise.all([import('../../reports/index.ts'), import('../../reports/specs-files.ts')]);
}

/** Writes the HTML report and spec files asked for. */
async function writeReportFiles(
  summary: Summary,
  report: string | undefined,
  specs: string | undefined,
  io: Io,
  modules?: ReturnType<typeof loadReports>,
): Promise<void> {
  if (report === undefined && specs === undefined) return;
  // The summary was just computed, or checked when read: no need to check it again.
  const [{ renderRunReportHtml }, { specFiles }] = await (modules ?? loadReports());
  if (report !== undefined) {
    writeFileAtomic(report, renderRunReportHtml(summary));
    io.err(`report written to ${report}\n`);
  }
  if (specs !== undefined) {
    const files = specFiles(summary);
    for (const f of files) writeFileAtomic(join(specs, f.name), f.json);
    io.err(`${count(files.length, 'Vega-Lite spec')} written to ${specs}\n`);
  }
}

/**
 * `retrograde validate`: every file checked, every problem listed. Each file's verdict ("valid"
 * or its problems) goes to stderr, so that they read in the order the files were given however
 * the streams are captured; the exit code is the result.
 */
export function validateCommand(files: string[], sets: string[], io: Io): number {
  const problems: string[] = [];
  checkSets(sets, problems);
  failOn(problems, 'validate');
  let bad = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readText(file);
    } catch (err) {
      io.err(`${(err as Error).message}\n`);
      bad++;
      continue;
    }
    const r = parseScenario(text, file, labelled(sets, '--set'));
    if (r.ok) {
      // The file's own warnings, then those of its declared sensitivity values.
      const warnings = [...r.warnings, ...r.rangeWarnings];
      if (warnings.length > 0) io.err(`${formatWarnings(warnings, file)}\n`);
      io.err(`${file}: valid${warnings.length > 0 ? `, with ${warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`} (above)` : ''}\n`);
    }
    else {
      bad++;
      io.err(`${formatIssues(r.issues, file)}\n`);
    }
  }
  return bad > 0 ? 2 : 0;
}

/** `retrograde schema`. */
export function schemaCommand(io: Io): number {
  io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}

interface TraceArgs {
  scenario: string;
  seed?: unknown;
  replication?: unknown;
  format?: unknown;
  set: string[];
}

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** `retrograde trace`: one replication's events, as JSON lines or CSV. */
export function traceCommand(a: TraceArgs, io: Io): number {
  const problems: string[] = [];
  const replication = readInteger('replication', a.replication, 0, 2, problems) ?? 0;
  const givenSeed = readSeed(a.seed, problems);
  const format = readChoice('format', a.format, ['jsonl', 'csv'] as const, problems) ?? 'jsonl';
  checkSets(a.set, problems);
  failOn(problems, 'trace');
  const scenario = loadScenarioFile(a.scenario, labelled(a.set, '--set'), (text) => io.err(text));
  const seed = givenSeed ?? scenario.batch.seed;
  const lines: string[] = [];
  if (format === 'csv') lines.push('t_hours,at,event,aircraft,base,detail');
  const trace = (e: TraceEvent): void => {
    const at = isoAt(scenario.start, e.t);
    if (format === 'jsonl') lines.push(JSON.stringify({ ...e, at }));
    else {
      const detail = e.detail ? Object.entries(e.detail).map(([k, v]) => `${k}=${v}`).join(';') : '';
      lines.push([String(Math.round(e.t * 1e4) / 1e4), at, e.event, e.aircraft ?? '', e.base ?? '', detail].map(csvCell).join(','));
    }
  };
  const result = createModel(scenario).run(seed, replication, { trace });
  io.out(`${lines.join('\n')}\n`);
  io.err(`replication ${replication} (seed ${seed}): ${result.stopReason === 'done' ? `finished at ${isoAt(scenario.start, result.completedH ?? 0)}` : `stopped at the horizon: ${result.stopCause}`}, ${count(result.sorties, 'sortie')}\n`);
  return 0;
}

interface ReportArgs {
  result: string;
  out: string;
  specs?: string | undefined;
}

/** `retrograde report`: HTML from a saved `run --json` result, or from a saved `compare --json` table. */
export async function reportCommand(a: ReportArgs, io: Io): Promise<number> {
  const text = readText(a.result);
  if (await compareReportFiles(a, text, io)) return 0;
  const { readSummary, formatSummaryIssues } = await import('../batch/summary-schema.ts');
  const checked = readSummary(text);
  if (!checked.ok) {
    const n = checked.issues.length;
    throw new UserError(
      `${a.result}: not a \`retrograde run --json\` result that this version can read (${n} problem${n === 1 ? '' : 's'}):\n${formatSummaryIssues(checked.issues, a.result)}`,
    );
  }
  await writeReportFiles(checked.summary, a.out, a.specs, io);
  return 0;
}

/**
 * Writes the comparison report (and --specs) when `text` is a saved `compare --json` table, and
 * returns true; false for anything else, which is read as a run's result. A table whose figures
 * disagree is refused with every problem, as a damaged run result is.
 */
async function compareReportFiles(a: ReportArgs, text: string, io: Io): Promise<boolean> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return false; // readSummary places the syntax error
  }
  const { looksLikeCompareTable, checkCompareTable, formatCompareIssues } = await import('../sweep/compare-check.ts');
  if (!looksLikeCompareTable(doc)) return false;
  const issues = checkCompareTable(doc);
  if (issues.length > 0) {
    const n = issues.length;
    throw new UserError(`${a.result}: not a \`retrograde compare --json\` table that this version can read (${n} problem${n === 1 ? '' : 's'}):\n${formatCompareIssues(issues, a.result)}`);
  }
  const { compareReportHtml, compareSpecFiles } = await import('../../reports/compare.ts');
  writeFileAtomic(a.out, compareReportHtml(doc));
  io.err(`report written to ${a.out}\n`);
  if (a.specs !== undefined) {
    const files = compareSpecFiles(doc);
    for (const f of files) writeFileAtomic(join(a.specs, f.name), f.json);
    io.err(`${count(files.length, 'Vega-Lite spec')} written to ${a.specs}\n`);
  }
  return true;
}
