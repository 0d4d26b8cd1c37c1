/**
 * A first-in first-out queue on a power-of-two ring buffer.
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
