/**
 * A store of items (aircraft loads, pallets) with an optional capacity. Gets may carry a
 * filter; a get whose filter matches nothing waits without blocking later getters (unlike a
 * FIFO queue), so a C-17 waiting for outsize cargo does not hold up a C-130 that takes pallets.
 *
 * Puts and gets are plain `SimEvent`s, with their items and filters kept here in arrays beside
 * the queued events, not subclasses carrying them: see PLAIN EVENTS in event.ts.
 */
import { SimEvent } from './event.ts';
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
  private readonly _items: T[] = [];
  /** Waiting puts and, at the same index, their items. */
  private readonly puts: SimEvent<void>[] = [];
  private readonly putItems: T[] = [];
  /** Waiting gets and, at the same index, their filters. */
  private readonly gets: SimEvent<T>[] = [];
  private readonly getFilters: (((item: T) => boolean) | null)[] = [];

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

  /** The items in the store, oldest first (do not mutate). */
  get items(): readonly T[] {
    return this._items;
  }

  /** Number of waiting gets. */
  get getQueueLength(): number {
    return this.gets.length;
  }

  /** Number of waiting puts. */
  get putQueueLength(): number {
    return this.puts.length;
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
      this.puts.splice(i, 1);
      this.putItems.splice(i, 1);
    } else {
      i = this.gets.indexOf(ev);
      if (i < 0) return false;
      this.gets.splice(i, 1);
      this.getFilters.splice(i, 1);
    }
    this.settle();
    return true;
  }

  private settle(): void {
    const items = this._items;
    for (let progress = true; progress; ) {
      progress = false;
      while (this.puts.length > 0 && items.length < this.capacity) {
        const put = this.puts.shift() as SimEvent<void>;
        items.push(this.putItems.shift() as T);
        put.succeed();
      }
      // Each getter in order takes the first item it accepts; a getter served nothing stays
      // queued but does not stop later getters from being served.
      for (let g = 0; g < this.gets.length && items.length > 0; ) {
        const filter = this.getFilters[g] ?? null;
        const i = filter === null ? 0 : items.findIndex(filter);
        if (i < 0) {
          g++;
          continue;
        }
        const item = items[i] as T;
        if (i === 0) items.shift();
        else items.splice(i, 1);
        const get = this.gets[g] as SimEvent<T>;
        if (g === 0) {
          this.gets.shift();
          this.getFilters.shift();
        } else {
          this.gets.splice(g, 1);
          this.getFilters.splice(g, 1);
        }
        get.succeed(item);
        progress = true;
      }
      if (this.puts.length === 0) progress = false;
    }
  }
}
