/**
 * A validated file in file terms turned into the model's `Scenario`: dates become hours from the
 * start, names become the model's, defaults are filled in.
 */
import type { AircraftType, Base, CommercialFlights, RussianTraffic, Scenario } from './types.ts';
import type { ScenarioFile } from './schema.ts';
import { HOUR_MS } from './units.ts';

/** How long after the deadline a replication runs before it is stopped, when the file gives no horizon. */
export const DEFAULT_HORIZON_AFTER_DEADLINE_H = 90 * 24;

const mapValues = <A, B>(o: Record<string, A>, f: (a: A, key: string) => B): Record<string, B> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v, k)]));

/** The model's scenario from a valid file (assumes `crossCheck` found nothing). */
export function resolveFile(f: ScenarioFile): Scenario {
  const hours = (ms: number): number => (ms - f.start) / HOUR_MS;
  const deadlineH = hours(f.deadline);
  const horizonH =
    f.horizon === undefined ? deadlineH + DEFAULT_HORIZON_AFTER_DEADLINE_H : f.horizon.kind === 'date' ? hours(f.horizon.ms) : f.horizon.hours;

  const fleet = mapValues(f.fleet, (a): AircraftType => ({
    count: a.count,
    payloadST: a.payload,
    maxPayloadST: a.max_payload,
    palletPositions: a.pallet_positions,
    stPerPallet: a.st_per_pallet,
    seats: a.seats,
    seatsWithFullPallets: a.seats_with_full_pallets ?? 0,
    blockSpeedKt: a.block_speed,
    groundTimeH: a.ground_time,
    hubTurnaroundH: a.hub_turnaround,
    availability: a.availability ?? { kind: 'always' },
  }));

  const bases = mapValues(f.bases, (b, id): Base => ({
    name: b.name ?? id,
    rampSpots: b.ramp_spots,
    loadingTeams: b.loading_teams,
    hours: b.hours,
    utcOffsetH: b.utc_offset,
    hubDistanceNm: b.hub_distance,
    cargo: { sensitiveST: b.cargo.sensitive, equipmentST: b.cargo.equipment, personnel: b.cargo.personnel },
    readiness: { readyAtStart: b.readiness.ready_at_start, prepSTPerDay: b.readiness.prep_rate },
    closureTeam: b.closure_team,
    ...(b.aircraft_types !== undefined ? { aircraftTypes: [...b.aircraft_types] } : {}),
  }));

  const c = f.clearance;
  const russian = mapValues(f.russian, (r): RussianTraffic => ({
    arrivalsPerDay: r.arrivals_per_day,
    scheduleH: r.schedule.map(hours).sort((a, b) => a - b),
    groundTimeH: r.ground_time,
    permanentSpots: r.permanent_spots,
  }));
  const commercial = mapValues(f.commercial, (x): CommercialFlights => ({
    seatsPerDay: x.seats_per_day,
    fromH: x.from === undefined ? 0 : hours(x.from),
    toH: x.to === undefined ? deadlineH : hours(x.to),
  }));

  return {
    name: f.name,
    description: f.description,
    start: new Date(f.start).toISOString(),
    deadline: new Date(f.deadline).toISOString(),
    deadlineH,
    horizonH,
    fleet,
    bases,
    clearance: {
      approvalDelayH: c.approval_delay,
      denialProb: c.denial_probability,
      resubmitDelayH: c.resubmit_delay ?? { kind: 'fixed', value: 0 },
      validityH: c.validity,
      notBeforeH: c.not_before === undefined ? 0 : Math.max(0, hours(c.not_before)),
      freezes: c.freezes.map((fr) => ({ fromH: hours(fr.from), toH: hours(fr.to) })).sort((a, b) => a.fromH - b.fromH),
      dailyCap: c.daily_cap ?? null,
      request: c.request,
    },
    russian,
    rampPriority: f.ramp_priority,
    commercial,
    loadOrder: [...f.load_order],
    assignment: f.assignment,
    sensitivePriority: f.sensitive_priority,
    personnelDrawdown: f.personnel_drawdown,
    ...(f.with_cargo_share !== undefined ? { withCargoShare: f.with_cargo_share } : {}),
    closureOrder: [...f.closure_order],
    batch: { runs: f.batch.runs, seed: f.batch.seed },
    sensitivity: mapValues(f.sensitivity, (r) => ({ low: r.low, high: r.high })),
  };
}
