/**
 * Retrograde's library API, for scripts and notebooks:
 *
 * ```ts
 * import { loadScenario, runBatch } from './sim/index.ts';
 * const scenario = loadScenario('scenarios/niger-2024.yaml', ['fleet.C-17.count=6']);
 * const { summary } = await runBatch(scenario, { runs: 2000, seed: '1' });
 * console.log(summary.p_by_deadline, summary.completion.p50);
 * ```
 */
export type { Scenario, DistSpec, AircraftType, Base, Clearance, RussianTraffic, CommercialFlights, CargoClass } from './scenario/types.ts';
export type { ReplicationResult, SortieRecord, DailyRecord, TimeBudget, TraceEvent, RunOptions } from './model/types.ts';
export type { Summary, Quantiles, TimeShares, FanPoint, RampPoint } from './batch/types.ts';

export { parseScenario, resolveScenario, setPath, formatIssues, scenarioJsonSchema, describeInputs } from './scenario/index.ts';
export { loadScenarioFile as loadScenario } from './cli/files.ts';
export { UserError } from './cli/errors.ts';
export { createModel, type Model } from './model/index.ts';
export { runBatch, type BatchOptions, type BatchResult } from './batch/run.ts';
export { WorkerPool } from './batch/pool.ts';
export { wilson } from './batch/stats.ts';
export { runReportHtml } from '../reports/index.ts';
