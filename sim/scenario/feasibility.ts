/**
 * "A scenario that can never finish is caught before running": conditions under which no
 * replication could ever complete, each reported at the path to change. Runs on the valid parts
 * of the file, so it adds to the schema's problems instead of waiting for them to be fixed.
 */
import { distRange } from '../random/index.ts';
import type { ScenarioIssue } from './issues.ts';
import { DEFAULT_HORIZON_AFTER_DEADLINE_H } from './resolve.ts';
import type { PartialFile } from './schema.ts';
import { formatDate, HOUR_MS } from './units.ts';

const keysOf = (v: unknown): string[] => (typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.keys(v) : []);

/** The horizon as epoch ms, when the fields it depends on are valid. */
function horizonMs(f: PartialFile): number | undefined {
  if (f.horizon?.kind === 'date') return f.horizon.ms;
  if (f.horizon?.kind === 'after') return f.start === undefined ? undefined : f.start + f.horizon.hours * HOUR_MS;
  return f.deadline === undefined ? undefined : f.deadline + DEFAULT_HORIZON_AFTER_DEADLINE_H * HOUR_MS;
}

/** Every reason the withdrawal could never finish, as issues with file paths; `doc` is the raw document. */
export function feasibilityIssues(f: PartialFile, doc: unknown): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const add = (path: (string | number)[], message: string) => out.push({ path, message });
  const raw = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  const allTypeIds = keysOf(raw.fleet);
  // The types that fly (a count of 0 takes a type out, e.g. in a sweep; an invalid count, already
  // reported, is taken as flying), for the checks over every type.
  const typeIds = allTypeIds.filter((t) => f.fleet?.[t]?.count !== 0);
  const types = typeIds.map((t) => [t, f.fleet?.[t]] as const);
  const allValid = <K extends string>(key: K) => types.every(([, a]) => a !== undefined && (a as Record<string, unknown>)[key] !== undefined);

  if (raw.fleet !== undefined && typeof raw.fleet === 'object' && allTypeIds.length === 0) {
    add(['fleet'], 'no aircraft: nothing can ever leave; add an aircraft type with count >= 1');
  } else if (typeIds.length === 0) {
    for (const t of allTypeIds) add(['fleet', t, 'count'], 'every aircraft type has count 0: nothing can ever leave; give one a count >= 1');
  }
  const neverCapable = ([, a]: (typeof types)[number]) => a?.availability?.kind === 'mission-capable' && a.availability.rate === 0;
  const noneFly = typeIds.length > 0 && types.every(neverCapable);
  if (noneFly) for (const [t] of types) add(['fleet', t, 'availability', 'mission_capable'], 'every aircraft type is never mission-capable (rate 0): nothing can fly');

  let cargoAnywhere = false;
  let peopleAnywhere = false;
  for (const [id, b] of Object.entries(f.bases ?? {})) {
    if (b?.cargo === undefined) continue;
    const { sensitive = 0, equipment = 0, personnel = 0 } = b.cargo;
    const tons = sensitive + equipment;
    cargoAnywhere ||= tons > 0;
    peopleAnywhere ||= personnel > 0;
    if (tons + personnel === 0) continue;
    if (b.ramp_spots === 0) add(['bases', id, 'ramp_spots'], `${id} has cargo or personnel to move but no ramp spots: no aircraft can land; give ramp_spots >= 1`);
    if (b.loading_teams === 0) add(['bases', id, 'loading_teams'], `${id} has cargo or personnel to move but no loading teams: no aircraft can be loaded; give loading_teams >= 1`);
    const ready = b.readiness?.ready_at_start;
    const rate = b.readiness?.prep_rate;
    if (tons > 0 && ready !== undefined && ready < 1 && rate !== undefined && distRange(rate)[1] <= 0) {
      add(['bases', id, 'readiness', 'prep_rate'], `${id} has cargo not ready at start (ready_at_start ${ready}) but a preparation rate that is always 0: it would never be ready`);
    }
  }

  const noPayload = ([, a]: (typeof types)[number]) => a?.payload !== undefined && distRange(a.payload)[1] <= 0;
  const noSeats = ([, a]: (typeof types)[number]) => a?.seats === 0;
  const noneCarry = typeIds.length > 0 && cargoAnywhere && allValid('payload') && types.every(noPayload);
  const noneSeat = typeIds.length > 0 && peopleAnywhere && allValid('seats') && types.every(noSeats);
  if (noneCarry) for (const [t] of types) add(['fleet', t, 'payload'], 'no aircraft type ever carries cargo (payload always 0), but there is cargo to move');
  if (noneSeat) for (const [t] of types) add(['fleet', t, 'seats'], 'no aircraft type has seats, but there are personnel to move (closure teams leave by air)');

  // The flying types a base takes (all of them without aircraft_types).
  const typesAt = (b: { aircraft_types?: string[] | undefined } | undefined) => types.filter(([t]) => b?.aircraft_types === undefined || b.aircraft_types.includes(t));

  // A base that takes only some types (aircraft_types) needs one of them to fly and to carry what it has.
  for (const [id, b] of Object.entries(f.bases ?? {})) {
    const only = b?.aircraft_types;
    if (only === undefined || typeIds.length === 0) continue;
    const { sensitive = 0, equipment = 0, personnel = 0 } = b?.cargo ?? {};
    if (sensitive + equipment + personnel === 0) continue;
    const allowed = typesAt(b);
    const at = ['bases', id, 'aircraft_types'];
    if (allowed.length === 0) {
      if (only.every((t) => allTypeIds.includes(t))) add(at, `every aircraft type that may land at ${id} has count 0: its load can never leave`);
    } else if (!noneFly && allowed.every(neverCapable)) {
      add(at, `every aircraft type that may land at ${id} is never mission-capable (rate 0): its load can never leave`);
    } else if (!noneCarry && sensitive + equipment > 0 && allowed.every(([, a]) => a?.payload !== undefined) && allowed.every(noPayload)) {
      add(at, `no aircraft type that may land at ${id} ever carries cargo (payload always 0), but it has cargo to move`);
    } else if (!noneSeat && personnel > 0 && allowed.every(noSeats)) {
      add(at, `no aircraft type that may land at ${id} has seats, but it has personnel to move`);
    }
  }

  const c = f.clearance;
  if (c === undefined) return out;
  // An approval covers a landing within its validity, so a base whose flight from the hub is
  // longer than that for every aircraft type that may land there can never be reached.
  if (c.validity !== undefined && typeIds.length > 0 && allValid('block_speed')) {
    for (const [id, b] of Object.entries(f.bases ?? {})) {
      const { sensitive = 0, equipment = 0, personnel = 0 } = b?.cargo ?? {};
      if (b?.hub_distance === undefined || sensitive + equipment + personnel === 0) continue;
      const allowed = typesAt(b);
      if (allowed.length === 0) continue;
      const fastest = Math.max(...allowed.map(([, a]) => a!.block_speed as number));
      const flyH = b.hub_distance / fastest;
      if (flyH > c.validity) {
        add(['clearance', 'validity'], `an approval is valid ${formatHours(c.validity)}, but the flight from the hub to ${id} takes ${formatHours(flyH)} at the block speed of the fastest type that may land there: no aircraft could ever land there`);
      }
    }
  }
  if (c.denial_probability === 1) add(['clearance', 'denial_probability'], 'every clearance request is denied (probability 1): no aircraft could ever land');
  if (c.daily_cap === 0) add(['clearance', 'daily_cap'], 'a daily cap of 0 approves no landing at all; use null (or leave it out) for no cap');
  const horizon = horizonMs(f);
  if (horizon === undefined || f.start === undefined) return out;
  const notBefore = c.not_before ?? f.start;
  const freezes = c.freezes ?? [];
  if (notBefore >= horizon) add(['clearance', 'not_before'], `nothing is approved before the horizon (${formatDate(horizon)}) ends the run`);
  freezes.forEach((fr, i) => {
    if (fr.from <= f.start! && fr.to >= horizon) add(['clearance', 'freezes', i], `this freeze covers the whole run, up to the horizon (${formatDate(horizon)}): no clearance would ever be approved`);
    else if (fr.to >= horizon) add(['clearance', 'freezes', i, 'to'], `this freeze does not end before the horizon (${formatDate(horizon)}): anything not done before it would never finish`);
  });
  const blockedTo = approvalsBlockedUntil(notBefore, freezes);
  const single = notBefore >= horizon || freezes.some((fr) => fr.from <= f.start! && fr.to >= horizon);
  if (blockedTo >= horizon && !single) add(['clearance', 'freezes'], 'not_before and the freezes together block every approval from the start to the horizon');
  return out;
}

/** The end of the span from `notBefore` in which no approval is given: not_before and the freezes that chain on from it (epoch ms). */
export function approvalsBlockedUntil(notBefore: number, freezes: readonly { from: number; to: number }[]): number {
  let blockedTo = notBefore;
  for (const fr of [...freezes].sort((a, b) => a.from - b.from)) if (fr.from <= blockedTo) blockedTo = Math.max(blockedTo, fr.to);
  return blockedTo;
}

/** Hours as a short readable duration: "1 min", "3.4 h", "48 h". */
function formatHours(h: number): string {
  if (h < 1) return `${Math.round(h * 60)} min`;
  return `${Number(h.toFixed(1))} h`;
}
