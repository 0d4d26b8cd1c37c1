/**
 * The speed limit: a minimal callback-driven event loop on a binary min-heap, with no
 * processes, no event objects and no resources. Entries are ordered by (time, serial) and
 * kept in parallel arrays, the fastest layout we know in V8, so the ratio the engine is held
 * to is against a strong baseline.
 */
export type Callback = (loop: BareLoop) => void;

export class BareLoop {
  now = 0;
  private times = new Float64Array(1024);
  private serials = new Float64Array(1024);
  private fns: Callback[] = [];
  private n = 0;
  private serial = 0;

  /** Calls `fn` after `delay`. */
  schedule(delay: number, fn: Callback): void {
    if (this.n === this.times.length) this.grow();
    const t = this.now + delay;
    const s = this.serial++;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = this.times[p] as number;
      if (pt < t || (pt === t && (this.serials[p] as number) < s)) break;
      this.times[i] = pt;
      this.serials[i] = this.serials[p] as number;
      this.fns[i] = this.fns[p] as Callback;
      i = p;
    }
    this.times[i] = t;
    this.serials[i] = s;
    this.fns[i] = fn;
  }

  /** Runs callbacks in time order until none is left. */
  run(): void {
    while (this.n > 0) {
      const fn = this.fns[0] as Callback;
      this.now = this.times[0] as number;
      const last = --this.n;
      const t = this.times[last] as number;
      const s = this.serials[last] as number;
      const f = this.fns[last] as Callback;
      let i = 0;
      while (2 * i + 1 < last) {
        let c = 2 * i + 1;
        const r = c + 1;
        if (r < last && ((this.times[r] as number) < (this.times[c] as number) || ((this.times[r] as number) === (this.times[c] as number) && (this.serials[r] as number) < (this.serials[c] as number)))) c = r;
        const ct = this.times[c] as number;
        if (t < ct || (t === ct && s < (this.serials[c] as number))) break;
        this.times[i] = ct;
        this.serials[i] = this.serials[c] as number;
        this.fns[i] = this.fns[c] as Callback;
        i = c;
      }
      this.times[i] = t;
      this.serials[i] = s;
      this.fns[i] = f;
      fn(this);
    }
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    const serials = new Float64Array(this.serials.length * 2);
    serials.set(this.serials);
    this.times = times;
    this.serials = serials;
  }
}
