/**
 * Sweep and sensitivity reports: a SweepTable or SensitivityTable in, Vega-Lite specs out
 * (`sweepReportSpecs`, `sensitivityReportSpecs`), one self-contained HTML page out, in the run
 * report's shell and look. Nothing here writes files; the CLI does, atomically.
 */
import type { SweepRow, SweepTable, TargetAnswer } from '../sim/sweep/sweep.ts';
import { withinNoise, type SensitivityTable } from '../sim/sweep/sensitivity.ts';
import { parseVary, valueText, type ParamValue } from '../sim/sweep/grid.ts';
import type { VegaLiteSpec } from './types.ts';
import type { PageHeadline, PageStat, PageTable } from './page.ts';
import { renderReport, type ReportSection } from './report.ts';
import { percent, verdictFor } from './run-headline.ts';
import { countText, overridesText } from './words.ts';
import { pathLabel, pathWords } from './path-words.ts';
import { dayLabel, momentLabel, parseInstant } from './time.ts';
import { ciText, clip, dateText, deadlineSwept, paramAxis, signed } from './charts/sweep-data.ts';
import { shellWord } from '../sim/batch/command.ts';
import { pByValueSpec, pLinesSpec } from './charts/sweep-p.ts';
import { datesByValueSpec } from './charts/sweep-dates.ts';
import { heatmapSpec } from './charts/sweep-heatmap.ts';
import { changeCiText, tornadoDaysSpec, tornadoPSpec } from './charts/tornado.ts';

export interface SweepReportOptions {
  /** The exact command that made the table, shown as is; when absent one is rebuilt from the table. */
  command?: string;
  /** The scenario file, for the rebuilt command (the table does not record it). */
  file?: string;
  /** The vega runtime to inline; read from the installed `vega` package when absent. */
  vegaRuntime?: string;
}

const FOOTER = 'This file is self-contained and works offline.';


/** The values of one --vary as the CLI reads them: `lo..hi[:step]` for an even run of numbers, else a list. */
function varyText(path: string, values: ParamValue[]): string {
  const list = `${path}=${values.map(valueText).join(',')}`;
  const xs = values.filter((v): v is number => typeof v === 'number');
  if (xs.length === values.length && xs.length >= 3) {
    const step = Number(((xs[1] as number) - (xs[0] as number)).toPrecision(12));
    const range = `${path}=${xs[0]}..${xs[xs.length - 1]}${step === 1 ? '' : `:${step}`}`;
    // Only when the CLI reads the range back as exactly these values.
    try {
      if (step > 0 && JSON.stringify(parseVary(range).values) === JSON.stringify(xs)) return range;
    } catch {
      // not a range the CLI reads: fall back to the list
    }
  }
  return list;
}

/** The values of each swept parameter in the order they were listed. */
function listedValues(table: SweepTable): Array<[string, ParamValue[]]> {
  return table.parameters.map((p) => {
    const seen = new Map<string, ParamValue>();
    for (const r of table.rows) {
      const v = r.values[p];
      if (v !== undefined && !seen.has(valueText(v))) seen.set(valueText(v), v);
    }
    return [p, [...seen.values()]];
  });
}

/** The `retrograde sweep` command that reproduces a table (the scenario file as given, else a placeholder). */
export function sweepCommand(table: SweepTable, target?: TargetAnswer, file?: string): string {
  const words = ['retrograde', 'sweep', file === undefined ? '<scenario.yaml>' : shellWord(file)];
  for (const [path, values] of listedValues(table)) words.push('--vary', shellWord(varyText(path, values)));
  words.push('--runs', String(table.runs), '--seed', shellWord(table.seed));
  if (target !== undefined) words.push('--target', String(target.target));
  words.push('--report', 'sweep.html');
  return words.join(' ');
}

/** The `retrograde sensitivity` command that reproduces a table. */
export function sensitivityCommand(table: SensitivityTable, file?: string): string {
  return ['retrograde', 'sensitivity', file === undefined ? '<scenario.yaml>' : shellWord(file), '--runs', String(table.runs), '--seed', shellWord(table.seed), '--report', 'sensitivity.html'].join(' ');
}

function checkTarget(table: SweepTable, target: TargetAnswer | undefined): void {
  if (target === undefined) return;
  if (table.parameters.length !== 1 || table.parameters[0] !== target.parameter) {
    throw new RangeError(`Report: the target answers parameter "${target.parameter}", but the sweep varies ${table.parameters.length === 0 ? 'nothing' : table.parameters.map((p) => `"${p}"`).join(', ')}; a target needs a one-parameter sweep of that parameter`);
  }
}

/** The sweep report's Vega-Lite specs by chart name: which charts depends on the number of parameters (see sweepReportHtml). */
export function sweepReportSpecs(table: SweepTable, target?: TargetAnswer): Record<string, VegaLiteSpec> {
  checkTarget(table, target);
  if (table.parameters.length === 1) return { 'p-by-value': pByValueSpec(table, target), 'dates-by-value': datesByValueSpec(table) };
  if (table.parameters.length === 2) return { heatmap: heatmapSpec(table), 'p-lines': pLinesSpec(table) };
  return { 'p-lines': pLinesSpec(table) };
}

function rowStat(label: string, value: ParamValue, row: SweepRow): PageStat {
  return { label, value: valueText(value), note: `${percent(row.p_by_deadline)} (95% CI ${ciText(row.p_by_deadline_ci95)})` };
}

function sweepHeadline(table: SweepTable, target: TargetAnswer | undefined): PageHeadline {
  // A swept deadline differs from point to point: the table's own is only the first point's.
  const deadline = deadlineSwept(table) ? 'the deadline' : momentLabel(parseInstant(table.deadline, 'sweep deadline'));
  const ps = table.rows.map((r) => r.p_by_deadline);
  const [min, max] = [Math.min(...ps), Math.max(...ps)];
  const swept = listedValues(table);
  const stats: PageStat[] = swept.map(([path, values]) => ({ label: path, value: clip(values.map(valueText).join(', '), 90), note: `${countText(values.length)} value${values.length === 1 ? '' : 's'}` }));
  stats.push({ label: 'Replications per point', value: table.runs.toLocaleString('en-US'), note: `${countText(table.rows.length)} points, seed ${table.seed}` });
  let verdict: string;
  let tone: PageHeadline['tone'] = 'neutral';
  let why: SweepRow | undefined;
  let whyAt = '';
  if (target !== undefined) {
    const goal = `${percent(target.target)} sure of finishing by ${deadline}`;
    if (target.confident !== null) {
      // In words where the path has them ("The number of C-17s needed ..."); the stats keep the path.
      verdict =
        pathWords(target.parameter) === undefined
          ? `Smallest ${target.parameter} to be ${goal}: ${valueText(target.confident.value)}`
          : `${pathLabel(target.parameter)} needed to be ${goal}: ${valueText(target.confident.value)}`;
      tone = 'good';
      stats.push(rowStat('Answer, whole interval above the target', target.confident.value, target.confident.row));
    } else {
      verdict = target.estimate !== null ? `No swept ${target.parameter} is ${goal} yet (the estimate alone reaches it)` : `No swept ${target.parameter} is ${goal}`;
      tone = target.estimate !== null ? 'warn' : 'bad';
    }
    if (target.estimate !== null && (target.confident === null || valueText(target.estimate.value) !== valueText(target.confident.value))) {
      stats.push({ ...rowStat('Reached by the estimate alone', target.estimate.value, target.estimate.row), note: `${percent(target.estimate.row.p_by_deadline)}, but its interval reaches down to ${percent(target.estimate.row.p_by_deadline_ci95[0])}: add --runs to be sure` });
    }
    const answer = target.confident ?? target.estimate;
    if (answer !== null) [why, whyAt] = [answer.row, `${target.parameter} = ${valueText(answer.value)}`];
  } else if (table.rows.length > 0) {
    verdict = min === max ? `${percent(min)} chance to finish by ${deadline} at every swept point` : `${percent(min)} to ${percent(max)} chance to finish by ${deadline}, depending on the swept values`;
    const best = table.rows.reduce((a, b) => (b.p_by_deadline > a.p_by_deadline ? b : a));
    const at = table.parameters.map((p) => `${p} = ${valueText(best.values[p] as ParamValue)}`).join(', ');
    // Several points at the top chance: naming the first as "best" would rank a tie.
    const tied = table.rows.filter((r) => r.p_by_deadline === max).length;
    if (tied > 1) {
      const all = tied === table.rows.length;
      stats.push({
        label: 'Highest chance',
        value: all ? `${percent(max)} at every point` : `${countText(tied)} points tie at ${percent(max)}`,
        note: all ? 'no swept value gives a higher chance than another' : clip(`the first: ${at}`, 90),
      });
    } else {
      stats.push({ label: 'Best point', value: clip(at, 90), note: `${percent(best.p_by_deadline)} (95% CI ${ciText(best.p_by_deadline_ci95)})` });
    }
    [why, whyAt] = [best, at];
  } else {
    verdict = 'The sweep has no points';
  }
  return {
    kicker: `Sweep of scenario: ${table.scenario}${overridesText(table.overrides)}`,
    verdict,
    detail: `Swept ${table.parameters.join(' × ')} over ${countText(table.rows.length)} points, ${table.runs.toLocaleString('en-US')} replications each (seed ${table.seed}), on common random numbers: every point runs the same random streams, which removes most of the noise from the differences between points, but not all of it. The 95% intervals show what is left: points whose intervals do not overlap differ beyond noise, and a difference is usually known more closely than two overlapping intervals suggest.`,
    tone,
    stats,
    ...(why === undefined ? {} : { diagnosis: { label: `At ${whyAt}`, text: why.diagnosis } }),
  };
}

function sweepTable(table: SweepTable, target: TargetAnswer | undefined): PageTable {
  const meets = (r: SweepRow): string[] => {
    if (target === undefined) return [];
    if (r.p_by_deadline_ci95[0] >= target.target) return ['yes, whole interval'];
    return [r.p_by_deadline >= target.target ? 'estimate only' : 'no'];
  };
  const d = (r: SweepRow, q: 'p10' | 'p50' | 'p90'): string => dateText(r.completion[q], `sweep completion.${q}`);
  return {
    title: 'Results per point',
    caption: `One row per point, in the order they ran; dates are UTC, "after the horizon" means the simulation stopped first.${target === undefined ? '' : ` The last column says whether the point reaches the ${percent(target.target)} target.`}`,
    codeColumns: table.parameters.length,
    columns: [...table.parameters, 'Chance by the deadline', '95% interval', 'P10 completion', 'Median completion', 'P90 completion', 'Sorties (mean)', ...(target === undefined ? [] : [`Meets ${percent(target.target)}`])],
    rows: table.rows.map((r) => [
      ...table.parameters.map((p) => valueText(r.values[p] as ParamValue)),
      percent(r.p_by_deadline),
      ciText(r.p_by_deadline_ci95),
      d(r, 'p10'),
      d(r, 'p50'),
      d(r, 'p90'),
      countText(r.mean_sorties),
      ...meets(r),
    ]),
  };
}

/**
 * One self-contained HTML page for a sweep. One parameter: the chance against it with its
 * interval band (and the target's answer), and the completion dates against it; two: a heatmap
 * and one line per value of the second; more: the lines in small multiples. Always the headline,
 * the table of points and the reproducing command. Throws when `target` is not about the sweep's
 * only parameter.
 */
export function sweepReportHtml(table: SweepTable, target?: TargetAnswer, options: SweepReportOptions = {}): string {
  const specs = sweepReportSpecs(table, target);
  const chart = (name: string, caption: string) => ({ name, spec: specs[name] as VegaLiteSpec, caption });
  const charts: ReportSection[] = [];
  if (table.parameters.length === 1) {
    const axis = paramAxis(table, table.parameters[0] as string);
    charts.push(
      {
        heading: 'Chance of finishing by the deadline',
        intro: `How the chance of finishing by the deadline changes with ${axis.path}. Where the band is wide, more replications (--runs) would narrow it.`,
        charts: [chart('p-by-value', 'Hover a point for its interval and dates. Differences between neighbouring points are measured on the same random streams, so they are sharper than the bands suggest.')],
      },
      {
        heading: 'When the withdrawal finishes',
        charts: [
          chart(
            'dates-by-value',
            deadlineSwept(table)
              ? "A dot below its value's red dash: the median run finishes before that point's deadline (not every run: read the band). A long band means the finishing date is uncertain at that value."
              : 'A dot below the dashed line: the median run finishes before the deadline (not every run: read the band). A long band means the finishing date is uncertain at that value.',
          ),
        ],
      },
    );
  } else if (table.parameters.length === 2) {
    charts.push({
      heading: 'Chance of finishing by the deadline',
      charts: [
        chart('heatmap', 'Blue cells are likely to finish in time, red cells unlikely. Hover a cell for its interval and median date.'),
        chart('p-lines', 'The same points as lines: where lines bunch together the second parameter matters little.'),
      ],
    });
  } else {
    charts.push({ heading: 'Chance of finishing by the deadline', charts: [chart('p-lines', 'Hover a point for its interval and dates; every point is also in the table below.')] });
  }
  const command = options.command ?? sweepCommand(table, target, options.file);
  return renderReport({
    title: `Retrograde sweep – ${table.scenario}`,
    headline: sweepHeadline(table, target),
    sections: [
      ...charts,
      { heading: 'All points', tables: [sweepTable(table, target)] },
      {
        heading: 'Reproduce this report',
        intro: options.command === undefined ? 'The same command with the same seed gives the same numbers (add any --set options the sweep used: the table does not record them).' : 'The same command with the same seed gives the same numbers.',
        code: [
          { title: 'Command', text: command },
          { title: 'Seed', text: table.seed },
        ],
      },
    ],
    ...(options.vegaRuntime === undefined ? {} : { vegaRuntime: options.vegaRuntime }),
    footer: `Made by Retrograde from ${countText(table.rows.length)} points × ${table.runs.toLocaleString('en-US')} runs, seed ${table.seed}. ${FOOTER}`,
  });
}

/** The sensitivity report's Vega-Lite specs: the two tornado charts. */
export function sensitivityReportSpecs(table: SensitivityTable): Record<'tornado-p' | 'tornado-days', VegaLiteSpec> {
  return { 'tornado-p': tornadoPSpec(table), 'tornado-days': tornadoDaysSpec(table) };
}

function sensitivityHeadline(t: SensitivityTable): PageHeadline {
  const b = t.baseline;
  const deadline = momentLabel(parseInstant(t.deadline, 'sensitivity deadline'));
  // The largest swing whose sign is settled: naming one within noise as what matters most would rank noise.
  const top = t.rows.find((r) => !withinNoise(r));
  const declared = t.rows.filter((r) => r.source === 'declared').length;
  const median = b.completion.p50;
  const noisy = t.rows.filter(withinNoise).length;
  return {
    kicker: `Sensitivity of scenario: ${t.scenario}${overridesText(t.overrides)}`,
    verdict:
      t.rows.length === 0
        ? 'No uncertain input to move'
        : top === undefined
          ? `No input moves the chance to finish by ${deadline} beyond noise (${percent(b.p_by_deadline)} at the baseline)`
          : `${pathLabel(top.path)} matters most: from ${percent(top.low_row.p_by_deadline)} to ${percent(top.high_row.p_by_deadline)} chance to finish by ${deadline}`,
    detail: `${top === undefined || pathWords(top.path) === undefined ? '' : `${pathLabel(top.path)} (${top.path}) was moved from ${valueText(top.low)} to ${valueText(top.high)}. `}Baseline: ${percent(b.p_by_deadline)} chance (95% CI ${ciText(b.p_by_deadline_ci95)}). Each input moved alone between its low and high value, all else at the baseline; ${t.runs.toLocaleString('en-US')} replications per point (seed ${t.seed}) on common random numbers, which remove most of the noise from each change; each change's paired 95% interval shows what is left.${noisy === 0 ? '' : ` ${countText(noisy)} of the ${countText(t.rows.length)} changes ${noisy === 1 ? 'is' : 'are'} within noise (${noisy === 1 ? 'its' : 'their'} interval includes 0).`}`,
    tone: verdictFor(b.p_by_deadline).tone,
    stats: [
      { label: 'Baseline chance by the deadline', value: percent(b.p_by_deadline), note: `95% CI ${ciText(b.p_by_deadline_ci95)}` },
      { label: 'Baseline median completion', value: dateText(median, 'sensitivity baseline completion.p50'), note: `P10 – P90: ${dateText(b.completion.p10, 'p10')} – ${dateText(b.completion.p90, 'p90')}` },
      { label: 'Inputs moved', value: countText(t.rows.length), note: `${countText(declared)} declared in the scenario, ${countText(t.rows.length - declared)} default ranges` },
      { label: 'Replications per point', value: t.runs.toLocaleString('en-US'), note: `${countText(1 + 2 * t.rows.length)} points, seed ${t.seed}` },
    ],
    diagnosis: { label: 'At the baseline', text: b.diagnosis },
  };
}

function sensitivityTable(t: SensitivityTable): PageTable {
  const chance = (r: SweepRow): string => `${percent(r.p_by_deadline)} (${percent(r.p_by_deadline_ci95[0])}–${percent(r.p_by_deadline_ci95[1])})`;
  const median = (r: SweepRow, what: string): string => dateText(r.completion.p50, what);
  // Low and high share a cell ("low → high"), so the table fits the page without squeezing numbers.
  return {
    title: 'Results per input',
    caption: 'Low and high values are those the scenario declares in its sensitivity section, or a default range where it says so. Chances come with their 95% interval. Ranked by the change in the chance of finishing by the deadline (high minus low), with its paired 95% interval (the same replications run at low and high); where that interval includes 0 the change is within noise, and more replications (--runs) would settle its sign. Changes in days are the median completion at high minus at low, + is later.',
    columns: ['Input', 'Low → high', 'Chance by the deadline, low → high', 'Change (points)', '95% interval of the change', 'Median completion, low → high', 'Change (days)'],
    rows: t.rows.map((r) => [
      r.source === 'declared' ? r.path : `${r.path} (default range)`,
      `${valueText(r.low)} → ${valueText(r.high)}`,
      `${chance(r.low_row)} → ${chance(r.high_row)}`,
      signed(r.delta_p * 100, 1),
      changeCiText(r),
      `${median(r.low_row, `${r.path} low completion.p50`)} → ${median(r.high_row, `${r.path} high completion.p50`)}`,
      r.delta_p50_days === null ? 'n/a' : signed(r.delta_p50_days, 1),
    ]),
  };
}

/**
 * One self-contained HTML page for a sensitivity table: the baseline headline, tornado charts of
 * the chance of finishing by the deadline and of the median date's shift, the table, and the
 * reproducing command.
 */
export function sensitivityReportHtml(table: SensitivityTable, options: SweepReportOptions = {}): string {
  const specs = sensitivityReportSpecs(table);
  return renderReport({
    title: `Retrograde sensitivity – ${table.scenario}`,
    headline: sensitivityHeadline(table),
    sections: [
      {
        heading: 'What moves the chance of finishing',
        intro: 'The longer an input\'s bars, the more the deadline depends on it: those are the inputs worth pinning down or changing.',
        charts: [{ name: 'tornado-p', spec: specs['tornado-p'], caption: 'Orange: the input at its low value; blue: at its high value. Hover a bar for the interval.' }],
      },
      {
        heading: 'What moves the finishing date',
        charts: [{ name: 'tornado-days', spec: specs['tornado-days'], caption: 'Bars to the right finish later than the baseline, bars to the left earlier. Hover a bar for the median date.' }],
      },
      { heading: 'All inputs', tables: [sensitivityTable(table)] },
      {
        heading: 'Reproduce this report',
        intro: options.command === undefined ? 'The same command with the same seed gives the same numbers (add any --set options the run used: the table does not record them).' : 'The same command with the same seed gives the same numbers.',
        code: [
          { title: 'Command', text: options.command ?? sensitivityCommand(table, options.file) },
          { title: 'Seed', text: table.seed },
        ],
      },
    ],
    ...(options.vegaRuntime === undefined ? {} : { vegaRuntime: options.vegaRuntime }),
    footer: `Made by Retrograde from ${countText(1 + 2 * table.rows.length)} points × ${table.runs.toLocaleString('en-US')} runs, seed ${table.seed}. ${FOOTER}`,
  });
}
