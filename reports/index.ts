/**
 * Run reports: a batch Summary in, Vega-Lite specs out (`runReportSpecs`), compiled to Vega
 * (`compileSpecs`), and one self-contained HTML page out (`runReportHtml`). Nothing here writes
 * files; the CLI does, atomically.
 */
import type { Summary } from '../sim/batch/types.ts';
import { checkSummary, formatSummaryIssues } from '../sim/batch/summary-schema.ts';
import { runsText } from './words.ts';
import { runFacts } from './facts.ts';
import { renderReport, type ReportChart, type ReportSection } from './report.ts';
import { runHeadline } from './run-headline.ts';
import { runReportSpecs, type RunChart } from './run-specs.ts';

export type { VegaLiteSpec, VegaSpec } from './types.ts';
export { compileSpecs, type CompiledSpecs } from './compile.ts';
export { renderPage, type Page, type PageChart, type PageHeadline, type PageSection, type PageStat, type PageTable, type PageCode } from './page.ts';
export { vegaRuntimeSource } from './runtime.ts';
export { escapeHtml, jsonForScript } from './escape.ts';
export { specFiles } from './specs-files.ts';
export { RUN_CHARTS, runReportSpecs, type RunChart } from './run-specs.ts';
export { renderReport, type Report, type ReportChart, type ReportSection } from './report.ts';
export { chanceText, percent, verdictFor } from './run-headline.ts';
export { compareReportHtml, compareReportSpecs, compareSpecFiles, compareCommandLine, type CompareReportOptions, type CompareChart } from './compare.ts';
export { COLORS, CONFIG, PLOT_WIDTH, deadlineLayers, emptyChart, timeAxisFor, topLevel } from './theme.ts';

export interface RunReportOptions {
  /** The vega runtime to inline; read from the installed `vega` package when absent. */
  vegaRuntime?: string;
}

const CAPTIONS: Record<RunChart, string> = {
  ecdf: 'Read the curve at a date: its height is the share of runs that had finished by then. The diamond on the deadline is the chance of finishing in time.',
  histogram: 'Each bar is the share of runs that finished in that interval; bars after the deadline are runs that finished late.',
  fan: 'How fast the bases empty. A wide band means the outcome is uncertain; where the median reaches zero, half the runs have finished.',
  'time-budget': 'The biggest wait is what holds the withdrawal back: clearance waits point to diplomacy, ramp spot waits to crowded ramps (parking MOG), loading-team waits to too few teams (working MOG), airfield-closed waits to operating hours.',
  closures: 'Each base closes when its last load leaves. A base whose bar crosses the deadline is the one that makes the withdrawal late.',
  ramp: 'A daily mean shows how busy a ramp is overall, not its peaks: a low area can still hide hours when every spot is taken, and those show as ramp wait in the time budget above. Russian aircraft take spots too.',
  gantt: 'One simulated run in detail; hover a bar for the sortie\'s times and load.',
};

/**
 * One self-contained HTML page for a run: headline, charts, the inputs table and the reproducing
 * command. Throws when `summary` is not a consistent batch summary (a field missing or of the
 * wrong type, P outside its interval, quantiles out of order, shares not summing to 1), listing
 * every problem with its path, as `retrograde report` does for a saved file.
 */
export function runReportHtml(summary: Summary, options: RunReportOptions = {}): string {
  const checked = checkSummary(summary);
  if (!checked.ok) {
    const n = checked.issues.length;
    throw new Error(`runReportHtml: not a consistent batch summary (${n} problem${n === 1 ? '' : 's'}):\n${formatSummaryIssues(checked.issues, 'summary')}`);
  }
  return renderRunReportHtml(summary, options);
}

/**
 * runReportHtml without its check of the summary, for a caller that has just computed it
 * (`retrograde run --report`) or checked it already (`retrograde report` reads it with readSummary).
 */
export function renderRunReportHtml(summary: Summary, options: RunReportOptions = {}): string {
  const facts = runFacts(summary);
  const specs = runReportSpecs(summary);
  const chart = (name: RunChart): ReportChart => ({ name, spec: specs[name], caption: CAPTIONS[name] });
  const sections: ReportSection[] = [
    {
      heading: 'How likely is the deadline?',
      intro: `${summary.runs === 1 ? 'The one run' : `Each of the ${summary.runs.toLocaleString('en-US')} runs`} simulates the whole withdrawal with its own random clearance delays, loads, breakdowns and Russian traffic; the charts show how the finishing dates spread.`,
      charts: [chart('ecdf'), chart('histogram')],
    },
    { heading: 'Progress day by day', charts: [chart('fan')] },
    { heading: 'What holds it back', intro: summary.diagnosis, charts: [chart('time-budget'), chart('closures'), chart('ramp')] },
    { heading: 'One sample run', charts: [chart('gantt')] },
    {
      heading: 'Scenario inputs',
      tables: [{ title: 'Inputs', caption: `Every input of scenario "${summary.scenario}", as the simulation used it.`, columns: ['Input', 'Value'], rows: inputRows(summary) }],
    },
    reproduceSection(summary),
  ];
  return renderReport({
    title: `Retrograde – ${summary.scenario}`,
    headline: runHeadline(summary, facts),
    sections,
    ...(options.vegaRuntime === undefined ? {} : { vegaRuntime: options.vegaRuntime }),
    footer: `Made by Retrograde from ${runsText(summary.runs)}, seed ${summary.seed}. This file is self-contained and works offline.`,
  });
}

/**
 * How to get the same numbers again: the command line when the summary has one (the CLI stores
 * it), otherwise, for a summary made by a script's runBatch, the call that reproduces it, since an
 * empty Command block under "the same command" would tell the reader nothing.
 */
function reproduceSection(summary: Summary): ReportSection {
  const seed = { title: 'Seed', text: summary.seed };
  if (typeof summary.command === 'string' && summary.command.trim() !== '') {
    return { heading: 'Reproduce this report', intro: 'The same command with the same seed gives the same numbers.', code: [{ title: 'Command', text: summary.command }, seed] };
  }
  return {
    heading: 'Reproduce this report',
    intro: 'This summary was made by a script, not the command line: the same scenario (the same file and overrides) run with the same seed and number of runs gives the same numbers.',
    code: [{ title: 'Script', text: `runBatch(scenario, { runs: ${summary.runs}, seed: ${JSON.stringify(summary.seed)} })` }, seed],
  };
}

/**
 * The inputs table's rows, with the batch row telling the runs and seed this summary was made
 * with: the scenario's own `batch` row gives the file's defaults, which `--runs`, `--seed` and
 * `--precision` override.
 */
function inputRows(summary: Summary): string[][] {
  const batch = ['Batch', `${runsText(summary.runs)}, seed "${summary.seed}"`];
  const rows = summary.inputs.map(([k, v]) => (k === 'Batch' ? batch : [k, v]));
  return rows.some(([k]) => k === 'Batch') ? rows : [...rows, batch];
}
