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
    const out = new Array<number>(days).fill(0);
    const at = this.at;
    const n = at.length;
    let count = this.initial;
    let i = 0;
    let t = 0;
    for (let d = 0; d < days; d++) {
      const dayEnd = Math.min(24 * d + 24, endT);
      let area = 0;
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
      const span = dayEnd - 24 * d;
      out[d] = span > 0 ? area / span : 0;
    }
    return out;
  }
}
