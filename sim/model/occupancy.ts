/**
 * Time-integrated occupancy by day (day d = model hours [24d, 24d + 24)).
 *
 * Why an accumulator instead of per-day sampling events: each change integrates the current
 * count over the days it spans, so a day's mean costs nothing unless something moved.
 */

/** Spot-hours held per day, from a count that changes at discrete instants. */
export class DayOccupancy {
  private count: number;
  private lastT = 0;
  /** area[d] = spot-hours held during day d. */
  private readonly area: number[] = [];

  constructor(initial: number) {
    this.count = initial;
  }

  /** Changes the count by `delta` at hour t (t never goes back). */
  change(t: number, delta: number): void {
    this.integrate(t);
    this.count += delta;
  }

  /** Mean count during each day 0..days-1, the run having ended at hour endT. */
  means(days: number, endT: number): number[] {
    this.integrate(endT);
    const out = new Array<number>(days);
    for (let d = 0; d < days; d++) {
      const span = Math.min(24, endT - 24 * d);
      out[d] = span > 0 ? (this.area[d] ?? 0) / span : 0;
    }
    return out;
  }

  private integrate(t: number): void {
    const from = this.lastT;
    if (t <= from) return;
    this.lastT = t;
    const n = this.count;
    if (n === 0) return;
    const area = this.area;
    let a = from;
    let d = Math.floor(a / 24);
    while (a < t) {
      const end = Math.min(t, 24 * d + 24);
      while (area.length <= d) area.push(0);
      area[d]! += n * (end - a);
      a = end;
      d++;
    }
  }
}
