/**
 * Where an aircraft's time goes: phase numbers and the accounting of time spent in each.
 *
 * Time is accrued when a phase ends, into the aircraft's totals, its current base's totals and
 * the current sortie's totals, so the budget at the end is exact even when a run stops in the
 * middle of a phase.
 *
 * Why waits are split by cause: the diagnosis names the largest wait as what holds the
 * withdrawal back, so each wait must be counted under the lever that would shorten it. A spot
 * granted while the airfield is closed is a wait for opening hours, not for a spot; a loading
 * team still busy is a wait for working MOG, not loading; a night inside the loading span is
 * operating hours, not loading work.
 */
import type { OperatingHours } from './calendar.ts';

export const CLEARANCE = 0;
/** Over the base (or flown in for nothing) waiting for a ramp spot (parking MOG). */
export const RAMP = 1;
/** On the ground, the loading work itself (while the base is open). */
export const GROUND = 2;
export const FLYING = 3;
export const HUB = 4;
export const DOWN = 5;
export const CARGO = 6;
/** On the ground waiting for a loading team (working MOG), closed hours included: the team is held. */
export const TEAM = 7;
/** Waiting for the airfield to open: holding a spot before landing, or closed inside the loading span. */
export const CLOSED = 8;
/** Nothing left to do: time is no longer counted. */
export const STOPPED = 9;
export const N_PHASES = 9;

/** Phase names for traces and stop causes. */
export const PHASE_NAMES = ['clearance', 'ramp', 'ground', 'flying', 'hub', 'down', 'cargo', 'team', 'closed', 'stopped'] as const;

/**
 * Running totals for one aircraft. A phase may be followed by a second one at a known instant
 * (clearance then the flight in; the flight back then the hub turnaround), so that one timeout
 * covers both and the split is made when the time is counted.
 */
export class PhaseClock {
  phase: number = CARGO;
  since = 0;
  /** Hours of `phase` left before `then` begins (Infinity: no second phase). */
  splitH = Infinity;
  then: number = CARGO;
  /** While loading: the base's hours, so that closed time inside the span counts as CLOSED. */
  workHours: OperatingHours | null = null;
  // Plain arrays of doubles: cheaper to create than typed arrays, as fast to update.
  readonly total: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  readonly sortie: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  /** Totals of the base the current sortie goes to, or null between sorties. */
  baseTotal: number[] | null = null;
  /** Set when the run is over: nothing is counted any more. */
  frozen = false;

  /** Ends the current phase at hour t and starts `next`. */
  enter(next: number, t: number): void {
    if (this.frozen) return;
    this.accrue(t);
    this.phase = next;
    this.splitH = Infinity;
    this.workHours = null;
  }

  /**
   * Ends the current phase at hour t and starts loading at a base with these hours: open time
   * counts as GROUND, closed time as CLOSED, however the span is cut (by the next phase or the
   * end of the run).
   */
  enterLoading(hours: OperatingHours, t: number): void {
    if (this.frozen) return;
    this.accrue(t);
    this.phase = GROUND;
    this.splitH = Infinity;
    this.workHours = hours.always ? null : hours;
  }

  /** Ends the current phase at hour t and starts `first` for `h` hours, then `second`. */
  enterTwo(first: number, h: number, second: number, t: number): void {
    if (this.frozen) return;
    this.accrue(t);
    this.phase = first;
    this.splitH = h;
    this.then = second;
    this.workHours = null;
  }

  /** Counts the current phase's time up to hour t. */
  accrue(t: number): void {
    if (this.frozen) return;
    const from = this.since;
    const d = t - from;
    this.since = t;
    if (!(d > 0)) return;
    const ph = this.phase;
    if (ph === STOPPED) return;
    const wh = this.workHours;
    if (wh !== null) {
      const open = Math.max(0, Math.min(d, wh.openHoursBetween(from, t)));
      this.add(GROUND, open);
      if (d > open) this.add(CLOSED, d - open);
      return;
    }
    if (d < this.splitH) {
      this.add(ph, d);
      this.splitH -= d;
      return;
    }
    const f = this.splitH;
    this.add(ph, f);
    this.phase = this.then;
    this.splitH = Infinity;
    if (d > f) this.add(this.phase, d - f);
  }

  /** Counts time up to hour t and stops counting for good (the run is over). */
  freeze(t: number): void {
    this.accrue(t);
    this.frozen = true;
  }

  /** Moves `h` hours already counted under `from` to `to` (a wasted approach becomes ramp wait). */
  move(from: number, to: number, h: number): void {
    if (this.frozen) return;
    this.add(from, -h);
    this.add(to, h);
  }

  /** Starts a new sortie's totals for a base. */
  startSortie(baseTotal: number[] | null): void {
    if (this.frozen) return;
    const s = this.sortie;
    for (let i = 0; i < N_PHASES; i++) s[i] = 0;
    this.baseTotal = baseTotal;
  }

  private add(ph: number, d: number): void {
    this.total[ph]! += d;
    this.sortie[ph]! += d;
    const b = this.baseTotal;
    if (b !== null) b[ph]! += d;
  }
}
