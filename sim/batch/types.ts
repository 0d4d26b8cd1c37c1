/**
 * The summary of a Monte Carlo batch: what `retrograde run --json` prints, what reports and
 * sweeps consume. All dates are ISO-8601 (UTC); hours are from the scenario start.
 */
import type { SortieRecord, DailyRecord } from '../model/types.ts';

export interface Quantiles {
  p10: string | null;
  p50: string | null;
  p90: string | null;
}

/** Shares (0..1) of the fleet's sortie time, the diagnosis of what holds the withdrawal back. */
export interface TimeShares {
  clearanceWait: number;
  rampWait: number;
  loading: number;
  flying: number;
  hub: number;
  down: number;
  cargoWait: number;
}

/** One day of the fan chart: quantiles across replications of what is left (all bases, or one). */
export interface FanPoint {
  date: string;
  base: string; // base id, or 'all'
  cargoST: { p10: number; p50: number; p90: number };
  personnel: { p10: number; p50: number; p90: number };
}

/** Mean ramp occupancy on one day at one base. */
export interface RampPoint {
  date: string;
  base: string;
  us: number;
  ru: number;
  spots: number;
}

export interface Summary {
  scenario: string;
  runs: number;
  seed: string;
  start: string;
  deadline: string;
  /** P(everything out by the deadline). */
  p_by_deadline: number;
  /** Wilson 95% interval. */
  p_by_deadline_ci95: [number, number];
  /** Replications that hit the horizon without finishing, and the most common cause. */
  unfinished: { runs: number; cause: string };
  completion: Quantiles & { mean_days: number | null };
  /** Completion in days from start, for histograms/ECDF: sorted, at most 2,000 evenly spaced quantiles. */
  completion_days_sample: number[];
  sensitive: Quantiles & { p_by_deadline: number };
  bases: Record<string, { name: string; closed: Quantiles; p_by_deadline: number; mean_sorties: number; time: TimeShares; closed_days_sample: number[] }>;
  mean_sorties: number;
  time: TimeShares;
  /** One sentence naming what holds the withdrawal back. */
  diagnosis: string;
  fan: FanPoint[];
  ramp: RampPoint[];
  /** Replication 0, in full, for the Gantt chart. */
  sample: { replication: number; sorties: SortieRecord[]; daily: DailyRecord[] };
  /** The scenario's inputs as [path, value] rows, for the report's table. */
  inputs: Array<[string, string]>;
  /** The command line that reproduces this summary. */
  command: string;
}
