/**
 * The run report's charts as Vega-Lite specs, by name: the one place that lists them, shared by
 * the HTML page and the `--specs` files.
 */
import type { Summary } from '../sim/batch/types.ts';
import type { VegaLiteSpec } from './types.ts';
import { runFacts } from './facts.ts';
import { ecdfSpec, histogramSpec } from './charts/completion.ts';
import { fanSpec } from './charts/fan.ts';
import { timeBudgetSpec } from './charts/time-budget.ts';
import { rampSpec } from './charts/ramp.ts';
import { closuresSpec } from './charts/closures.ts';
import { ganttSpec } from './charts/gantt.ts';

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
