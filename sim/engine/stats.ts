/**
 * Statistics collected during a run: time-weighted (queue length, spots in use) and tallies
 * (waits, turnaround times).
 */
import type { Environment } from './environment.ts';
import { tQuantile975 } from './student-t.ts';

/** Time-weighted average of a piecewise-constant quantity, from its creation time on. */
export class TimeWeighted {
  private readonly env: Environment;
  private readonly start: number;
  private lastT: number;
  private area = 0;
  private _current: number;
  private _max: number;
  private _min: number;

  /** Starts tracking at env.now with `initial`; throws if it is not finite. */
  constructor(env: Environment, initial = 0) {
    checkFinite('TimeWeighted', initial);
    this.env = env;
    this.start = env.now;
    this.lastT = env.now;
    this._current = initial;
    this._max = initial;
    this._min = initial;
  }

  /** The value now. */
  get current(): number {
    return this._current;
  }

  /** The largest value seen. */
  get max(): number {
    return this._max;
  }

  /** The smallest value seen. */
  get min(): number {
    return this._min;
  }

  /** Records that the quantity is `value` from now on; throws if it is not finite. */
  update(value: number): void {
    checkFinite('TimeWeighted', value);
    const now = this.env.now;
    this.area += this._current * (now - this.lastT);
    this.lastT = now;
    this._current = value;
    if (value > this._max) this._max = value;
    if (value < this._min) this._min = value;
  }

  /** Time average from creation to `untilNow` (default env.now); the current value over a zero-length span. */
  mean(untilNow: number = this.env.now): number {
    if (untilNow < this.lastT) {
      throw new Error(`TimeWeighted: mean(untilNow) needs a time >= the last update (${this.lastT}), got ${untilNow}`);
    }
    const span = untilNow - this.start;
    if (span <= 0) return this._current;
    return (this.area + this._current * (untilNow - this.lastT)) / span;
  }
}

/** Running count, mean and variance of observations (Welford's method, stable for long runs). */
export class Tally {
  readonly name: string;
  private n = 0;
  private _mean = 0;
  private m2 = 0;
  private _min = Infinity;
  private _max = -Infinity;

  constructor(name = 'Tally') {
    this.name = name;
  }

  /** Adds one observation; throws if it is not finite. */
  add(x: number): void {
    checkFinite(`Tally "${this.name}"`, x);
    const n = ++this.n;
    const d = x - this._mean;
    this._mean += d / n;
    this.m2 += d * (x - this._mean);
    if (x < this._min) this._min = x;
    if (x > this._max) this._max = x;
  }

  /** Number of observations. */
  get count(): number {
    return this.n;
  }

  /** Mean, NaN when empty. */
  get mean(): number {
    return this.n === 0 ? NaN : this._mean;
  }

  /** Sample variance (n - 1 denominator), NaN with fewer than 2 observations. */
  get variance(): number {
    return this.n < 2 ? NaN : this.m2 / (this.n - 1);
  }

  /** Sample standard deviation, NaN with fewer than 2 observations. */
  get stdev(): number {
    return Math.sqrt(this.variance);
  }

  /** Smallest observation, Infinity when empty. */
  get min(): number {
    return this._min;
  }

  /** Largest observation, -Infinity when empty. */
  get max(): number {
    return this._max;
  }

  /** Half-width of the 95% Student-t confidence interval of the mean, NaN with fewer than 2 observations. */
  halfWidth95(): number {
    if (this.n < 2) return NaN;
    return (tQuantile975(this.n - 1) * this.stdev) / Math.sqrt(this.n);
  }
}

function checkFinite(who: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`${who}: value must be a finite number, got ${String(x)}`);
}
