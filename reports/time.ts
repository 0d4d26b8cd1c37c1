/**
 * Dates for charts: instants are UTC milliseconds in code and short ISO strings in chart data,
 * and every label a reader sees is formatted here, in UTC, so a report reads the same in
 * every time zone.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parses an ISO-8601 instant to UTC milliseconds; throws naming `what` when it is not a date. */
export function parseInstant(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`Report: ${what} must be an ISO-8601 date, got ${JSON.stringify(iso)}`);
  return ms;
}

/** A short ISO instant for chart data, to the minute: `2024-05-20T06:30Z` (what `Date.parse` reads as UTC). */
export function isoMinute(ms: number): string {
  return new Date(Math.round(ms / 60_000) * 60_000).toISOString().slice(0, 16) + 'Z';
}

/** A day for readers: `15 Sep 2024` (UTC). */
export function dayLabel(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** An instant for readers with its time and zone: `15 Sep 2024, 00:00 UTC` (a deadline: a finish later that day is late). */
export function momentLabel(ms: number): string {
  const d = new Date(ms);
  const hhmm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${dayLabel(ms)}, ${hhmm} UTC`;
}

/** A day without its year, for labels on a chart whose axis names the year: `15 Sep` (UTC). */
export function shortDayLabel(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** A day and hour for readers: `15 Sep 06:30` (UTC). */
export function dayTimeLabel(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${hh}:${mm}`;
}

/** A P10-P90 range of days for readers: `18 Aug – 17 Sep 2024`, with both years when they differ. */
export function dayRangeLabel(fromMs: number, toMs: number): string {
  const sameYear = new Date(fromMs).getUTCFullYear() === new Date(toMs).getUTCFullYear();
  return `${sameYear ? shortDayLabel(fromMs) : dayLabel(fromMs)} – ${dayLabel(toMs)}`;
}
