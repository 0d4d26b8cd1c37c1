/**
 * Where an aircraft's time goes: phase numbers and the accounting of time spent in each.
 *
 * Time is accrued when a phase ends, into the aircraft's totals, its current base's totals and
 * the current sortie's totals, so the budget at the end is exact even when a run stops in the
 * middle of a phase.
 */

export const CLEARANCE = 0;
export const RAMP = 1;
export const GROUND = 2;
export const FLYING = 3;
export const HUB = 4;
export const DOWN = 5;
export const CARGO = 6;
/** Nothing left to do: time is no longer counted. */
export const STOPPED = 7;
export const N_PHASES = 7;

/** Phase names for traces and stop causes. */
export const PHASE_NAMES = ['clearance', 'ramp', 'ground', 'flying', 'hub', 'down', 'cargo', 'stopped'] as const;

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
  // Plain arrays of doubles: cheaper to create than typed arrays, as fast to update.
  readonly total: number[] = [0, 0, 0, 0, 0, 0, 0];
  readonly sortie: number[] = [0, 0, 0, 0, 0, 0, 0];
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
  }

  /** Ends the current phase at hour t and starts `first` for `h` hours, then `second`. */
  enterTwo(first: number, h: number, second: number, t: number): void {
    if (this.frozen) return;
    this.accrue(t);
    this.phase = first;
    this.splitH = h;
    this.then = second;
  }

  /** Counts the current phase's time up to hour t. */
  accrue(t: number): void {
    if (this.frozen) return;
    const d = t - this.since;
    this.since = t;
    if (!(d > 0)) return;
    const ph = this.phase;
    if (ph === STOPPED) return;
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
