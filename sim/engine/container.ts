/**
 * A container: a continuous level between 0 and a capacity (tons ready, fuel), with puts and
 * gets that wait until they fit. Both queues are strictly FIFO: a large get at the head
 * waits for enough stock and later gets do not overtake it.
 *
 * Amounts are compared with a relative tolerance of one part in a billion, so that float
 * arithmetic does not strand a get of exactly what is left (after put(0.3) and get(0.1) the sum
 * is 0.19999999999999998, and SimPy's get(0.2) would wait for ever); the level is clamped to
 * [0, capacity].
 *
 * Puts and gets are plain `SimEvent`s, with their amounts kept here in arrays beside the queued
 * events, not subclasses carrying them: see PLAIN EVENTS in event.ts.
 */
import { SimEvent } from './event.ts';
import { Fifo } from './fifo.ts';
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
  /** Waiting puts and, at the same position, their amounts. */
  private readonly puts = new Fifo<SimEvent<void>>();
  private readonly putAmounts = new Fifo<number>();
  /** Waiting gets and, at the same position, their amounts. */
  private readonly gets = new Fifo<SimEvent<void>>();
  private readonly getAmounts = new Fifo<number>();

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
    return this.puts.size;
  }

  /** Number of waiting gets. */
  get getQueueLength(): number {
    return this.gets.size;
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
        events.removeAt(i);
        amounts.removeAt(i);
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
      for (let a = this.putAmounts.peek(); a !== undefined && fits(this._level + a, this.capacity); a = this.putAmounts.peek()) {
        this._level = Math.min(this.capacity, this._level + a);
        this.putAmounts.shift();
        (this.puts.shift() as SimEvent<void>).succeed();
        progress = true;
      }
      for (let a = this.getAmounts.peek(); a !== undefined && fits(a, this._level); a = this.getAmounts.peek()) {
        this._level = Math.max(0, this._level - a);
        this.getAmounts.shift();
        (this.gets.shift() as SimEvent<void>).succeed();
        progress = true;
      }
    }
  }
}

/** Whether `x` <= `limit`, within one part in a billion of the larger. */
function fits(x: number, limit: number): boolean {
  return x <= limit + 1e-9 * Math.max(Math.abs(x), Math.abs(limit));
}
