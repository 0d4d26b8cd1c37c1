/**
 * Compiles a resolved Scenario once into what every replication needs: samplers, operating-hours
 * calendars, flight times, index-based lookups. Replications then share it read-only.
 *
 * Checks here are for misuse the scenario layer should already have caught; they throw naming
 * the object and the value (a scenario that validates but can never finish is not an error: it
 * runs to the horizon and the run names the cause).
 */
import { sampler, type Sampler } from '../random/index.ts';
import type { AircraftType, Scenario, CargoClass } from '../scenario/types.ts';
import { CARGO_CLASSES } from '../scenario/types.ts';
import { Clock, OperatingHours } from './calendar.ts';
import type { CargoSpec } from './cargo.ts';

export type CompiledAvailability =
  | { kind: 'always' }
  | { kind: 'mission-capable'; rate: number; downH: Sampler }
  | { kind: 'breakdowns'; perSortie: number; repairH: Sampler };

export interface CompiledType {
  name: string;
  index: number;
  count: number;
  payloadST: Sampler;
  /** Cap on tons per sortie: min(maxPayloadST, palletPositions * stPerPallet). */
  capST: number;
  /** Structural payload, ST: cargo and every person together stay under it. */
  maxPayloadST: number;
  seats: number;
  /** Seats usable beside a full pallet load (see AircraftType.seatsWithFullPallets). */
  sidewallSeats: number;
  blockSpeedKt: number;
  groundTimeH: Sampler;
  hubTurnaroundH: Sampler;
  availability: CompiledAvailability;
}

export interface CompiledRussian {
  arrivalsPerDay: number;
  scheduleH: number[];
  groundTimeH: Sampler;
  permanentSpots: number;
}

export interface CompiledBase {
  id: string;
  index: number;
  name: string;
  /** Ramp spots left to everyone once the Russian permanent spots are taken (may be 0). */
  usableSpots: number;
  rampSpots: number;
  loadingTeams: number;
  /** Whether loading teams can ever be short (fewer teams than usable spots). */
  teamsBind: boolean;
  /** Whether US aircraft can be worked here at all (a usable spot and a loading team). */
  workable: boolean;
  hours: OperatingHours;
  hubDistanceNm: number;
  cargo: CargoSpec;
  prepSTPerDay: Sampler;
  /** Equipment tons not ready at start. */
  toPrepare: number;
  /** One-way flight hours hub to base, by aircraft type index. */
  flyH: number[];
  /** Whether an aircraft type can land inside its clearance's validity at all, by type index. */
  reachable: boolean[];
  russian: CompiledRussian | null;
  commercial: { seatsPerDay: number; fromH: number; toH: number } | null;
  /** Index of the base that must close before this one's closure team leaves, or -1. */
  closeAfter: number;
  /**
   * The base's stage for `assignment: staged`: its place in `closure_order` (0, 1, ...); bases
   * not listed come after, in the order of the file.
   */
  stage: number;
}

export interface CompiledClearance {
  approvalDelayH: Sampler;
  denialProb: number;
  resubmitDelayH: Sampler;
  validityH: number;
  notBeforeH: number;
  freezes: { fromH: number; toH: number }[];
  dailyCap: number | null;
  /** Requests go in when the aircraft is back at the hub, not when it is ready (Clearance.request). */
  duringTurnaround: boolean;
}

export interface Compiled {
  scenario: Scenario;
  clock: Clock;
  horizonH: number;
  deadlineH: number;
  types: CompiledType[];
  bases: CompiledBase[];
  clearance: CompiledClearance;
  russianFirst: boolean;
  /** How an aircraft picks its base (see run.ts). */
  assignment: Scenario['assignment'];
  /** Whether a base offering sensitive equipment comes before any other (sensitive_priority: across-bases). */
  sensitiveAcrossBases: boolean;
  /** Class indices in loading order. */
  order: number[];
}

/** Compiles a scenario; throws naming the object and value on input the model cannot interpret. */
export function compile(sc: Scenario): Compiled {
  const clock = new Clock(sc.start);
  if (!(sc.horizonH > 0) || !Number.isFinite(sc.horizonH)) {
    throw new Error(`Scenario "${sc.name}": horizonH must be a finite number > 0, got ${sc.horizonH}`);
  }
  const order = compileOrder(sc.loadOrder);
  const types = Object.entries(sc.fleet).map(([name, t], index): CompiledType => {
    const label = `fleet.${name}`;
    positive(`${label}.blockSpeedKt`, t.blockSpeedKt);
    if (!Number.isInteger(t.count) || t.count < 0) throw new Error(`${label}.count: expected an integer >= 0, got ${t.count}`);
    return {
      name,
      index,
      count: t.count,
      payloadST: sampler(t.payloadST, `${label}.payloadST`),
      capST: Math.min(t.maxPayloadST, t.palletPositions * t.stPerPallet),
      maxPayloadST: t.maxPayloadST,
      seats: Math.max(0, Math.floor(t.seats)),
      sidewallSeats: sidewallSeats(label, t),
      blockSpeedKt: t.blockSpeedKt,
      groundTimeH: sampler(t.groundTimeH, `${label}.groundTimeH`),
      hubTurnaroundH: sampler(t.hubTurnaroundH, `${label}.hubTurnaroundH`),
      availability: compileAvailability(label, t.availability),
    };
  });
  const ids = Object.keys(sc.bases);
  const validity = sc.clearance.validityH;
  positive('clearance.validityH', validity);
  const bases = ids.map((id, index): CompiledBase => {
    const b = sc.bases[id]!;
    const label = `bases.${id}`;
    const ru = sc.russian[id];
    const permanent = ru === undefined ? 0 : Math.min(Math.floor(b.rampSpots), Math.max(0, Math.floor(ru.permanentSpots)));
    const usableSpots = Math.max(0, Math.floor(b.rampSpots) - permanent);
    const hours = new OperatingHours(label, b.hours.open, b.hours.close, b.utcOffsetH, clock);
    if (!(b.hubDistanceNm >= 0)) throw new Error(`${label}.hubDistanceNm: expected a number >= 0, got ${b.hubDistanceNm}`);
    const flyH = types.map((t) => b.hubDistanceNm / t.blockSpeedKt);
    for (const t of b.aircraftTypes ?? []) {
      if (!(t in sc.fleet)) throw new Error(`${label}.aircraftTypes: unknown aircraft type "${t}" (fleet: ${Object.keys(sc.fleet).join(', ')})`);
    }
    const f = b.readiness.readyAtStart;
    if (!(f >= 0 && f <= 1)) throw new Error(`${label}.readiness.readyAtStart: expected a fraction in [0, 1], got ${f}`);
    const com = sc.commercial[id];
    return {
      id,
      index,
      name: b.name,
      usableSpots,
      rampSpots: b.rampSpots,
      loadingTeams: Math.floor(b.loadingTeams),
      teamsBind: Math.floor(b.loadingTeams) < usableSpots,
      workable: usableSpots > 0 && b.loadingTeams >= 1,
      hours,
      hubDistanceNm: b.hubDistanceNm,
      cargo: {
        sensitiveST: b.cargo.sensitiveST,
        equipmentST: b.cargo.equipmentST,
        personnel: b.cargo.personnel,
        closureTeam: b.closureTeam,
        readyAtStart: f,
        order,
        withCargo: sc.personnelDrawdown === 'with-cargo',
        withCargoShare: sc.withCargoShare ?? 1,
      },
      prepSTPerDay: sampler(b.readiness.prepSTPerDay, `${label}.readiness.prepSTPerDay`),
      toPrepare: (1 - f) * (b.cargo.sensitiveST + b.cargo.equipmentST),
      flyH,
      // Landing needs the flight to fit inside the approval's validity; an approval timed for an
      // opening then always exists (see the re-request rule in aircraft.ts).
      // Only the types the base takes (a short runway) may land at all.
      reachable: flyH.map((h, k) => h <= validity && (b.aircraftTypes === undefined || b.aircraftTypes.includes(types[k]!.name))),
      russian:
        ru === undefined
          ? null
          : {
              arrivalsPerDay: ru.arrivalsPerDay,
              scheduleH: [...ru.scheduleH].sort((a, c) => a - c),
              groundTimeH: sampler(ru.groundTimeH, `russian.${id}.groundTimeH`),
              permanentSpots: permanent,
            },
      commercial: com === undefined || !(com.seatsPerDay > 0) ? null : { ...com },
      closeAfter: -1,
      stage: stageOf(sc.closureOrder, id, index),
    };
  });
  for (let i = 1; i < sc.closureOrder.length; i++) {
    const id = sc.closureOrder[i]!;
    const before = sc.closureOrder[i - 1]!;
    const b = bases.find((x) => x.id === id);
    const p = bases.findIndex((x) => x.id === before);
    if (b === undefined || p < 0) {
      const bad = b === undefined ? id : before;
      throw new Error(`closureOrder: unknown base "${bad}" (bases: ${ids.join(', ')})`);
    }
    b.closeAfter = p;
  }
  const c = sc.clearance;
  if (!(c.denialProb >= 0 && c.denialProb <= 1)) throw new Error(`clearance.denialProb: expected a probability in [0, 1], got ${c.denialProb}`);
  if (c.dailyCap !== null && !(c.dailyCap >= 0)) throw new Error(`clearance.dailyCap: expected a number >= 0 or null, got ${c.dailyCap}`);
  return {
    scenario: sc,
    clock,
    horizonH: sc.horizonH,
    deadlineH: sc.deadlineH,
    types,
    bases,
    clearance: {
      approvalDelayH: sampler(c.approvalDelayH, 'clearance.approvalDelayH'),
      denialProb: c.denialProb,
      resubmitDelayH: sampler(c.resubmitDelayH, 'clearance.resubmitDelayH'),
      validityH: c.validityH,
      notBeforeH: c.notBeforeH,
      freezes: c.freezes.map((z) => ({ fromH: z.fromH, toH: z.toH })).filter((z) => z.toH > z.fromH),
      dailyCap: c.dailyCap === null ? null : Math.floor(c.dailyCap),
      duringTurnaround: c.request === 'during-turnaround',
    },
    russianFirst: sc.rampPriority === 'russian-first',
    assignment: sc.assignment,
    sensitiveAcrossBases: sc.sensitivePriority === 'across-bases',
    order,
  };
}

function compileOrder(loadOrder: CargoClass[]): number[] {
  const order = loadOrder.map((k) => CARGO_CLASSES.indexOf(k));
  const ok = order.length === CARGO_CLASSES.length && CARGO_CLASSES.every((_, i) => order.includes(i));
  if (!ok) throw new Error(`loadOrder: expected each of ${CARGO_CLASSES.join(', ')} exactly once, got [${loadOrder.join(', ')}]`);
  return order;
}

function compileAvailability(label: string, a: Scenario['fleet'][string]['availability']): CompiledAvailability {
  switch (a.kind) {
    case 'always':
      return { kind: 'always' };
    case 'mission-capable':
      if (!(a.rate >= 0 && a.rate <= 1)) throw new Error(`${label}.availability.rate: expected a probability in [0, 1], got ${a.rate}`);
      if (a.rate === 1) return { kind: 'always' };
      return { kind: 'mission-capable', rate: a.rate, downH: sampler(a.downH, `${label}.availability.downH`) };
    case 'breakdowns':
      if (!(a.perSortie >= 0 && a.perSortie <= 1)) {
        throw new Error(`${label}.availability.perSortie: expected a probability in [0, 1], got ${a.perSortie}`);
      }
      if (a.perSortie === 0) return { kind: 'always' };
      return { kind: 'breakdowns', perSortie: a.perSortie, repairH: sampler(a.repairH, `${label}.availability.repairH`) };
  }
}

function positive(path: string, x: number): void {
  if (!(x > 0) || !Number.isFinite(x)) throw new Error(`${path}: expected a finite number > 0, got ${x}`);
}

/** The seats usable beside a full pallet load: an integer from 0 to the type's seats (library callers pass numbers unchecked). */
function sidewallSeats(label: string, t: AircraftType): number {
  const n = t.seatsWithFullPallets ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > t.seats) {
    throw new Error(`${label}.seatsWithFullPallets: expected an integer from 0 to seats (${t.seats}), got ${n}`);
  }
  return n;
}

/** A base's stage: its index in the closure order, or after every listed base in file order. */
function stageOf(closureOrder: readonly string[], id: string, index: number): number {
  const i = closureOrder.indexOf(id);
  return i >= 0 ? i : closureOrder.length + index;
}
