/**
 * The summary of a Monte Carlo batch: what `retrograde run --json` prints, what reports and
 * sweeps consume. All dates are ISO-8601 (UTC); hours are from the scenario start.
 */
import type { SortieRecord, DailyRecord } from '../model/types.ts';

/**
 * Dates (ISO-8601, UTC) by which 10%, 50% and 90% of the replications had finished, read from
 * one-hour histograms (within an hour); null when that share never finished by the horizon.
 */
export interface Quantiles {
  p10: string | null;
  p50: string | null;
  p90: string | null;
}

/**
 * Shares (0..1) of the fleet's time until each aircraft has nothing left to do (or the horizon), the diagnosis of
 * what holds the withdrawal back. Each is rounded to 4 decimals, so they sum to 1 within 0.0005.
 * camelCase, unlike the snake_case summary around it, because they mirror the model's phases
 * (the CSV columns are share_clearance_wait, ..., share_team_wait, share_closed_wait).
 */
export interface TimeShares {
  /** At the hub waiting for host-nation clearance (denials and resubmissions included). */
  clearanceWait: number;
  /** Waiting for a ramp spot at a base (parking MOG), approaches flown in vain included. */
  rampWait: number;
  /** On the ground at a base, loading, while the base is open (the work itself). */
  loading: number;
  /** In the air, both ways. */
  flying: number;
  /** At the hub: turnaround and crew rest. */
  hub: number;
  /** Not mission-capable (breakdowns, repair). */
  down: number;
  /** At the hub with nothing ready to carry. */
  cargoWait: number;
  /** On the ground at a base waiting for a loading team (working MOG), closed hours included. */
  teamWait: number;
  /**
   * Waiting for the airfield to open (operating hours): holding a granted ramp spot until the
   * opening before landing, and the closed hours inside the loading span.
   */
  closedWait: number;
}

/** One day of the fan chart: quantiles across replications of what is left (all bases, or one). */
export interface FanPoint {
  /** A day (ISO-8601 date): the figures are what was left at 00:00 UTC that day, so the row of 8 July gives the state at the end of 7 July. */
  date: string;
  base: string; // base id, or 'all'
  cargoST: { p10: number; p50: number; p90: number };
  personnel: { p10: number; p50: number; p90: number };
}

/** Mean ramp occupancy on one day at one base, over the replications still going that day. */
export interface RampPoint {
  /** The day, ISO-8601 (UTC midnight). */
  date: string;
  /** Base id. */
  base: string;
  /** US aircraft on the ramp, time-averaged over the day. */
  us: number;
  /** Russian aircraft on the ramp, time-averaged over the day. */
  ru: number;
  /** Ramp spots at the base (parking MOG). */
  spots: number;
}

/** One base in the summary (see `Summary.bases`). */
export interface BaseSummary {
  name: string;
  /** When its last load left. */
  closed: Quantiles;
  /** The share of replications where it closed by the deadline. */
  p_by_deadline: number;
  /**
   * When its sensitive equipment was out, and the share of replications where that was by the
   * deadline; null for a base with none to move. The overall `sensitive` is, run by run, the
   * latest of these; its quantiles are not the latest of theirs. Absent in results saved before
   * it was added.
   */
  sensitive?: (Quantiles & { p_by_deadline: number }) | null;
  mean_sorties: number;
  time: TimeShares;
  closed_days_sample: number[];
}

/**
 * The summary of a batch. Field names are snake_case because this is also the JSON that
 * `retrograde run --json` prints and `retrograde report` reads (checked by summary-schema.ts).
 */
export interface Summary {
  /** The scenario's name. */
  scenario: string;
  /** Replications run. */
  runs: number;
  /** The seed every replication's streams derive from. */
  seed: string;
  /** Scenario start, ISO-8601 (UTC); day-counts below are from here. */
  start: string;
  /** The deadline, ISO-8601 (UTC). */
  deadline: string;
  /** P(everything out by the deadline). */
  p_by_deadline: number;
  /** Wilson 95% interval. */
  p_by_deadline_ci95: [number, number];
  /** Replications that hit the horizon without finishing, and the most common cause. */
  unfinished: { runs: number; cause: string };
  /** When everything is out; mean_days is the mean over finished replications only (null if none finished). */
  completion: Quantiles & { mean_days: number | null };
  /**
   * Completion in days from start of the replications that finished (unfinished ones are left
   * out: their share is `unfinished.runs / runs`), for histograms and the ECDF: sorted, at most
   * 2,000 evenly spaced quantiles.
   */
  completion_days_sample: number[];
  /** When the sensitive equipment is out, and the share of replications where that was by the deadline. */
  sensitive: Quantiles & { p_by_deadline: number };
  /**
   * Per base id: its name, closure dates, the share closed by the deadline, mean sorties flown
   * to it, where the fleet's time went on its sorties, and closure days from start of the
   * replications where it closed (sorted, at most 500 evenly spaced quantiles).
   */
  bases: Record<string, BaseSummary>;
  /** Sorties per replication, on average. */
  mean_sorties: number;
  /** Where the fleet's time went, all bases. */
  time: TimeShares;
  /** One sentence naming what holds the withdrawal back. */
  diagnosis: string;
  /** Day by day, quantiles of cargo and personnel left, for all bases ('all') and each base. */
  fan: FanPoint[];
  /** Day by day, mean ramp occupancy per base. */
  ramp: RampPoint[];
  /** Replication 0, in full, for the Gantt chart. */
  sample: { replication: number; sorties: SortieRecord[]; daily: DailyRecord[] };
  /** The scenario's inputs as [path, value] rows, for the report's table. */
  inputs: Array<[string, string]>;
  /** The command line that reproduces this summary. */
  command: string;
  /**
   * The `path=value` overrides applied to the scenario file, as given (`--set`, or the list given
   * to `loadScenario`); empty when there were none or they are not known (a scenario changed
   * after loading). Absent in results saved before it was added.
   */
  overrides?: string[];
}
