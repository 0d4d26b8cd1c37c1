/**
 * Time-integrated occupancy by day (day d = model hours [24d, 24d + 24)).
 *
 * Why a change log instead of per-day sampling events or per-change integration: a change costs
 * two array pushes, and the day means are computed once, after the run, in one sweep.
 */

/** A count that changes at discrete instants, and its mean per day. */
export class DayOccupancy {
  private readonly initial: number;
  /** Change instants (non-decreasing) and the count's change at each. */
  private readonly at: number[] = [];
  private readonly delta: number[] = [];

  constructor(initial: number) {
    this.initial = initial;
  }

  /** Changes the count by `delta` at hour t (t never goes back). */
  change(t: number, delta: number): void {
    this.at.push(t);
    this.delta.push(delta);
  }

  /** Mean count during each day 0..days-1, the run having ended at hour endT (later changes ignored). */
  means(days: number, endT: number): number[] {
    const out = new Array<number>(days);
    const sweep = this.sweep();
    for (let d = 0; d < days; d++) out[d] = sweep.dayMean(d, endT);
    return out;
  }

  /** A cursor that gives the day means in day order without building an array. */
  sweep(): DaySweep {
    return new DaySweep(this.initial, this.at, this.delta);
  }
}

/** Walks a change log day by day (days must be asked for in increasing order). */
export class DaySweep {
  private count: number;
  private i = 0;
  private t = 0;
  private readonly at: number[];
  private readonly delta: number[];

  constructor(initial: number, at: number[], delta: number[]) {
    this.count = initial;
    this.at = at;
    this.delta = delta;
  }

  /** Mean count during day d, counting nothing after endT. */
  dayMean(d: number, endT: number): number {
    const dayEnd = Math.min(24 * d + 24, endT);
    const at = this.at;
    const n = at.length;
    let area = 0;
    let t = this.t;
    let count = this.count;
    let i = this.i;
    for (; i < n && at[i]! < dayEnd; i++) {
      const x = at[i]!;
      area += count * (x - t);
      t = x;
      count += this.delta[i]!;
    }
    if (dayEnd > t) {
      area += count * (dayEnd - t);
      t = dayEnd;
    }
    this.i = i;
    this.t = t;
    this.count = count;
    const span = dayEnd - 24 * d;
    return span > 0 ? area / span : 0;
  }
}
