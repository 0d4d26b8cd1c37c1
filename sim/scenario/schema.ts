/**
 * The scenario file format as a zod schema: strict objects (unknown keys are errors), maps by
 * aircraft type and base id, units on durations and quantities. The output is still in file
 * terms (dates as epoch ms); `resolve.ts` turns it into the model's `Scenario`.
 */
import { z } from 'zod';
import { CARGO_CLASSES, type Availability } from './types.ts';
import { distribution } from './distribution.ts';
import { expected } from './issues.ts';
import { choice, date, duration, int, jsonDocs, leaf, num, openingHours, probability, quantity, share, text, TONS, TONS_PER_DAY } from './leaves.ts';
import { DATE_PATTERN, DURATION_PATTERN, parseDate, parseDuration, parseQuantity, type Parsed } from './units.ts';

/**
 * Adds to `schema`'s JSON Schema a rule that the parser checks later in its own words
 * (crosscheck.ts, feasibility.ts), so that editors flag it too without changing the messages.
 */
function alsoInJsonSchema<T extends z.ZodType>(schema: T, json: Record<string, unknown>): T {
  jsonDocs.add(schema, json);
  return schema;
}

const nonNegative = (r: Parsed<number>, what: string, input: unknown): Parsed<number> =>
  r.ok && r.value < 0 ? { ok: false, message: expected(`${what} >= 0`, input) } : r;

const durationJson = { anyOf: [{ type: 'number', minimum: 0 }, { type: 'string', pattern: DURATION_PATTERN }] };
const unitJson = (units: readonly string[]) => ({ anyOf: [{ type: 'number', minimum: 0 }, { type: 'string', pattern: `^\\s*\\d+(\\.\\d+)?\\s*(${units.join('|').replace(/\//g, '\\/')})?\\s*$` }] });

/** A duration distribution (hours). */
const durationDist = () => distribution('duration', parseDuration, durationJson);
/** A distribution of short tons per sortie. */
const tonsDist = () =>
  distribution('tonnage in ST', (v) => nonNegative(parseQuantity(v, TONS, 'a tonnage in ST'), 'a tonnage in ST', v), unitJson(TONS), '{ triangular: [40 ST, 55 ST, 65 ST] }');
/** A distribution of short tons per day. */
const rateDist = () =>
  distribution('rate in ST per day', (v) => nonNegative(parseQuantity(v, TONS_PER_DAY, 'a rate in ST/day'), 'a rate in ST/day', v), unitJson(TONS_PER_DAY), '{ triangular: [25 ST/d, 40 ST/d, 55 ST/d] }');
const tons = (b: { min?: number; gt?: number }) => quantity(TONS, 'a tonnage in ST', b);

/** Availability: absent or {} means always available; otherwise one of two modes. */
const availability = z
  .strictObject({
    mission_capable: probability().optional(),
    down_time: durationDist().optional(),
    breakdowns_per_sortie: probability().optional(),
    repair_time: durationDist().optional(),
  })
  .describe(
    'Either mission_capable (the chance an aircraft is capable when due to fly, 0.85 for 85%) with down_time (how long a non-capable one is out), or breakdowns_per_sortie (the chance of a breakdown after a sortie) with repair_time; absent or {}: always available.',
  )
  .transform((a, ctx): Availability => {
    const issue = (path: string, message: string) => ctx.issues.push({ code: 'custom', path: [path], message, input: a });
    const mc = a.mission_capable !== undefined || a.down_time !== undefined;
    const bd = a.breakdowns_per_sortie !== undefined || a.repair_time !== undefined;
    if (mc && bd) {
      issue('breakdowns_per_sortie', 'expected either mission_capable with down_time, or breakdowns_per_sortie with repair_time, not both');
      return z.NEVER;
    }
    if (mc) {
      if (a.mission_capable === undefined) issue('mission_capable', expected('a probability between 0 and 1', undefined));
      if (a.down_time === undefined) issue('down_time', expected('a duration or distribution: how long a non-capable aircraft is down', undefined));
      if (a.mission_capable === undefined || a.down_time === undefined) return z.NEVER;
      return { kind: 'mission-capable', rate: a.mission_capable, downH: a.down_time };
    }
    if (bd) {
      if (a.breakdowns_per_sortie === undefined) issue('breakdowns_per_sortie', expected('a probability between 0 and 1', undefined));
      if (a.repair_time === undefined) issue('repair_time', expected('a duration or distribution of repair time', undefined));
      if (a.breakdowns_per_sortie === undefined || a.repair_time === undefined) return z.NEVER;
      return { kind: 'breakdowns', perSortie: a.breakdowns_per_sortie, repairH: a.repair_time };
    }
    return { kind: 'always' };
  });

export const aircraftSchema = z.strictObject({
  count: int({ min: 0 }),
  payload: tonsDist(),
  max_payload: tons({ gt: 0 }),
  pallet_positions: int({ min: 1 }),
  st_per_pallet: tons({ gt: 0 }),
  seats: int({ min: 0 }),
  seats_with_full_pallets: int({ min: 0 }).optional(),
  block_speed: quantity(['kt', 'kts', 'knots'], 'a speed in knots', { gt: 0 }),
  ground_time: durationDist(),
  hub_turnaround: durationDist(),
  availability: availability.optional(),
});

export const baseSchema = z.strictObject({
  name: text().optional(),
  ramp_spots: int({ min: 0 }),
  loading_teams: int({ min: 0 }),
  hours: openingHours().default({ open: 0, close: 24 }),
  utc_offset: num({ min: -12, max: 14 }, 'hours from UTC, e.g. 1 for UTC+1 (a number >= -12 and <= 14)')
    .default(0)
    .describe('Local time of the base as hours from UTC, e.g. 1 for UTC+1, -4.5 for UTC-04:30; `hours` are read in it. Default 0.'),
  hub_distance: quantity(['nm'], 'a distance in nautical miles', { gt: 0 }),
  cargo: z.strictObject({
    sensitive: tons({ min: 0 }),
    equipment: tons({ min: 0 }),
    personnel: int({ min: 0 }),
  }),
  readiness: z.strictObject({
    ready_at_start: probability(),
    prep_rate: rateDist(),
  }),
  closure_team: int({ min: 0 }).default(0),
  aircraft_types: alsoInJsonSchema(z.array(text('an aircraft type of `fleet`'), { error: (iss) => expected('a list of aircraft types, e.g. [C-130J]', iss.input) }).min(1, { error: 'expected at least one aircraft type (leave the key out to let every type land)' }), { minItems: 1, uniqueItems: true })
    .optional()
    .describe('The aircraft types of `fleet` that may land here (a short or soft runway), e.g. [C-130J]; every type when left out.'),
});

export const clearanceSchema = z.strictObject({
  approval_delay: durationDist(),
  denial_probability: probability().default(0),
  resubmit_delay: durationDist().optional(),
  validity: duration({ positive: true }),
  not_before: date()
    .optional()
    .describe('No approval before this instant: every answer due earlier is given at it, all at once (within daily_cap), and may still be a denial.'),
  freezes: z
    .array(z.strictObject({ from: date(), to: date(), note: z.string().optional() }))
    .default([])
    .describe('Periods [from, to) with no approval: every answer due inside one is given at its end, all at once (within daily_cap), and may still be a denial.'),
  daily_cap: alsoInJsonSchema(int({ min: 0 }), { minimum: 1 })
    .nullable()
    .optional()
    .describe('Most approvals per UTC day (00:00-24:00 UTC), all bases together; every approval counts, a new one after a lapse included. An approval due on a full day moves to the start of the next UTC day with room. null or absent: no cap.'),
  request: choice(['when-ready', 'during-turnaround']).default('when-ready'),
});

export const russianSchema = z.strictObject({
  arrivals_per_day: num({ min: 0 }).default(0),
  schedule: z.array(date()).default([]).describe('Fixed arrival instants, a list of ISO dates or date-times (UTC unless an offset is given), in addition to arrivals_per_day.'),
  ground_time: durationDist(),
  permanent_spots: int({ min: 0 }).default(0),
});

export const commercialSchema = z.strictObject({
  seats_per_day: int({ min: 0 }),
  from: date().optional(),
  to: date().optional(),
});

/** The horizon: a date, or a duration after the start. */
const horizon = leaf<{ kind: 'date'; ms: number } | { kind: 'after'; hours: number }>(
  'horizon',
  { anyOf: [{ type: 'string', pattern: DATE_PATTERN }, { type: 'string', pattern: DURATION_PATTERN }, { type: 'number', minimum: 0 }], description: 'When a replication stops if not finished: a date, or a duration after start (e.g. 180d).' },
  (input, report) => {
    const d = parseDate(input);
    if (d.ok) return { kind: 'date', ms: d.value };
    const h = parseDuration(input);
    if (h.ok && h.value > 0) return { kind: 'after', hours: h.value };
    return void report([], expected('a date like 2024-12-31 or a duration after start like 180d', input));
  },
);

/** The batch seed: a string, or an integer taken as its decimal string. */
const seed = leaf<string>('seed', { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer' }] }, (input, report) => {
  if (typeof input === 'string' && input.length > 0) return input;
  if (typeof input === 'number' && Number.isInteger(input)) return String(input);
  return void report([], expected('a seed (a text or an integer)', input));
});

/** Any value, but present (for sensitivity low/high, checked against the path they name). */
const present = leaf<unknown>('value', {}, (input, report) => (input === undefined ? void report([], 'missing: expected a value in file units, e.g. 36h') : input));

export const sections = {
  name: text('a scenario name'),
  description: z.string().default(''),
  start: date(),
  deadline: date(),
  horizon: horizon.optional(),
  fleet: alsoInJsonSchema(z.record(z.string(), aircraftSchema), { minProperties: 1 }),
  bases: alsoInJsonSchema(z.record(z.string(), baseSchema), { minProperties: 1 }),
  clearance: clearanceSchema,
  russian: z
    .record(z.string(), russianSchema)
    .default({})
    .describe('Foreign (non-US) traffic sharing a base\'s ramp, by base id: Russian or any other; the name is historical.'),
  ramp_priority: choice(['first-come', 'russian-first']).default('first-come'),
  commercial: z.record(z.string(), commercialSchema).default({}),
  load_order: alsoInJsonSchema(z.array(choice(CARGO_CLASSES)), { minItems: CARGO_CLASSES.length, maxItems: CARGO_CLASSES.length, uniqueItems: true }).default([...CARGO_CLASSES]),
  assignment: choice(['most-ready', 'nearest', 'staged']).default('most-ready'),
  sensitive_priority: choice(['per-sortie', 'across-bases'])
    .default('per-sortie')
    .describe('per-sortie (default): sensitive equipment first inside each load; across-bases: an aircraft also goes first to a base whose load for it holds sensitive equipment, `assignment` deciding inside each group.'),
  personnel_drawdown: choice(['any-seat', 'with-cargo']).default('any-seat'),
  with_cargo_share: share().optional(),
  closure_order: alsoInJsonSchema(z.array(text('a base id')), { uniqueItems: true }).default([]),
  batch: z.strictObject({ runs: int({ min: 1 }).default(1000), seed: seed.default('retrograde') }).default({ runs: 1000, seed: 'retrograde' }),
  sensitivity: z.record(z.string(), z.strictObject({ low: present, high: present })).default({}),
};

/** The whole file. */
export const fileSchema = z.strictObject(sections);

/** A validated file, still in file terms (dates as epoch ms, durations in hours). */
export type ScenarioFile = z.output<typeof fileSchema>;
export type SectionName = keyof typeof sections;

/**
 * The parts of a file that are valid: objects and maps keep their valid entries, everything else
 * (numbers, dates, distributions, availability, lists) is there whole or not at all.
 */
export type DeepPartial<T> = T extends readonly unknown[] | number | string | boolean | null | undefined
  ? T
  : T extends { kind: string }
    ? T
    : { [K in keyof T]?: DeepPartial<T[K]> };

export type PartialFile = DeepPartial<ScenarioFile>;
