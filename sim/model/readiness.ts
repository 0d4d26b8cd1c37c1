/**
 * Cargo readiness at one base, evaluated lazily as a function of time.
 *
 * Semantics: each equipment class has `readyAtStart` of its tons ready at hour 0. The rest is
 * prepared at a rate drawn once per day (day d covers [24d, 24d + 24)), spread evenly over the
 * day (preparation is not tied to the airfield's operating hours), and prepared in loading order
 * (sensitive equipment first by default). A negative draw counts as zero.
 *
 * Why lazy: an event per base per day would cost more than the whole sortie cycle; instead the
 * day's draws are made on first need, in day order, so the numbers a base's stream gives do not
 * depend on when the model asks.
 */
import type { Sampler } from '../random/index.ts';
import type { Stream } from '../random/index.ts';

/** Tons prepared (beyond the tons ready at start) at one base, by time. */
export class Preparation {
  /** Tons that are not ready at start, all classes together. */
  readonly toPrepare: number;
  private readonly draw: Sampler;
  private readonly stream: () => Stream;
  private s: Stream | null = null;
  /** cum[d] = tons prepared by the start of day d (cum[0] = 0). */
  private readonly cum: number[] = [0];
  /** rate[d] = tons prepared during day d. */
  private readonly rate: number[] = [];
  /** Days beyond which no more are drawn (the horizon): nothing more becomes ready after it. */
  private readonly lastDay: number;

  /**
   * `toPrepare` tons, a per-day rate sampler, a lazily created stream (so a base with nothing to
   * prepare never creates one) and the horizon in hours.
   */
  constructor(toPrepare: number, draw: Sampler, stream: () => Stream, horizonH: number) {
    this.toPrepare = toPrepare;
    this.draw = draw;
    this.stream = stream;
    this.lastDay = Math.max(0, Math.ceil(horizonH / 24));
  }

  /** Tons prepared by model hour t (0 before the start, at most `toPrepare`). */
  preparedBy(t: number): number {
    if (this.toPrepare <= 0 || t <= 0) return 0;
    const d = Math.floor(t / 24);
    if (d > this.lastDay) return this.preparedBy(24 * this.lastDay + 24 - 1e-9);
    this.ensure(d);
    const x = (this.cum[d] as number) + ((this.rate[d] as number) * (t - 24 * d)) / 24;
    return x < this.toPrepare ? x : this.toPrepare;
  }

  /**
   * The first model hour >= now at which at least `tons` are prepared; `now` if already so,
   * Infinity if it does not happen by the horizon.
   */
  timeToPrepare(tons: number, now: number): number {
    if (tons <= 1e-9) return now;
    if (tons > this.toPrepare + 1e-9) return Infinity;
    if (this.preparedBy(now) >= tons - 1e-9) return now;
    let d = Math.max(0, Math.floor(now / 24));
    for (; d <= this.lastDay; d++) {
      this.ensure(d);
      if ((this.cum[d + 1] as number) >= tons - 1e-9) {
        const r = this.rate[d] as number;
        const t = 24 * d + (24 * (tons - (this.cum[d] as number))) / r;
        return t > now ? t : now;
      }
    }
    return Infinity;
  }

  /** Draws the rates of every day up to d, in order. */
  private ensure(d: number): void {
    const rate = this.rate;
    if (rate.length > d) return;
    if (this.s === null) this.s = this.stream();
    const cum = this.cum;
    while (rate.length <= d) {
      const r = this.draw(this.s);
      const x = r > 0 ? r : 0;
      rate.push(x);
      cum.push((cum[cum.length - 1] as number) + x);
    }
  }
}
