/**
 * The waiting line of a resource: requests sorted by (priority, serial), served from the head.
 *
 * A power-of-two ring buffer: serving is an index increment, and the common case, a request
 * no better than the last one, is a store at the tail. Only a request that jumps the line
 * pays for moving the ones behind it. (An array with shift() or a `length = 0` reset cost
 * several percent of the M/M/1 hot loop.)
 */
export interface Queued {
  readonly priority: number;
  readonly serial: number;
}

/** Whether `a` is served before `b`: lower priority first, then earlier request. */
export function servedBefore(a: Queued, b: Queued): boolean {
  return a.priority < b.priority || (a.priority === b.priority && a.serial < b.serial);
}

export class RequestQueue<T extends Queued> {
  private items: (T | undefined)[] = new Array<T | undefined>(16).fill(undefined);
  private mask = 15;
  private head = 0;
  private n = 0;

  /** Number of waiting requests. */
  get size(): number {
    return this.n;
  }

  /** The next request to serve, or undefined. */
  peek(): T | undefined {
    return this.n === 0 ? undefined : this.items[this.head];
  }

  /** Removes and returns the next request to serve, or undefined. */
  shift(): T | undefined {
    if (this.n === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.n--;
    return item;
  }

  /** Inserts `item` at its place in (priority, serial) order. */
  insert(item: T): void {
    if (this.n === this.items.length) this.grow();
    const n = this.n;
    // Common case, kept small for inlining: the item goes to the back of the line.
    if (n !== 0 && servedBefore(item, this.items[(this.head + n - 1) & this.mask] as T)) this.insertSorted(item);
    else {
      this.items[(this.head + n) & this.mask] = item;
      this.n = n + 1;
    }
  }

  private insertSorted(item: T): void {
    const items = this.items;
    const mask = this.mask;
    let i = this.n; // logical position, moved down while item is served before its predecessor
    while (i > 0) {
      const prev = items[(this.head + i - 1) & mask] as T;
      if (!servedBefore(item, prev)) break;
      items[(this.head + i) & mask] = prev;
      i--;
    }
    items[(this.head + i) & mask] = item;
    this.n++;
  }

  /** Removes `item` if it is waiting; returns whether it was. */
  remove(item: T): boolean {
    const items = this.items;
    const mask = this.mask;
    let i = 0;
    while (i < this.n && items[(this.head + i) & mask] !== item) i++;
    if (i === this.n) return false;
    for (; i < this.n - 1; i++) items[(this.head + i) & mask] = items[(this.head + i + 1) & mask];
    items[(this.head + this.n - 1) & mask] = undefined;
    this.n--;
    return true;
  }

  /** A copy of the waiting requests in serving order. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.n; i++) out.push(this.items[(this.head + i) & this.mask] as T);
    return out;
  }

  private grow(): void {
    const old = this.items;
    const items = new Array<T | undefined>(old.length * 2).fill(undefined);
    for (let i = 0; i < this.n; i++) items[i] = old[(this.head + i) & this.mask];
    this.items = items;
    this.head = 0;
    this.mask = items.length - 1;
  }
}
