/**
 * The withdrawal model: a scenario compiled once, run as many independent replications.
 *
 * A replication draws only from streams derived from (seed, replication, source), one per source
 * of randomness: 'clearance' for the whole fleet, per aircraft type ('availability:<type>',
 * 'payload:<type>', 'ground:<type>', 'hub:<type>', see aircraft.ts for why per type), and per
 * base ('prep:<base>', 'russian:<base>'), so a change to one input leaves other sources' numbers
 * where they were, and a sweep's points share their numbers (common random numbers).
 * It stops when everything has left ('done') or at the scenario's horizon ('horizon', with the
 * cause named). Semantics of each part are at the top of its file: calendar.ts, readiness.ts,
 * cargo.ts, clearance.ts, aircraft.ts, run.ts, traffic.ts, records.ts.
 */
import type { Scenario } from '../scenario/types.ts';
import { compile, type Compiled } from './compile.ts';
import { assertResolvedScenario } from './entry-check.ts';
import { buildResult } from './records.ts';
import { Run } from './run.ts';
import { stopCause } from './stop-cause.ts';
import { startTraffic } from './traffic.ts';
import type { ReplicationResult, RunOptions } from './types.ts';

export type * from './types.ts';
export { TRACE_EVENTS } from './types.ts';
export { HEAD_ST } from './cargo.ts';
export { MIN_DOWN_H } from './aircraft.ts';
export { Clock, OperatingHours } from './calendar.ts';

/** A compiled scenario that runs replications. */
export interface Model {
  /** The scenario the model was built from (not copied: do not mutate it). */
  readonly scenario: Scenario;
  /**
   * Runs replication `replication` (an integer >= 0) of the scenario with `seed`; pure and
   * deterministic. Throws a RangeError naming model.run if the seed is not a non-empty string or
   * the replication is not an integer >= 0.
   */
  run(seed: string, replication: number, options?: RunOptions): ReplicationResult;
}

/**
 * Compiles a scenario into a model; throws naming the object and value on input it cannot
 * interpret, and a plain Error listing the problems when `scenario` is not a resolved Scenario
 * (missing parts, or deadlineH out of step with start and deadline after an edit by hand).
 */
export function createModel(scenario: Scenario): Model {
  assertResolvedScenario(scenario, 'createModel');
  const m = compile(scenario);
  return {
    scenario,
    run: (seed, replication, options) => runReplication(m, seed, replication, options),
  };
}

/** Throws a RangeError in the name a script called when the seed or replication is bad. */
function checkRunArguments(seed: unknown, replication: unknown): void {
  const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));
  if (typeof seed !== 'string' || seed === '') throw new RangeError(`model.run(seed, replication): seed must be a non-empty string, got ${show(seed)}`);
  if (typeof replication !== 'number' || !Number.isInteger(replication) || replication < 0) {
    throw new RangeError(`model.run(seed, replication): replication must be an integer >= 0, got ${show(replication)}`);
  }
}

function runReplication(m: Compiled, seed: string, replication: number, options?: RunOptions): ReplicationResult {
  checkRunArguments(seed, replication);
  const trace = options?.trace;
  const run = new Run(m, seed, replication, trace !== undefined, options?.keepSorties === true);
  if (!run.done) {
    run.startAircraft();
    startTraffic(run);
    // Runs to the horizon or until the schedule drains: once everything has left, the
    // processes stop scheduling (see Run.finish), so this ends shortly after completion.
    run.env.run(m.horizonH);
  }
  const endT = run.done ? run.completedH : m.horizonH;
  const result = buildResult(run, endT, run.done ? '' : stopCause(run, endT));
  if (trace !== undefined) deliverTrace(run, endT, trace);
  return result;
}

/** Hands the buffered trace events to the caller in time order (stable for equal times). */
function deliverTrace(run: Run, endT: number, trace: NonNullable<RunOptions['trace']>): void {
  const buf = run.traceBuf
    .map((e, i) => ({ e, i }))
    .filter((x) => x.e.t <= endT)
    .sort((a, b) => a.e.t - b.e.t || a.i - b.i);
  for (const { e } of buf) {
    e.at = run.m.clock.isoSecond(e.t);
    trace(e);
  }
  if (!run.done) trace({ t: endT, at: run.m.clock.isoSecond(endT), event: 'horizon' });
  else trace({ t: endT, at: run.m.clock.isoSecond(endT), event: 'withdrawal complete' });
}
