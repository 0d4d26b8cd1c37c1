/**
 * Units in scenario files: durations (`36h`, `2d`, `90m`, `1d12h`; a plain number is hours),
 * ISO dates (UTC), times of day (`05:30-17:30`), and quantities with an optional unit (`65 ST`).
 * Each parser returns a value or the message saying what was expected.
 */
import { expected } from './issues.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

export const HOUR_MS = 3_600_000;

const DURATION_UNITS: Record<string, number> = { w: 168, d: 24, h: 1, hr: 1, m: 1 / 60, min: 1 / 60 };
const DURATION_PART = /(\d+(?:\.\d+)?)\s*(min|hr|w|d|h|m)/gy;
export const DURATION_PATTERN = '^\\s*(\\d+(\\.\\d+)?\\s*(w|d|h|hr|m|min)\\s*)+$|^\\s*\\d+(\\.\\d+)?\\s*$';
const DURATION_WHAT = 'a duration like 36h, 2d, 90m or 1d12h (a plain number is hours)';

/** A duration in hours, >= 0, from a number (hours) or a string with units. */
export function parseDuration(input: unknown): Parsed<number> {
  if (typeof input === 'number') {
    return Number.isFinite(input) && input >= 0 ? ok(input) : fail(expected(`${DURATION_WHAT}, >= 0`, input));
  }
  if (typeof input !== 'string') return fail(expected(DURATION_WHAT, input));
  const text = input.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return ok(Number(text));
  let hours = 0;
  let at = 0;
  DURATION_PART.lastIndex = 0;
  const compact = text.replace(/\s+(?=\d)/g, '');
  for (let m = DURATION_PART.exec(compact); m !== null; m = DURATION_PART.exec(compact)) {
    hours += Number(m[1]) * (DURATION_UNITS[m[2] as string] as number);
    at = DURATION_PART.lastIndex;
  }
  if (at === 0 || at !== compact.length) return fail(expected(DURATION_WHAT, input));
  return ok(hours);
}

/** Hours as a readable duration: `36h`, `2d`, `2d 6h`, `90m`. */
export function formatDuration(hours: number): string {
  if (hours === 0) return '0h';
  if (hours < 1) return `${round(hours * 60)}m`;
  if (hours < 48 || !Number.isInteger(hours)) return `${round(hours)}h`;
  const days = Math.floor(hours / 24);
  const rest = hours - days * 24;
  return rest === 0 ? `${days}d` : `${days}d ${rest}h`;
}

const round = (x: number): number => Math.round(x * 100) / 100;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
export const DATE_PATTERN = DATE_RE.source;
const DATE_WHAT = 'an ISO date like 2024-05-19 or 2024-05-19T06:00Z (UTC unless an offset is given)';

/** An ISO date or date-time as epoch milliseconds; no offset means UTC; rejects impossible dates like 2024-02-30. */
export function parseDate(input: unknown): Parsed<number> {
  if (typeof input !== 'string') return fail(expected(DATE_WHAT, input));
  const m = DATE_RE.exec(input.trim());
  if (m === null) return fail(expected(DATE_WHAT, input));
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1, 7).map((x) => x ?? '0') as string[];
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== Number(y) ||
    back.getUTCMonth() !== Number(mo) - 1 ||
    back.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return fail(`expected a real calendar date and time, got ${JSON.stringify(input)}`);
  }
  const zone = m[7];
  if (zone === undefined || zone === 'Z') return ok(ms);
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return ok(ms - sign * offsetMin * 60_000);
}

/** Epoch milliseconds as `2024-05-19 06:00 UTC` (minutes dropped when zero: `2024-05-19 UTC`). */
export function formatDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  return time === '00:00' ? `${day} UTC` : `${day} ${time} UTC`;
}

const HOURS_RE = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;
export const HOURS_PATTERN = `^always$|${HOURS_RE.source}`;
const HOURS_WHAT = 'opening hours like "05:30-17:30" (local time) or "always"';

/** Opening hours as hours of the local day, open < close; "always" is 0-24. */
export function parseHours(input: unknown): Parsed<{ open: number; close: number }> {
  if (input === 'always') return ok({ open: 0, close: 24 });
  if (typeof input !== 'string') return fail(expected(HOURS_WHAT, input));
  const m = HOURS_RE.exec(input.trim());
  if (m === null) return fail(expected(HOURS_WHAT, input));
  const [oh, om, ch, cm] = m.slice(1, 5).map(Number) as [number, number, number, number];
  if (oh > 24 || ch > 24 || om > 59 || cm > 59 || (oh === 24 && om > 0) || (ch === 24 && cm > 0)) {
    return fail(`expected times of day between 00:00 and 24:00, got ${JSON.stringify(input)}`);
  }
  const open = oh + om / 60;
  const close = ch + cm / 60;
  if (close <= open) {
    return fail(
      `expected the closing time after the opening time (windows across midnight are not supported), got ${JSON.stringify(input)}`,
    );
  }
  return ok({ open, close });
}

/** Hours of day as `05:30`. */
export function formatClock(h: number): string {
  const total = Math.round(h * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** A number, or a string of a number followed by one of `units` (case-insensitive), e.g. `65 ST`. */
export function parseQuantity(input: unknown, units: readonly string[], what: string): Parsed<number> {
  if (typeof input === 'number') return Number.isFinite(input) ? ok(input) : fail(expected(what, input));
  if (typeof input !== 'string') return fail(expected(what, input));
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([A-Za-z/]*)\s*$/.exec(input);
  if (m === null) return fail(expected(what, input));
  const unit = m[2] as string;
  if (unit !== '' && !units.some((u) => u.toLowerCase() === unit.toLowerCase())) {
    return fail(`expected ${what}, got unit "${unit}" in ${JSON.stringify(input)}${conversionHint(Number(m[1]), unit, units)}`);
  }
  return ok(Number(m[1]));
}

/**
 * Metric units a user may reach for, with the file's unit they convert to: a refused value is
 * answered with the factor and the value converted, so the fix is a copy, not a look-up.
 */
const CONVERSIONS: ReadonlyArray<{ from: readonly string[]; to: string; factor: number; rule: string }> = [
  { from: ['km'], to: 'nm', factor: 1 / 1.852, rule: '1 km = 0.54 nm' },
  { from: ['t', 'tonne', 'tonnes'], to: 'ST', factor: 1.10231, rule: '1 t (metric) = 1.1023 ST' },
  { from: ['t/d', 't/day', 'tonnes/d', 'tonnes/day'], to: 'ST/d', factor: 1.10231, rule: '1 t (metric) = 1.1023 ST' },
  { from: ['km/h', 'kph', 'kmh'], to: 'kt', factor: 1 / 1.852, rule: '1 kt = 1.852 km/h' },
];

/** "; convert: 1 km = 0.54 nm, so 3060 km is 1652.3 nm" when `unit` is a known metric unit for `units`; else "". */
function conversionHint(value: number, unit: string, units: readonly string[]): string {
  const c = CONVERSIONS.find((x) => x.from.includes(unit.toLowerCase()) && units.some((u) => u.toLowerCase() === x.to.toLowerCase()));
  if (c === undefined) return '';
  return `; convert: ${c.rule}, so ${value} ${unit} is ${Number((value * c.factor).toFixed(1))} ${c.to}`;
}
