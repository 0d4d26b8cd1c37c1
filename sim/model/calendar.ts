/**
 * Calendar and operating-hours arithmetic, in model hours (hours from the scenario start).
 *
 * Why pure functions over a calendar instead of capacity schedules: an aircraft's loading work
 * that spans a night is one timeout to the instant its working hours are used up, computed
 * here, instead of pause/resume events at every closing and opening.
 *
 * Conventions:
 * - Day d of the records covers model hours [24d, 24d + 24) (from the start, not midnight).
 * - UTC days (for the daily clearance cap) start at UTC midnight; `utcDay(t)` numbers them from
 *   the UTC day that contains the start (day 0).
 * - A base is open on [opening, closing) each local day. A window may wrap midnight (open 20,
 *   close 4). open 0 / close 24 means always open. Landing needs an open instant; work that ends
 *   exactly at closing may still take off at closing (the aircraft was worked inside hours).
 */

/** Milliseconds per hour. */
const MS_PER_H = 3_600_000;

/** The hours of the scenario's clock: start instant, UTC day boundaries, ISO dates. */
export class Clock {
  /** Start instant, ms since the epoch. */
  readonly startMs: number;
  /** Hours since UTC midnight at the start (0 <= x < 24). */
  readonly startUtcHour: number;

  /** Builds the clock for an ISO start instant; throws if it does not parse. */
  constructor(startIso: string) {
    const ms = Date.parse(startIso);
    if (!Number.isFinite(ms)) throw new Error(`Clock: start must be an ISO-8601 instant, got ${JSON.stringify(startIso)}`);
    this.startMs = ms;
    this.startUtcHour = (((ms / MS_PER_H) % 24) + 24) % 24;
  }

  /** The UTC day (0 = the UTC day containing the start) of model hour t. */
  utcDay(t: number): number {
    return Math.floor((t + this.startUtcHour) / 24);
  }

  /** Model hour at which UTC day k begins (negative for day 0 unless the start is at midnight). */
  utcDayStart(k: number): number {
    return 24 * k - this.startUtcHour;
  }

  /** The ISO-8601 instant (UTC, ms precision) of model hour t. */
  iso(t: number): string {
    return new Date(this.startMs + t * MS_PER_H).toISOString();
  }

  /** The ISO-8601 instant (UTC) of model hour t to the nearest second, as traces and summaries print it ("2024-08-25T07:26:13Z"). */
  isoSecond(t: number): string {
    return new Date(this.startMs + Math.round(t * 3600) * 1000).toISOString().replace('.000Z', 'Z');
  }

  /** The ISO date (YYYY-MM-DD, UTC) of model hour t. */
  date(t: number): string {
    return this.iso(t).slice(0, 10);
  }
}

/**
 * A base's operating hours as a periodic calendar in model hours: open on
 * [offset + 24k, offset + 24k + length) for every integer k.
 */
export class OperatingHours {
  /** Model hour (0 <= offset < 24) at which a window opens. */
  readonly offset: number;
  /** Hours open per day (0 < length <= 24). */
  readonly length: number;
  /** True when open around the clock. */
  readonly always: boolean;

  /**
   * Builds the calendar from local opening and closing hours (0..24), the base's UTC offset and
   * the clock; throws naming `label` if open equals close (never open) or a value is out of range.
   */
  constructor(label: string, open: number, close: number, utcOffsetH: number, clock: Clock) {
    const inRange = (x: number): boolean => typeof x === 'number' && x >= 0 && x <= 24;
    if (!inRange(open) || !inRange(close)) {
      throw new Error(`${label}: operating hours must be within 0..24, got open ${open}, close ${close}`);
    }
    if (!Number.isFinite(utcOffsetH)) throw new Error(`${label}: utcOffsetH must be a finite number, got ${utcOffsetH}`);
    const always = (open === 0 && close === 24) || (open === 24 && close === 0) || close - open === 24;
    if (!always && (close - open) % 24 === 0) {
      throw new Error(`${label}: operating hours open ${open} and close ${close} leave the base never open`);
    }
    this.always = always;
    this.length = always ? 24 : (((close - open) % 24) + 24) % 24;
    // Local hour of model time t is (t + startUtcHour + utcOffsetH) mod 24; a window opens where
    // that equals `open`.
    this.offset = always ? 0 : mod24(open - clock.startUtcHour - utcOffsetH);
  }

  /** Whether the base is open at model hour t (landing allowed). */
  isOpen(t: number): boolean {
    if (this.always) return true;
    return t - this.windowStart(t) < this.length;
  }

  /** The first model hour >= t at which the base is open (t itself if open). */
  nextOpen(t: number): number {
    if (this.always) return t;
    const s = this.windowStart(t);
    return t - s < this.length ? t : s + 24;
  }

  /**
   * The latest instant <= t at which an aircraft that is cleared to land can still land without
   * waiting past t: t itself if open, else the closing instant of the last window before t.
   * (Landing at exactly the returned closing instant is not allowed; callers compare with `<`.)
   */
  lastOpenBefore(t: number): number {
    if (this.always) return t;
    const s = this.windowStart(t);
    return t - s < this.length ? t : s + this.length;
  }

  /**
   * The model hour at which `h` working hours, done only while open and starting at t (or at the
   * next opening), are complete; a finish exactly at closing stays at closing. h = 0 gives the
   * next open instant.
   */
  addWorkingHours(t: number, h: number): number {
    if (this.always) return t + h;
    const start = this.nextOpen(t);
    if (h <= 0) return start;
    const s = this.windowStart(start);
    const L = this.length;
    const used = start - s;
    if (used + h <= L) return start + h;
    const rest = h - (L - used);
    // Windows needed after the current one; an exact multiple of L ends at a closing.
    const full = Math.ceil(rest / L) - 1;
    return s + 24 * (full + 1) + (rest - full * L);
  }

  /** Working (open) hours in [a, b); 0 if b <= a. */
  openHoursBetween(a: number, b: number): number {
    if (b <= a) return 0;
    if (this.always) return b - a;
    return this.openBefore(b) - this.openBefore(a);
  }

  /** Open hours in [offset - 24, t): a cumulative count used for differences. */
  private openBefore(t: number): number {
    const k = Math.floor((t - this.offset) / 24);
    const within = t - (this.offset + 24 * k);
    return (k + 1) * this.length + Math.min(within, this.length);
  }

  /** Start of the window period (offset + 24k) that contains t. */
  private windowStart(t: number): number {
    let s = this.offset + 24 * Math.floor((t - this.offset) / 24);
    // Rounding can put a boundary instant into the previous period; keep 0 <= t - s < 24.
    if (t - s >= 24) s += 24;
    else if (t < s) s -= 24;
    return s;
  }
}

function mod24(x: number): number {
  return ((x % 24) + 24) % 24;
}
