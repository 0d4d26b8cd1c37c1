/**
 * A store of items (aircraft loads, pallets) with an optional capacity. Gets may carry a
 * filter; a get whose filter matches nothing waits without blocking later getters (unlike a
 * FIFO queue), so a C-17 waiting for outsize cargo does not hold up a C-130 that takes pallets.
 */
import { SimEvent } from './event.ts';
import type { Environment } from './environment.ts';

export interface StoreOptions {
  /** Names the store in errors. */
  name: string;
  /** Maximum number of items; an integer >= 1 or Infinity (default). */
  capacity?: number;
}

/** A pending put of an item. */
export class StorePut<T> extends SimEvent<void> {
  readonly store: Store<T>;
  readonly item: T;

  constructor(store: Store<T>, item: T) {
    super(store.env);
    this.store = store;
    this.item = item;
  }

  override describe(): string {
    return `StorePut on Store "${this.store.name}"`;
  }
}

/** A pending get; its value is the item. */
export class StoreGet<T> extends SimEvent<T> {
  readonly store: Store<T>;
  readonly filter: ((item: T) => boolean) | null;

  constructor(store: Store<T>, filter: ((item: T) => boolean) | null) {
    super(store.env);
    this.store = store;
    this.filter = filter;
  }

  override describe(): string {
    return `StoreGet on Store "${this.store.name}"`;
  }
}

/** Items put in FIFO order and taken by the first getter whose filter accepts them. */
export class Store<T> {
  readonly env: Environment;
  readonly name: string;
  readonly capacity: number;
  private readonly _items: T[] = [];
  private readonly puts: StorePut<T>[] = [];
  private readonly gets: StoreGet<T>[] = [];

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
  put(item: T): StorePut<T> {
    const ev = new StorePut(this, item);
    this.puts.push(ev);
    this.settle();
    return ev;
  }

  /** Takes the oldest item that `filter` accepts (any item without a filter); throws if filter is not a function. */
  get(filter?: (item: T) => boolean): StoreGet<T> {
    if (filter !== undefined && typeof filter !== 'function') {
      throw new Error(`Store "${this.name}": get filter must be a function, got ${typeof filter}`);
    }
    const ev = new StoreGet<T>(this, filter ?? null);
    this.gets.push(ev);
    this.settle();
    return ev;
  }

  /** Withdraws a put or get that has not been served; returns whether it was waiting. */
  cancel(ev: StorePut<T> | StoreGet<T>): boolean {
    const q: SimEvent<any>[] = ev instanceof StorePut ? this.puts : this.gets;
    const i = q.indexOf(ev);
    if (i < 0) return false;
    q.splice(i, 1);
    this.settle();
    return true;
  }

  private settle(): void {
    const items = this._items;
    for (let progress = true; progress; ) {
      progress = false;
      while (this.puts.length > 0 && items.length < this.capacity) {
        const put = this.puts.shift() as StorePut<T>;
        items.push(put.item);
        put.succeed();
      }
      // Each getter in order takes the first item it accepts; a getter served nothing stays
      // queued but does not stop later getters from being served.
      for (let g = 0; g < this.gets.length && items.length > 0; ) {
        const get = this.gets[g] as StoreGet<T>;
        const filter = get.filter;
        const i = filter === null ? 0 : items.findIndex(filter);
        if (i < 0) {
          g++;
          continue;
        }
        const [item] = items.splice(i, 1);
        this.gets.splice(g, 1);
        get.succeed(item as T);
        progress = true;
      }
      if (this.puts.length === 0) progress = false;
    }
  }
}
