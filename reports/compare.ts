/**
 * The comparison report: a CompareTable (courses of action run on the same replications) in,
 * Vega-Lite specs out (`compareReportSpecs`), one self-contained HTML page out, in the other
 * reports' shell and look. Nothing here writes files; the CLI does, atomically.
 */
import type { CompareRow, CompareTable } from '../sim/sweep/compare.ts';
import { checkCompareTable, formatCompareIssues } from '../sim/sweep/compare-check.ts';
import { withinNoise } from '../sim/sweep/sensitivity.ts';
import { shellWord } from '../sim/batch/command.ts';
import type { VegaLiteSpec } from './types.ts';
import type { PageHeadline, PageStat, PageTable } from './page.ts';
import { renderReport } from './report.ts';
import { percent, verdictFor } from './run-headline.ts';
import { countText, overridesText } from './words.ts';
import { ciText, dateText, signed } from './charts/sweep-data.ts';
import { changeCiText, deadlineText, pointsText, scenarioLabels } from './charts/compare-rows.ts';
import { compareChangeSpec, compareChanceSpec } from './charts/compare-p.ts';
import { compareDatesSpec } from './charts/compare-dates.ts';
import { compareTimeSpec } from './charts/compare-time.ts';
import { momentLabel, parseInstant } from './time.ts';

export interface CompareReportOptions {
  /** The exact command that made the table, shown as is; when absent one is rebuilt from the table. */
  command?: string;
  /** The vega runtime to inline; read from the installed `vega` package when absent. */
  vegaRuntime?: string;
}

/** The comparison report's charts by name. */
export type CompareChart = 'chance' | 'change' | 'dates' | 'constraints';

/**
 * The `retrograde compare` command that reproduces a table and writes its report to `report`:
 * the table holds its files, runs, seed and overrides, so nothing is left out.
 */
export function compareCommandLine(table: CompareTable, report = 'compare.html'): string {
  const words = ['retrograde', 'compare', ...table.rows.map((r) => r.file), '--runs', String(table.runs), '--seed', table.seed, ...table.overrides.flatMap((s) => ['--set', s]), '--report', report];
  return words.map(shellWord).join(' ');
}

/** Throws an Error listing every problem (see checkCompareTable) when `table` is not a sound comparison table. */
function mustBeSound(table: CompareTable, who: string): void {
  const issues = checkCompareTable(table);
  if (issues.length === 0) return;
  const n = issues.length;
  throw new Error(`${who}: not a consistent comparison table (${n} problem${n === 1 ? '' : 's'}):\n${formatCompareIssues(issues, 'table')}`);
}

/** The report's Vega-Lite specs by chart name; throws as compareReportHtml on a table whose figures disagree. */
export function compareReportSpecs(table: CompareTable): Record<CompareChart, VegaLiteSpec> {
  mustBeSound(table, 'compareReportSpecs');
  return specsOf(table);
}

function specsOf(table: CompareTable): Record<CompareChart, VegaLiteSpec> {
  return { chance: compareChanceSpec(table), change: compareChangeSpec(table), dates: compareDatesSpec(table), constraints: compareTimeSpec(table) };
}

/** One file per chart for `--specs dir`: `name` is the file name (`chance.vl.json`), `json` its content ending in a newline. */
export function compareSpecFiles(table: CompareTable): Array<{ name: string; json: string }> {
  return Object.entries(compareReportSpecs(table)).map(([chart, spec]) => ({ name: `${chart}.vl.json`, json: `${JSON.stringify(spec, null, 2)}\n` }));
}

/** `by 15 Sep 2024`, or `by its own deadline` when the scenarios' deadlines differ. */
function byDeadline(table: CompareTable, r: CompareRow, i: number): string {
  const at = momentLabel(parseInstant(r.deadline, `rows[${i}].deadline`));
  return table.deadlines_differ ? `by its own deadline, ${at}` : `by ${at}`;
}

/**
 * The headline: which course of action is best for the deadline, in verdictFor's words. A variant
 * is named best only when its change over the reference is beyond noise; a higher estimate
 * within noise, or a tie, is said as such rather than ranked.
 */
function compareHeadline(table: CompareTable): PageHeadline {
  const labels = scenarioLabels(table);
  const ref = table.rows[0] as CompareRow;
  const top = Math.max(...table.rows.map((r) => r.p_by_deadline));
  const tied = table.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.p_by_deadline === top);
  const { r: best, i: at } = tied[0] as { r: CompareRow; i: number };
  const { words, tone } = verdictFor(best.p_by_deadline);
  const chance = `${words}: ${percent(best.p_by_deadline)} chance to finish ${byDeadline(table, best, at)}`;
  const name = (i: number): string => (table.rows[i] as CompareRow).name;
  let verdict: string;
  if (tied.length > 1) verdict = `${tied.length === table.rows.length ? 'Every course of action' : `${countText(tied.length)} courses of action`} tie for the deadline: ${chance}`;
  // The reference is "best" only when every variant falls short of it beyond noise.
  else if (at === 0 && table.rows.slice(1).every((r) => !withinNoise(r))) verdict = `The reference, ${name(0)}, is best for the deadline. ${chance}`;
  else if (at === 0) verdict = `No course of action beats the reference, ${name(0)}, beyond noise, and the reference has the highest estimate. ${chance}`;
  else if (!withinNoise(best)) verdict = `${name(at)} is best for the deadline. ${chance}, ${pointsText(best.delta_p)} over the reference`;
  else verdict = `No course of action beats the reference, ${name(0)}, beyond noise. Highest estimate: ${name(at)}. ${chance}`;
  const beyond = table.rows.slice(1).filter((r) => !withinNoise(r));
  const stats: PageStat[] = [
    { label: 'Reference', value: ref.name, note: `${percent(ref.p_by_deadline)} (95% CI ${ciText(ref.p_by_deadline_ci95)}), ${ref.file}` },
    {
      label: at === 0 || tied.length > 1 ? 'Highest chance' : 'Best variant',
      value: tied.length > 1 ? `${percent(top)}, ${countText(tied.length)} tie` : best.name,
      note: at === 0 ? `${percent(best.p_by_deadline)} (95% CI ${ciText(best.p_by_deadline_ci95)})` : `${percent(best.p_by_deadline)}; change ${pointsText(best.delta_p)} (95% interval ${changeCiText(best)})`,
    },
    { label: 'Changes beyond noise', value: `${countText(beyond.length)} of ${countText(table.rows.length - 1)}`, note: 'variants whose paired interval excludes 0' },
    { label: 'Replications per scenario', value: table.runs.toLocaleString('en-US'), note: `the same for all ${countText(table.rows.length)}, seed ${table.seed}` },
  ];
  return {
    kicker: `Comparison of ${countText(table.rows.length)} courses of action · reference: ${ref.name}${overridesText(table.overrides)}`,
    verdict,
    detail:
      `Each scenario ran the same ${table.runs.toLocaleString('en-US')} replications (seed ${table.seed}) on common random numbers, so each variant's change against the reference comes with a paired 95% interval, narrower than the two chances' own intervals suggest; a change whose interval includes 0 is within noise. ` +
      (table.deadlines_differ ? "The deadlines differ: each chance is against the scenario's own deadline. " : '') +
      'The intervals are simulation noise only, given each scenario\'s inputs.',
    tone,
    stats,
    diagnosis: { label: `At ${labels[at]}`, text: best.diagnosis },
  };
}

/** Every figure of the table, as `retrograde compare` prints them. */
function resultsTable(table: CompareTable): PageTable {
  const labels = scenarioLabels(table);
  const d = (r: CompareRow, i: number, q: 'p10' | 'p50' | 'p90'): string => dateText(r.completion[q], `rows[${i}].completion.${q}`);
  return {
    title: 'Results per course of action',
    caption: `The reference first, then the variants in the order given. Changes are against the reference, with their paired 95% interval ("within noise" when it includes 0); median shift in days, + is later. Dates are UTC; "after the horizon" means the simulation stopped first.${table.deadlines_differ ? " Each chance is against the scenario's own deadline." : ''}`,
    columns: ['Scenario', ...(table.deadlines_differ ? ['Deadline'] : []), 'Chance by the deadline', '95% interval', 'Change (points)', '95% interval of the change', 'P10 completion', 'Median completion', 'P90 completion', 'Median shift (days)', 'Main constraint', 'Sorties (mean)'],
    rows: table.rows.map((r, i) => [
      labels[i] as string,
      ...(table.deadlines_differ ? [deadlineText(r, i)] : []),
      percent(r.p_by_deadline),
      ciText(r.p_by_deadline_ci95),
      i === 0 ? '(reference)' : signed(r.delta_p * 100, 1),
      i === 0 ? '' : changeCiText(r),
      d(r, i, 'p10'),
      d(r, i, 'p50'),
      d(r, i, 'p90'),
      i === 0 ? '' : r.delta_p50_days === null ? 'n/a' : signed(r.delta_p50_days, 1),
      r.main_constraint,
      countText(r.mean_sorties),
    ]),
  };
}

/** What each variant changes against the reference, every path (the terminal cuts the list after 8). */
function differsTable(table: CompareTable): PageTable {
  return {
    title: 'What each variant changes',
    caption: 'The scenario values (by their path in the file) that differ from the reference\'s.',
    columns: ['Variant', 'File', 'Differs from the reference in'],
    rows: table.rows.slice(1).map((r) => [r.name, r.file, r.differs.length === 0 ? 'nothing the runs read (the same scenario)' : r.differs.join(', ')]),
  };
}

const CAPTIONS: Record<CompareChart, string> = {
  chance: 'Hover a dot or bar for its interval, deadline and median date. Two scenarios\' bars may overlap while their difference is still clear: the next chart measures it on the paired runs.',
  change: 'Right of the zero line: the variant finishes in time more often than the reference. Grey: the interval includes 0, so more replications (--runs) are needed to say which way.',
  dates: 'A dot left of its red mark: the median run finishes before that scenario\'s deadline (not every run: read the bar).',
  constraints: 'The biggest wait is what holds that course of action back: clearance waits point to diplomacy, ramp spot waits to crowded ramps, loading-team waits to too few teams, airfield-closed waits to operating hours.',
};

/**
 * One self-contained HTML page for a comparison: the headline (the best course of action for the
 * deadline and the reference), the chance per scenario, each variant's change with its paired
 * interval, the completion dates against each deadline, the main constraints, every figure in a
 * table, what each variant changes, and the reproducing command. Throws an Error listing every
 * problem when the table's figures disagree or a field is missing (see checkCompareTable).
 */
export function compareReportHtml(table: CompareTable, options: CompareReportOptions = {}): string {
  mustBeSound(table, 'compareReportHtml');
  const specs = specsOf(table);
  const chart = (name: CompareChart) => ({ name, spec: specs[name], caption: CAPTIONS[name] });
  const notes = table.notes.length === 0 ? '' : ` ${table.notes.map((n) => n.replace(/^note: /, '')).join(' ')}`;
  return renderReport({
    title: `Retrograde comparison – ${(table.rows[0] as CompareRow).name} and ${countText(table.rows.length - 1)} variant${table.rows.length === 2 ? '' : 's'}`,
    headline: compareHeadline(table),
    sections: [
      { heading: 'Chance of finishing by the deadline', charts: [chart('chance'), chart('change')] },
      { heading: 'When each finishes', charts: [chart('dates')] },
      { heading: 'What holds each back', charts: [chart('constraints')] },
      { heading: 'All figures', tables: [resultsTable(table), differsTable(table)] },
      {
        heading: 'Reproduce this report',
        intro: `The same command with the same seed gives the same numbers.${notes}`,
        code: [
          { title: 'Command', text: options.command ?? compareCommandLine(table) },
          { title: 'Seed', text: table.seed },
        ],
      },
    ],
    ...(options.vegaRuntime === undefined ? {} : { vegaRuntime: options.vegaRuntime }),
    footer: `Made by Retrograde from ${countText(table.rows.length)} scenarios × ${table.runs.toLocaleString('en-US')} runs, seed ${table.seed}. This file is self-contained and works offline.`,
  });
}
