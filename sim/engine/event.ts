/**
 * Events: the things a process waits for.
 *
 * An event is pending, then triggered (it has a value or an error and sits in the schedule),
 * then processed (its waiters have run). Waiters are kept in one process slot plus an optional
 * list, because almost every event has exactly one waiter, a process, and a list or a closure
 * per event would dominate the hot loop's allocation.
 *
 * PLAIN EVENTS. Only three classes of event reach the loop: `SimEvent` itself (timeouts, manual
 * events, all-of, any-of, store and container puts and gets, interrupts), `Process` and
 * `Request`. V8 caches a property access for up to four object shapes; a fifth makes the loop's
 * accesses megamorphic, and measured that costs the whole run about 4x (the M/M/1 fell from 4.5
 * to 1.2 M events/s once two more event subclasses had passed through the loop, for the rest of
 * the process). So stores and containers keep their items and amounts beside their queued
 * events instead of subclassing, and a model may add at most one event subclass of its own.
 */
import type { Environment } from './environment.ts';
import type { Process } from './process.ts';

/**
 * An event's lifecycle state and outcome share one small-integer field, `_flags`: the state in
 * the low two bits, then a failed bit and a defused bit. One field instead of three because
 * every field costs 8 bytes on each of the ~4 events a process-per-customer model allocates per
 * customer, and allocation volume measurably sets the hot loop's speed.
 */
export const PENDING = 0;
export const TRIGGERED = 1;
export const PROCESSED = 2;
/** Mask of the lifecycle state bits of `_flags`. */
export const STATE = 3;
/** Set in `_flags` when the event failed (its `_value` is the error). */
export const FAILED = 4;
/** Set in `_flags` when a failure was handled, so the run must not stop on it. */
export const DEFUSED = 8;

/** A callback run when an event is processed. */
export type EventCallback<T = unknown> = (event: SimEvent<T>) => void;

/** Something the loop resumes with an event (a process, a condition's check). */
export interface Resumable {
  _resume(ev: SimEvent<any>): void;
}

/** A waiter on an event's list: a process or a condition's check to resume, or a plain callback. */
export type Waiter = Process<any> | Resumable | EventCallback<any>;

/** An occurrence at a point in simulated time that processes can yield to wait for. */
export class SimEvent<T = unknown> {
  readonly env: Environment;
  /** @internal value on success, error on failure */
  _value: unknown = undefined;
  /** @internal state (PENDING, TRIGGERED or PROCESSED) | FAILED | DEFUSED */
  _flags = PENDING;
  /** @internal the first waiting process */
  _proc: Process<any> | null = null;
  /** @internal further waiters, in the order they were added */
  _waiters: Waiter[] | null = null;

  constructor(env: Environment) {
    this.env = env;
  }

  /** True once the event has succeeded or failed (it may not be processed yet). */
  get triggered(): boolean {
    return (this._flags & STATE) !== PENDING;
  }

  /** True once the event's waiters have run. */
  get processed(): boolean {
    return (this._flags & STATE) === PROCESSED;
  }

  /** Whether the event succeeded; throws if it has not triggered yet. */
  get ok(): boolean {
    if ((this._flags & STATE) === PENDING) throw new Error(`${this.describe()}: ok is not known before it triggers`);
    return (this._flags & FAILED) === 0;
  }

  /** The success value (or the failure's error); throws if the event has not triggered yet. */
  get value(): T {
    if ((this._flags & STATE) === PENDING) throw new Error(`${this.describe()}: value is not available before it triggers`);
    return this._value as T;
  }

  /** Triggers the event with a value now; throws if it already triggered. */
  succeed(value?: T): this {
    if ((this._flags & STATE) !== PENDING) throw new Error(`${this.describe()}: already triggered, cannot succeed`);
    this._value = value;
    this.env._scheduleNow(this);
    return this;
  }

  /** Triggers the event with an error now (it is thrown into waiting processes); throws if it already triggered. */
  fail(error: unknown): this {
    if ((this._flags & STATE) !== PENDING) throw new Error(`${this.describe()}: already triggered, cannot fail`);
    this._flags |= FAILED;
    this._value = error;
    this.env._scheduleNow(this);
    return this;
  }

  /** Marks a failure as handled so that the run does not stop on it. */
  defuse(): void {
    this._flags |= DEFUSED;
  }

  /** Runs `callback` when the event is processed; throws if it has been processed already. */
  addCallback(callback: EventCallback<T>): void {
    if ((this._flags & STATE) === PROCESSED) throw new Error(`${this.describe()}: already processed, cannot add a callback`);
    this._addWaiter(callback as EventCallback<any>);
  }

  /** @internal adds a waiter after the process slot */
  _addWaiter(waiter: Waiter): void {
    if (this._waiters === null) this._waiters = [waiter];
    else this._waiters.push(waiter);
  }

  /** @internal removes a waiter (used when an interrupt pulls a process off its target) */
  _removeWaiter(waiter: Waiter): void {
    if (this._proc === waiter) {
      this._proc = null;
      return;
    }
    const list = this._waiters;
    if (list === null) return;
    const i = list.indexOf(waiter);
    if (i >= 0) list.splice(i, 1);
  }

  /** A short description for error messages. */
  describe(): string {
    return 'SimEvent';
  }
}

/** Thrown into a process by `Process.interrupt(cause)`; `cause` says why. */
export class Interrupt extends Error {
  override readonly cause: unknown;

  constructor(cause?: unknown) {
    super(`Interrupt${cause === undefined ? '' : `: ${describeCause(cause)}`}`);
    this.name = 'Interrupt';
    this.cause = cause;
  }
}

function describeCause(cause: unknown): string {
  if (typeof cause === 'object' && cause !== null && 'kind' in cause) return String((cause as { kind: unknown }).kind);
  return String(cause);
}
