/**
 * Flat, typed records that one replication of the withdrawal model produces.
 *
 * Times are hours from the scenario start. The batch layer (`sim/batch`) turns many of these
 * into a summary; nothing here is aggregated across replications.
 */
import type { CargoClass } from '../scenario/types.ts';

/** Why a replication ended. */
export type StopReason = 'done' | 'horizon';

/** One sortie: an aircraft's trip from clearance request at the hub to its return to the hub. */
export interface SortieRecord {
  aircraft: string;
  type: string;
  base: string;
  /**
   * Hours from start: the sortie begins at the hub with its clearance request (with
   * clearance.request during-turnaround the request went in earlier, on return to the hub, and
   * approvedH may come before requestedH).
   */
  requestedH: number;
  approvedH: number;
  landedH: number;
  departedH: number;
  /** Hours waiting for an approved clearance (includes denials and expiries). */
  clearanceWaitH: number;
  /** Hours waiting for a ramp spot (parking MOG), approaches flown in vain included. */
  rampWaitH: number;
  /**
   * Hours waiting for the airfield to open (operating hours): holding a granted spot until the
   * opening before landing, and the closed hours inside the loading span.
   */
  closedWaitH: number;
  /** Hours on the ground waiting for a loading team (working MOG). */
  teamWaitH: number;
  /**
   * Hours of loading work (open hours from the team's start to take-off). Landing to take-off is
   * departedH - landedH = teamWaitH + groundH + the closed hours inside loading.
   */
  groundH: number;
  /** Hours flying, hub to base and back. */
  flyingH: number;
  sensitiveST: number;
  equipmentST: number;
  personnel: number;
}

/** Where the fleet's time went, summed over all aircraft, hours. */
export interface TimeBudget {
  /** At the hub waiting for an approved clearance. */
  clearanceWaitH: number;
  /** Waiting for a ramp spot (parking MOG). */
  rampWaitH: number;
  /** Loading work, while the base is open. */
  groundH: number;
  flyingH: number;
  hubH: number;
  downH: number;
  /** Hours aircraft sat at the hub, available, because no base had ready load for them. */
  cargoWaitH: number;
  /** On the ground waiting for a loading team (working MOG). */
  teamWaitH: number;
  /** Waiting for the airfield to open (operating hours): before landing with a spot, or closed while loading. */
  closedWaitH: number;
}

/** What is left at one base at the end of one day (UTC), and its ramp use that day. */
export interface DailyRecord {
  /** Day index: 0 is the day that ends 24 h after start. */
  day: number;
  base: string;
  sensitiveST: number;
  equipmentST: number;
  personnel: number;
  /** Time-average number of ramp spots held that day by US and by Russian aircraft. */
  usOnRamp: number;
  ruOnRamp: number;
}

export interface BaseResult {
  /** When the last load left, hours from start; null if not by the horizon. */
  closedH: number | null;
  /**
   * When the base's sensitive equipment had left: the hour of the last departure carrying some; 0
   * when the base had none to move; null if some was left at the horizon. `classDoneH.sensitive`
   * is the latest of these over the bases.
   */
  sensitiveDoneH: number | null;
  sorties: number;
  /** Where aircraft time went on sorties to this base. */
  time: TimeBudget;
}

export interface ReplicationResult {
  replication: number;
  stopReason: StopReason;
  /** Cause when stopReason is 'horizon' (e.g. "AB101: 120 ST never became ready"); '' otherwise. */
  stopCause: string;
  /** When everything had left, hours from start; null if not by the horizon. */
  completedH: number | null;
  /** When each class had left all bases, hours from start; null if not by the horizon. */
  classDoneH: Record<CargoClass, number | null>;
  bases: Record<string, BaseResult>;
  sorties: number;
  /** Personnel who left by commercial flights. */
  commercialPersonnel: number;
  time: TimeBudget;
  daily: DailyRecord[];
  /** Only when asked for (trace or sample replication): every sortie. */
  sortieLog?: SortieRecord[];
}

/** One line of `retrograde trace`: something that happened at a time. */
/**
 * Every kind of trace event, in the order a sortie meets them, then the rest: clearance
 * requested (at the hub, load booked), approved, denied, expired (an approval that lapsed);
 * landed; loading (work starts); departed (with the load); aircraft down (not mission-capable at
 * the hub), broken (a breakdown), released (nothing left for it); base closed; closure team stays
 * (it may not leave yet); commercial departure (personnel on a commercial flight); russian
 * arrival, landed, departure (a Russian aircraft, named in `aircraft`, at `base`); and last,
 * withdrawal complete, or horizon (the run stopped unfinished).
 */
export const TRACE_EVENTS = [
  'clearance requested', 'clearance approved', 'clearance denied', 'clearance expired',
  'landed', 'loading', 'departed',
  'aircraft down', 'aircraft broken', 'aircraft released',
  'base closed', 'closure team stays', 'commercial departure',
  'russian arrival', 'russian landed', 'russian departure',
  'withdrawal complete', 'horizon',
] as const;

/** The kind of a trace event (see TRACE_EVENTS). */
export type TraceEventKind = (typeof TRACE_EVENTS)[number];

/** One line of a replication's event log (`retrograde trace`, or `createModel(s).run(seed, i, { trace })`). */
export interface TraceEvent {
  /** Hours from the scenario's start. */
  t: number;
  /** ISO instant of t. */
  at?: string;
  event: TraceEventKind;
  /** The aircraft's name: a US aircraft ("C-17 #1") or a Russian one; empty for base events. */
  aircraft?: string;
  /** The base id, e.g. "AB101"; empty for events at the hub with no base. */
  base?: string;
  /** Figures of the event (tons, personnel, hours, reasons), by name. */
  detail?: Record<string, string | number>;
}

export interface RunOptions {
  /** Keep every sortie in `sortieLog`. */
  keepSorties?: boolean;
  /** Called for every model event, in order (for `retrograde trace`). */
  trace?: (e: TraceEvent) => void;
}
