/**
 * The schedule's binary min-heap, ordered by (time, key).
 *
 * Why parallel typed arrays instead of an array of entry objects: the hot loop pushes and pops
 * millions of entries, and struct-of-arrays keeps every comparison on unboxed doubles with no
 * allocation per entry. The key is the environment's serial number (it encodes priority as well
 * when needed), so equal times pop in insertion order and runs are deterministic.
 */
export class EventHeap<T> {
  private times: Float64Array;
  private keys: Float64Array;
  private items: (T | undefined)[];
  private n = 0;

  constructor(initialCapacity = 64) {
    this.times = new Float64Array(initialCapacity);
    this.keys = new Float64Array(initialCapacity);
    this.items = new Array<T | undefined>(initialCapacity).fill(undefined);
  }

  /** Number of entries. */
  get size(): number {
    return this.n;
  }

  /** Time of the smallest entry, Infinity when empty. */
  topTime(): number {
    return this.n === 0 ? Infinity : (this.times[0] as number);
  }

  /** Adds an item at (time, key); keys must be unique for a deterministic order. */
  push(time: number, key: number, item: T): void {
    if (this.n === this.times.length) this.grow();
    const times = this.times;
    const keys = this.keys;
    const items = this.items;
    // Sift up with a hole: move parents down until the new entry fits.
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p] as number;
      if (pt < time || (pt === time && (keys[p] as number) < key)) break;
      times[i] = pt;
      keys[i] = keys[p] as number;
      items[i] = items[p];
      i = p;
    }
    times[i] = time;
    keys[i] = key;
    items[i] = item;
  }

  /** Removes and returns the smallest item; undefined when empty. */
  pop(): T | undefined {
    const n = this.n;
    if (n === 0) return undefined;
    const items = this.items;
    const top = items[0];
    const last = n - 1;
    this.n = last;
    if (last === 0) {
      items[0] = undefined;
      return top;
    }
    const times = this.times;
    const keys = this.keys;
    const t = times[last] as number;
    const k = keys[last] as number;
    const it = items[last];
    items[last] = undefined;
    // Sift down with a hole from the root.
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      let ct = times[c] as number;
      let ck = keys[c] as number;
      const r = c + 1;
      if (r < last) {
        const rt = times[r] as number;
        const rk = keys[r] as number;
        if (rt < ct || (rt === ct && rk < ck)) {
          c = r;
          ct = rt;
          ck = rk;
        }
      }
      if (t < ct || (t === ct && k < ck)) break;
      times[i] = ct;
      keys[i] = ck;
      items[i] = items[c];
      i = c;
    }
    times[i] = t;
    keys[i] = k;
    items[i] = it;
    return top;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    times.set(this.times);
    const keys = new Float64Array(cap);
    keys.set(this.keys);
    this.times = times;
    this.keys = keys;
    for (let i = this.items.length; i < cap; i++) this.items.push(undefined);
  }
}
