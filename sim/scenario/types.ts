/**
 * The resolved, validated scenario that the model consumes.
 *
 * This is the contract between `sim/scenario` (which parses YAML/JSON, checks it and converts
 * units) and `sim/model` (which simulates it). Everything here is already in model units:
 * times and durations in hours, cargo in short tons (ST), personnel in heads, distances in
 * nautical miles, speeds in knots. Distributions are plain data (`DistSpec`); `sim/random`
 * turns them into samplers.
 */

/** A probability distribution as data. Duration distributions are in hours. */
export type DistSpec =
  | { kind: 'fixed'; value: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  /** Normal, optionally truncated to [min, max] by resampling. */
  | { kind: 'normal'; mean: number; sd: number; min?: number; max?: number }
  /** Lognormal with log-mean mu and log-sd sigma (files may give median and p90 instead). */
  | { kind: 'lognormal'; mu: number; sigma: number }
  | { kind: 'gamma'; shape: number; scale: number }
  | { kind: 'weibull'; shape: number; scale: number }
  /** Draws one of `values`, with probability proportional to `weights` (equal when absent). */
  | { kind: 'empirical'; values: number[]; weights?: number[] }
  /** 1 with probability p, else 0. */
  | { kind: 'bernoulli'; p: number };

/** The classes of load, in the default loading priority. */
export const CARGO_CLASSES = ['sensitive', 'equipment', 'personnel'] as const;
export type CargoClass = (typeof CARGO_CLASSES)[number];

/** Aircraft availability: a fixed mission-capable rate, or breakdowns with repair times. */
export type Availability =
  /** Each sortie, the aircraft is mission-capable with probability `rate`; if not, it is down for `downH`. */
  | { kind: 'mission-capable'; rate: number; downH: DistSpec }
  /** After each sortie it breaks with probability `perSortie`, and is repaired after `repairH`. */
  | { kind: 'breakdowns'; perSortie: number; repairH: DistSpec }
  | { kind: 'always' };

export interface AircraftType {
  /** Number of aircraft of this type committed to the withdrawal. */
  count: number;
  /** Cargo short tons carried per sortie (a draw, then capped by `maxPayloadST` and pallets). */
  payloadST: DistSpec;
  /** Structural cap on cargo per sortie, ST. */
  maxPayloadST: number;
  /** 463L pallet positions; cargo per sortie is also capped at palletPositions * stPerPallet. */
  palletPositions: number;
  /** Planning ST per pallet position (caps the payload with palletPositions). */
  stPerPallet: number;
  /** Passenger seats when flying personnel. */
  seats: number;
  /**
   * Of those seats, how many stay usable with every pallet position loaded (C-17: the 54
   * sidewall seats). Personnel in them take no cargo weight or pallet position, only max
   * payload. The other seats take the place of cargo: a person there counts against the
   * sortie's cargo weight. Default 0 (every person takes cargo weight); at most `seats`.
   */
  seatsWithFullPallets?: number;
  /** Block speed, knots. Flying time one way = distance / blockSpeedKt. */
  blockSpeedKt: number;
  /** Ground time at the base: working hours to land, load and launch. */
  groundTimeH: DistSpec;
  /** Turnaround at the hub, hours, including crew rest, before the next sortie's clearance. */
  hubTurnaroundH: DistSpec;
  availability: Availability;
}

export interface Base {
  /** Human name, e.g. "Air Base 101 (Niamey)". */
  name: string;
  /** Parking MOG: aircraft that can stand on the ramp at once (US and Russian together). */
  rampSpots: number;
  /** Working MOG: aircraft that can be loaded at once. */
  loadingTeams: number;
  /** Operating hours, local time, hours of day in [0, 24]; open === 0 and close === 24 means always open. */
  hours: { open: number; close: number };
  /** Local time minus UTC, hours (Niger: +1). */
  utcOffsetH: number;
  /** Great-circle distance to the onward hub, nautical miles. */
  hubDistanceNm: number;
  /** What has to leave: ST of sensitive equipment, ST of other equipment, personnel heads. */
  cargo: { sensitiveST: number; equipmentST: number; personnel: number };
  /** Cargo readiness: fraction of the equipment ready at start, and a preparation rate for the rest. */
  readiness: {
    /** Fraction (0..1) of each equipment class ready to fly at start. */
    readyAtStart: number;
    /** ST prepared per day, drawn once per day. */
    prepSTPerDay: DistSpec;
  };
  /** Personnel who leave last, on the final sortie out of this base; included in cargo.personnel. */
  closureTeam: number;
  /** The fleet types that may land here (a short runway); absent means every type. */
  aircraftTypes?: string[];
}

export interface Freeze {
  /** Hours from start: no clearance is approved inside [fromH, toH). */
  fromH: number;
  toH: number;
}

export interface Clearance {
  /** Delay from request to answer, hours. */
  approvalDelayH: DistSpec;
  /** Probability that an answer is a denial. */
  denialProb: number;
  /** After a denial, hours until the request is submitted again. */
  resubmitDelayH: DistSpec;
  /** An approval is valid for this many hours from the answer; a sortie that cannot land inside it asks again. */
  validityH: number;
  /** Hours from start before which nothing is approved (e.g. the May 2024 agreement). */
  notBeforeH: number;
  freezes: Freeze[];
  /** Maximum approved US military landings per UTC day, all bases together; null for no cap. */
  dailyCap: number | null;
  /**
   * When an aircraft files its request for the next sortie: when it is ready at the hub (after
   * its turnaround and any repair: the order of steps), or as soon as it is back at the
   * hub, so that the host nation's delay runs during crew rest. Absent means when-ready.
   */
  request?: 'when-ready' | 'during-turnaround';
}

export interface RussianTraffic {
  /** Random arrivals (Poisson process) per day; 0 for none. */
  arrivalsPerDay: number;
  /** Fixed arrival times, hours from start (in addition to random ones). */
  scheduleH: number[];
  /** Hours each Russian aircraft holds a ramp spot. */
  groundTimeH: DistSpec;
  /** Spots held by Russian forces for the whole period (their hangar). */
  permanentSpots: number;
}

export interface CommercialFlights {
  /** Seats per day available to personnel of this base on scheduled commercial flights. */
  seatsPerDay: number;
  /** Hours from start of the first and after the last usable commercial day. */
  fromH: number;
  toH: number;
}

export interface Scenario {
  name: string;
  description: string;
  /** ISO-8601 instant (UTC) of hour 0. */
  start: string;
  /** ISO-8601 instant (UTC) of the deadline. */
  deadline: string;
  /** Deadline in hours from start. */
  deadlineH: number;
  /** A replication stops here, hours from start, with the cause named, if not finished. */
  horizonH: number;
  fleet: Record<string, AircraftType>;
  bases: Record<string, Base>;
  clearance: Clearance;
  /** Russian traffic by base id; bases without an entry see none. */
  russian: Record<string, RussianTraffic>;
  /** Host nation's ramp priority: first come first served, or Russian aircraft first. */
  rampPriority: 'first-come' | 'russian-first';
  /** Commercial flights by base id. */
  commercial: Record<string, CommercialFlights>;
  /** Loading priority, first to last. */
  loadOrder: CargoClass[];
  /**
   * How an aircraft picks its next base among those with a load worth a sortie: the most ready
   * load, the nearest, or the earliest in `closureOrder` (bases emptied one after another).
   */
  assignment: 'most-ready' | 'nearest' | 'staged';
  /**
   * How far sensitive equipment's priority reaches: inside each sortie only ('per-sortie': the
   * load order and each base's preparation), or also across bases ('across-bases': an aircraft
   * goes to a base whose load for it holds sensitive equipment before any other, `assignment`
   * deciding among those and then among the rest). Absent means per-sortie.
   */
  sensitivePriority?: 'per-sortie' | 'across-bases';
  /**
   * When a base's personnel (closure team apart) may leave: on any seat from the start, or in
   * step with its equipment (after x% of its tons have left, x% of them, rounded down; all that
   * remain once its last equipment is booked). Absent means any-seat.
   */
  personnelDrawdown?: 'any-seat' | 'with-cargo';
  /**
   * With 'with-cargo', the share of a base's personnel (closure team apart) held back in step
   * with its equipment; the rest may leave on any seat from the start. Absent means 1. No effect
   * with 'any-seat' (so a file that sets it can still be compared with any-seat by an override).
   */
  withCargoShare?: number;
  /** Base ids that must close in this order (a base may not close before the previous one); [] for none. */
  closureOrder: string[];
  batch: { runs: number; seed: string };
  /** Declared low/high values for `retrograde sensitivity`, by scenario path (file units, e.g. "36h"). */
  sensitivity: Record<string, { low: unknown; high: unknown }>;
  /**
   * Where the scenario came from, set by `loadScenario`: the file, the overrides' texts, and the
   * contents it had then. `runBatch` turns it into the summary's reproducing command while the
   * contents still match.
   */
  origin?: ScenarioOrigin;
}

/** The file and overrides a scenario was loaded from (see Scenario.origin). */
export interface ScenarioOrigin {
  file: string;
  overrides: string[];
  /** The scenario's contents when loaded, without its origin (JSON text). */
  contents: string;
}
