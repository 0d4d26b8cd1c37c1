/**
 * A first-in first-out queue on a power-of-two ring buffer (the schedule's now-queues, and the
 * lines of stores and containers, which may also take an item out of the middle).
 *
 * Why not an array with push/shift: shift is linear in the worst case and resetting
 * `length` to reuse the array showed up at 5% of the hot loop; a ring costs two index
 * updates per item and never reallocates once it has grown to the working size.
 */
export class Fifo<T> {
  private items: (T | undefined)[];
  private mask: number;
  private head = 0;
  private tail = 0;

  constructor(initialCapacity = 16) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.items = new Array<T | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
  }

  /** Number of items. */
  get size(): number {
    return (this.tail - this.head) & this.mask;
  }

  /** Whether the queue is empty. */
  isEmpty(): boolean {
    return this.head === this.tail;
  }

  /** Appends an item. */
  push(item: T): void {
    this.items[this.tail] = item;
    this.tail = (this.tail + 1) & this.mask;
    if (this.tail === this.head) this.grow();
  }

  /** Removes and returns the oldest item; undefined when empty. */
  shift(): T | undefined {
    if (this.head === this.tail) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    return item;
  }

  /** The oldest item without removing it; undefined when empty. */
  peek(): T | undefined {
    return this.head === this.tail ? undefined : this.items[this.head];
  }

  /** The item at position `i` from the oldest (0), undefined outside 0 .. size-1. */
  at(i: number): T | undefined {
    return i >= 0 && i < this.size ? this.items[(this.head + i) & this.mask] : undefined;
  }

  /** Position of `item` from the oldest, or -1. */
  indexOf(item: T): number {
    const n = this.size;
    for (let i = 0; i < n; i++) if (this.items[(this.head + i) & this.mask] === item) return i;
    return -1;
  }

  /** Removes and returns the item at position `i` (0 = oldest), moving the younger ones up; undefined outside 0 .. size-1. */
  removeAt(i: number): T | undefined {
    const n = this.size;
    if (!(i >= 0 && i < n)) return undefined;
    if (i === 0) return this.shift();
    const items = this.items;
    const mask = this.mask;
    const item = items[(this.head + i) & mask];
    for (let k = i; k < n - 1; k++) items[(this.head + k) & mask] = items[(this.head + k + 1) & mask];
    this.tail = (this.tail - 1) & mask;
    items[this.tail] = undefined;
    return item;
  }

  /** A copy of the items, oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    const n = this.size;
    for (let i = 0; i < n; i++) out.push(this.items[(this.head + i) & this.mask] as T);
    return out;
  }

  private grow(): void {
    // Called when full (tail caught up with head): unroll into a buffer twice the size.
    const old = this.items;
    const cap = old.length;
    const items = new Array<T | undefined>(cap * 2).fill(undefined);
    for (let i = 0; i < cap; i++) items[i] = old[(this.head + i) & this.mask];
    this.items = items;
    this.head = 0;
    this.tail = cap;
    this.mask = cap * 2 - 1;
  }
}
