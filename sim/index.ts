/**
 * Retrograde's library API, for scripts and notebooks:
 *
 * ```ts
 * import { loadScenario, runBatch, readScenarioText, sweep, findTarget, compareScenarios } from './sim/index.ts';
 * const scenario = loadScenario('scenarios/niger-2024.yaml', ['fleet.C-17.count=6']);
 * const { summary } = await runBatch(scenario, { runs: 2000, seed: '1' });
 * console.log(summary.p_by_deadline, summary.completion.p50);
 *
 * const { replications } = await runBatch(scenario, { runs: 2000, seed: '1', replications: true });
 * writeFileSync('reps.csv', replicationsCsv(replications!)); // one row per replication
 *
 * const table = await sweep(readScenarioText('scenarios/niger-2024.yaml'), { 'fleet.C-17.count': [1, 2, 3, 4] }, { runs: 2000 });
 * console.log(findTarget(table, 0.95).confident?.value);
 *
 * const cmp = await compareScenarios(['scenarios/niger-2024.yaml', 'scenarios/niger-2024-thin-fleet.yaml'].map(readScenarioText), { runs: 2000 });
 * console.log(cmp.rows[1]?.delta_p, cmp.rows[1]?.delta_p_ci95, cmp.rows[1]?.differs);
 * ```
 */
export type { Scenario, DistSpec, AircraftType, Availability, Base, Clearance, Freeze, RussianTraffic, CommercialFlights, CargoClass } from './scenario/types.ts';
export type { ScenarioIssue, ScenarioResult, OverrideInput } from './scenario/index.ts';
export type { ReplicationResult, BaseResult, StopReason, SortieRecord, DailyRecord, TimeBudget, TraceEvent, TraceEventKind, RunOptions } from './model/types.ts';
export type { Summary, Quantiles, TimeShares, FanPoint, RampPoint } from './batch/types.ts';

export { parseScenario, resolveScenario, setPath, formatIssues, scenarioJsonSchema, describeInputs } from './scenario/index.ts';
export { loadScenarioFile as loadScenario, readScenarioText } from './cli/files.ts';
export { UserError } from './cli/errors.ts';
export { createModel, TRACE_EVENTS, type Model } from './model/index.ts';
export { runBatch, type BatchOptions, type BatchResult } from './batch/run.ts';
export { WorkerPool, WorkerMemoryError } from './batch/pool.ts';
export { replicationRow, type ReplicationTable, type ReplicationRow } from './batch/replications.ts';
export { replicationsCsv, replicationsCsvParts, replicationsCsvHeader, REPLICATION_COLUMNS } from './batch/replications-csv.ts';
export { wilson } from './batch/stats.ts';
export { isOnTime, type OnTimeBits } from './batch/on-time.ts';
export { pairedCounts, pairedDifferenceCi, type PairedCounts } from './sweep/paired.ts';
export {
  sweep, runPoints, findTarget, sliceSweep, sensitivity, parseVary, gridPoints, sweepCsv, sensitivityCsv, SweepInputError, VaryError, SWEEP_COLUMNS, SENSITIVITY_COLUMNS,
  compareScenarios, compareCsv, COMPARE_COLUMNS,
  type ScenarioText, type SweepOptions, type SweepRow, type SweepTable, type TargetAnswer, type SensitivityTable, type SensitivityRow, type SensitivityInput, type Vary, type ParamValue,
  type CompareOptions, type CompareRow, type CompareTable,
} from './sweep/index.ts';
export { runReportHtml, compareReportHtml, type RunReportOptions, type CompareReportOptions } from '../reports/index.ts';
export { checkCompareTable, formatCompareIssues, type CompareIssue } from './sweep/compare-check.ts';
export { sweepReportHtml, sensitivityReportHtml, type SweepReportOptions } from '../reports/sweep.ts';
export { formatSummary } from './cli/format.ts';
