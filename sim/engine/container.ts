/**
 * A container: a continuous level between 0 and a capacity (tons ready, fuel), with puts and
 * gets that wait until they fit. Both queues are strictly FIFO: a large get at the head
 * waits for enough stock and later gets do not overtake it.
 *
 * Puts and gets are plain `SimEvent`s, with their amounts kept here in arrays beside the queued
 * events, not subclasses carrying them: see PLAIN EVENTS in event.ts.
 */
import { SimEvent } from './event.ts';
import type { Environment } from './environment.ts';

export interface ContainerOptions {
  /** Names the container in errors. */
  name: string;
  /** Maximum level; default Infinity. */
  capacity?: number;
  /** Initial level; default 0. */
  init?: number;
}

/** A level with a capacity, filled by puts and drained by gets. */
export class Container {
  readonly env: Environment;
  readonly name: string;
  readonly capacity: number;
  private _level: number;
  /** Waiting puts and, at the same index, their amounts. */
  private readonly puts: SimEvent<void>[] = [];
  private readonly putAmounts: number[] = [];
  /** Waiting gets and, at the same index, their amounts. */
  private readonly gets: SimEvent<void>[] = [];
  private readonly getAmounts: number[] = [];

  /** Creates a container; throws if capacity is not > 0 or init is outside [0, capacity]. */
  constructor(env: Environment, options: ContainerOptions) {
    this.env = env;
    this.name = options.name;
    if (typeof this.name !== 'string' || this.name === '') throw new Error(`Container: name must be a non-empty string, got ${String(this.name)}`);
    const capacity = options.capacity ?? Infinity;
    if (typeof capacity !== 'number' || !(capacity > 0)) {
      throw new Error(`Container "${this.name}": capacity must be > 0, got ${String(capacity)}`);
    }
    const init = options.init ?? 0;
    if (typeof init !== 'number' || !(init >= 0) || init > capacity) {
      throw new Error(`Container "${this.name}": init must be between 0 and capacity ${capacity}, got ${String(init)}`);
    }
    this.capacity = capacity;
    this._level = init;
  }

  /** The current level. */
  get level(): number {
    return this._level;
  }

  /** Number of waiting puts. */
  get putQueueLength(): number {
    return this.puts.length;
  }

  /** Number of waiting gets. */
  get getQueueLength(): number {
    return this.gets.length;
  }

  /** Adds `amount` when it fits; throws unless 0 < amount <= capacity and finite. */
  put(amount: number): SimEvent<void> {
    this.checkAmount(amount, 'put');
    const ev = new SimEvent<void>(this.env);
    this.puts.push(ev);
    this.putAmounts.push(amount);
    this.settle();
    return ev;
  }

  /** Removes `amount` when the level allows; throws unless 0 < amount <= capacity and finite. */
  get(amount: number): SimEvent<void> {
    this.checkAmount(amount, 'get');
    const ev = new SimEvent<void>(this.env);
    this.gets.push(ev);
    this.getAmounts.push(amount);
    this.settle();
    return ev;
  }

  /** Withdraws a put or get that has not been served; returns whether it was waiting. */
  cancel(ev: SimEvent<any>): boolean {
    for (const [events, amounts] of [[this.puts, this.putAmounts], [this.gets, this.getAmounts]] as const) {
      const i = events.indexOf(ev);
      if (i >= 0) {
        events.splice(i, 1);
        amounts.splice(i, 1);
        this.settle();
        return true;
      }
    }
    return false;
  }

  private checkAmount(amount: number, what: string): void {
    if (typeof amount !== 'number' || !(amount > 0) || !Number.isFinite(amount) || amount > this.capacity) {
      throw new Error(`Container "${this.name}": ${what} amount must be > 0, finite and <= capacity ${this.capacity}, got ${String(amount)}`);
    }
  }

  private settle(): void {
    for (let progress = true; progress; ) {
      progress = false;
      while (this.puts.length > 0 && this._level + (this.putAmounts[0] as number) <= this.capacity) {
        this._level += this.putAmounts.shift() as number;
        (this.puts.shift() as SimEvent<void>).succeed();
        progress = true;
      }
      while (this.gets.length > 0 && (this.getAmounts[0] as number) <= this._level) {
        this._level -= this.getAmounts.shift() as number;
        (this.gets.shift() as SimEvent<void>).succeed();
        progress = true;
      }
    }
  }
}
