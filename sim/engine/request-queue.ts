/**
 * The waiting line of a resource: requests sorted by (priority, serial), served from the head.
 *
 * An array with a moving head: serving is an index increment (Array.shift copies), and the
 * common case, a request no better than the last one, is a push. Only a request that jumps
 * the line pays for a sorted insert.
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
  private items: (T | undefined)[] = [];
  private head = 0;

  /** Number of waiting requests. */
  get size(): number {
    return this.items.length - this.head;
  }

  /** The next request to serve, or undefined. */
  peek(): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  /** Removes and returns the next request to serve, or undefined. */
  shift(): T | undefined {
    const items = this.items;
    if (this.head === items.length) return undefined;
    const item = items[this.head];
    items[this.head++] = undefined;
    if (this.head === items.length) {
      items.length = 0;
      this.head = 0;
    } else if (this.head >= 64 && this.head * 2 >= items.length) {
      items.copyWithin(0, this.head);
      items.length -= this.head;
      this.head = 0;
    }
    return item;
  }

  /** Inserts `item` at its place in (priority, serial) order. */
  insert(item: T): void {
    const items = this.items;
    const n = items.length;
    if (n === this.head || !servedBefore(item, items[n - 1] as T)) {
      items.push(item);
      return;
    }
    let lo = this.head;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (servedBefore(item, items[mid] as T)) hi = mid;
      else lo = mid + 1;
    }
    items.splice(lo, 0, item);
  }

  /** Removes `item` if it is waiting; returns whether it was. */
  remove(item: T): boolean {
    const i = this.items.indexOf(item, this.head);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }

  /** A copy of the waiting requests in serving order. */
  toArray(): T[] {
    return this.items.slice(this.head) as T[];
  }
}
