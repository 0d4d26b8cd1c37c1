/**
 * Run reports: a batch Summary in, Vega-Lite specs out (`runReportSpecs`), compiled to Vega
 * (`compileSpecs`), and one self-contained HTML page out (`runReportHtml`). Nothing here writes
 * files; the CLI does, atomically.
 */
import type { Summary } from '../sim/batch/types.ts';
import type { VegaLiteSpec } from './types.ts';
import { compileSpecs } from './compile.ts';
import { runFacts } from './facts.ts';
import { renderPage, type PageChart, type PageSection } from './page.ts';
import { runHeadline } from './run-headline.ts';
import { vegaRuntimeSource } from './runtime.ts';
import { ecdfSpec, histogramSpec } from './charts/completion.ts';
import { fanSpec } from './charts/fan.ts';
import { timeBudgetSpec } from './charts/time-budget.ts';
import { rampSpec } from './charts/ramp.ts';
import { closuresSpec } from './charts/closures.ts';
import { ganttSpec } from './charts/gantt.ts';

export type { VegaLiteSpec, VegaSpec } from './types.ts';
export { compileSpecs, type CompiledSpecs } from './compile.ts';
export { renderPage, type Page, type PageChart, type PageHeadline, type PageSection, type PageStat, type PageTable, type PageCode } from './page.ts';
export { vegaRuntimeSource } from './runtime.ts';
export { escapeHtml, jsonForScript } from './escape.ts';
export { specFiles } from './specs-files.ts';

/** The run report's charts, in page order. */
export const RUN_CHARTS = ['ecdf', 'histogram', 'fan', 'time-budget', 'closures', 'ramp', 'gantt'] as const;
export type RunChart = (typeof RUN_CHARTS)[number];

/** The run report's Vega-Lite specs by chart name (see RUN_CHARTS); throws naming a malformed summary field. */
export function runReportSpecs(summary: Summary): Record<RunChart, VegaLiteSpec> {
  const facts = runFacts(summary);
  return {
    ecdf: ecdfSpec(summary, facts),
    histogram: histogramSpec(summary, facts),
    fan: fanSpec(summary, facts),
    'time-budget': timeBudgetSpec(summary, facts),
    closures: closuresSpec(summary, facts),
    ramp: rampSpec(summary, facts),
    gantt: ganttSpec(summary, facts),
  };
}

export interface RunReportOptions {
  /** The vega runtime to inline; read from the installed `vega` package when absent. */
  vegaRuntime?: string;
}

const CAPTIONS: Record<RunChart, string> = {
  ecdf: 'Read the curve at a date: its height is the share of runs that had finished by then. The diamond on the deadline is the chance of finishing in time.',
  histogram: 'Each bar is the share of runs that finished in that interval; bars after the deadline are runs that finished late.',
  fan: 'How fast the bases empty. A wide band means the outcome is uncertain; where the median reaches zero, half the runs have finished.',
  'time-budget': 'The biggest non-flying share is what holds the withdrawal back: long clearance waits point to diplomacy, long ramp waits to crowded ramps.',
  closures: 'Each base closes when its last load leaves. A base whose bar crosses the deadline is the one that makes the withdrawal late.',
  ramp: 'When the stacked area reaches the dashed line the ramp is full, and arriving aircraft must wait; Russian aircraft take spots too.',
  gantt: 'One simulated run in detail; hover a bar for the sortie\'s times and load.',
};

/** One self-contained HTML page for a run: headline, charts, the inputs table and the reproducing command. */
export function runReportHtml(summary: Summary, options: RunReportOptions = {}): string {
  const facts = runFacts(summary);
  const { vega } = compileSpecs(runReportSpecs(summary));
  const chart = (name: RunChart): PageChart => ({ name, vega: vega[name]!, caption: CAPTIONS[name] });
  const sections: PageSection[] = [
    {
      heading: 'How likely is the deadline?',
      intro: `Each of the ${summary.runs} runs simulates the whole withdrawal with its own random clearance delays, loads, breakdowns and Russian traffic; the charts show how the finishing dates spread.`,
      charts: [chart('ecdf'), chart('histogram')],
    },
    { heading: 'Progress day by day', charts: [chart('fan')] },
    { heading: 'What holds it back', intro: summary.diagnosis, charts: [chart('time-budget'), chart('closures'), chart('ramp')] },
    { heading: 'One sample run', charts: [chart('gantt')] },
    {
      heading: 'Scenario inputs',
      tables: [{ title: 'Inputs', caption: `Every input of scenario "${summary.scenario}", as the simulation used it.`, columns: ['Input', 'Value'], rows: summary.inputs.map(([k, v]) => [k, v]) }],
    },
    {
      heading: 'Reproduce this report',
      intro: 'The same command with the same seed gives the same numbers.',
      code: [
        { title: 'Command', text: summary.command },
        { title: 'Seed', text: summary.seed },
      ],
    },
  ];
  return renderPage({
    title: `Retrograde – ${summary.scenario}`,
    headline: runHeadline(summary, facts),
    sections,
    vegaRuntime: options.vegaRuntime ?? vegaRuntimeSource(),
    footer: `Made by Retrograde from ${summary.runs} runs, seed ${summary.seed}. This file is self-contained and works offline.`,
  });
}
