/**
 * A store of items (aircraft loads, pallets) with an optional capacity. Gets may carry a
 * filter; a get whose filter matches nothing waits without blocking later getters (unlike a
 * FIFO queue), so a C-17 waiting for outsize cargo does not hold up a C-130 that takes pallets.
 *
 * Puts and gets are plain `SimEvent`s, with their items and filters kept here in arrays beside
 * the queued events, not subclasses carrying them: see PLAIN EVENTS in event.ts.
 */
import { SimEvent } from './event.ts';
import { Fifo } from './fifo.ts';
import type { Environment } from './environment.ts';

export interface StoreOptions {
  /** Names the store in errors. */
  name: string;
  /** Maximum number of items; an integer >= 1 or Infinity (default). */
  capacity?: number;
}

/** Items put in FIFO order and taken by the first getter whose filter accepts them. */
export class Store<T> {
  readonly env: Environment;
  readonly name: string;
  readonly capacity: number;
  private readonly _items = new Fifo<T>();
  /** Waiting puts and, at the same position, their items. */
  private readonly puts = new Fifo<SimEvent<void>>();
  private readonly putItems = new Fifo<T>();
  /** Waiting gets and, at the same position, their filters. */
  private readonly gets = new Fifo<SimEvent<T>>();
  private readonly getFilters = new Fifo<((item: T) => boolean) | null>();

  /** Creates a store; throws if capacity is not an integer >= 1 or Infinity. */
  constructor(env: Environment, options: StoreOptions) {
    this.env = env;
    this.name = options.name;
    if (typeof this.name !== 'string' || this.name === '') throw new Error(`Store: name must be a non-empty string, got ${String(this.name)}`);
    const capacity = options.capacity ?? Infinity;
    if (!(capacity >= 1) || !(Number.isInteger(capacity) || capacity === Infinity)) {
      throw new Error(`Store "${this.name}": capacity must be >= 1, got ${String(capacity)}`);
    }
    this.capacity = capacity;
  }

  /** A copy of the items in the store, oldest first. */
  get items(): T[] {
    return this._items.toArray();
  }

  /** Number of waiting gets. */
  get getQueueLength(): number {
    return this.gets.size;
  }

  /** Number of waiting puts. */
  get putQueueLength(): number {
    return this.puts.size;
  }

  /** Adds `item` when there is room. */
  put(item: T): SimEvent<void> {
    const ev = new SimEvent<void>(this.env);
    this.puts.push(ev);
    this.putItems.push(item);
    this.settle();
    return ev;
  }

  /** Takes the oldest item that `filter` accepts (any item without a filter); throws if filter is not a function. */
  get(filter?: (item: T) => boolean): SimEvent<T> {
    if (filter !== undefined && typeof filter !== 'function') {
      throw new Error(`Store "${this.name}": get filter must be a function, got ${typeof filter}`);
    }
    const ev = new SimEvent<T>(this.env);
    this.gets.push(ev);
    this.getFilters.push(filter ?? null);
    this.settle();
    return ev;
  }

  /** Withdraws a put or get that has not been served; returns whether it was waiting. */
  cancel(ev: SimEvent<any>): boolean {
    let i = this.puts.indexOf(ev);
    if (i >= 0) {
      this.puts.removeAt(i);
      this.putItems.removeAt(i);
    } else {
      i = this.gets.indexOf(ev);
      if (i < 0) return false;
      this.gets.removeAt(i);
      this.getFilters.removeAt(i);
    }
    this.settle();
    return true;
  }

  private settle(): void {
    const items = this._items;
    for (let progress = true; progress; ) {
      progress = false;
      while (this.puts.size > 0 && items.size < this.capacity) {
        items.push(this.putItems.shift() as T);
        (this.puts.shift() as SimEvent<void>).succeed();
      }
      // Each getter in order takes the first item it accepts; a getter served nothing stays
      // queued but does not stop later getters from being served.
      for (let g = 0; g < this.gets.size && items.size > 0; ) {
        const filter = this.getFilters.at(g) ?? null;
        const i = filter === null ? 0 : firstMatch(items, filter);
        if (i < 0) {
          g++;
          continue;
        }
        const item = items.removeAt(i) as T;
        this.getFilters.removeAt(g);
        (this.gets.removeAt(g) as SimEvent<T>).succeed(item);
        progress = true;
      }
      if (this.puts.size === 0) progress = false;
    }
  }
}

/** Position of the first item `filter` accepts, or -1. */
function firstMatch<T>(items: Fifo<T>, filter: (item: T) => boolean): number {
  const n = items.size;
  for (let i = 0; i < n; i++) if (filter(items.at(i) as T)) return i;
  return -1;
}
