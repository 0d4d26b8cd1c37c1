/**
 * The environment: a clock and a schedule of triggered events.
 *
 * The schedule is ordered by (time, priority, serial), as in SimPy: urgent events (process
 * starts, interrupts) before normal ones at the same time, then insertion order. It is kept in
 * three parts that together give exactly that order, because most events of a process model
 * happen "now" and should not pay for a heap:
 *   - `urgent`: urgent events, all at the current time, FIFO;
 *   - `heap`: events in the future (timeouts), a binary min-heap on (time, serial);
 *   - `nowQ`: normal events triggered at the current time (succeed, fail, grants), FIFO.
 * Heap entries due now were scheduled before the clock got here, so their serials are lower
 * than anything in `nowQ`: the loop takes urgent, then heap-due-now, then nowQ, then advances.
 */
import { EventHeap } from './heap.ts';
import { PENDING, PROCESSED, SimEvent, TRIGGERED } from './event.ts';
import { Process, type ProcessGenerator } from './process.ts';
import { allOf, anyOf, type AnyOfValue } from './condition.ts';

/** A clock and a schedule; all simulated state of a run hangs off one of these. */
export class Environment {
  /** The process whose generator is executing, or null between events. */
  activeProcess: Process<any> | null = null;
  private _now: number;
  private readonly heap = new EventHeap<SimEvent<any>>();
  private urgent: SimEvent<any>[] = [];
  private urgentHead = 0;
  private nowQ: SimEvent<any>[] = [];
  private nowHead = 0;
  private serial = 0;
  private processCount = 0;
  private running = false;

  /** Creates an environment whose clock starts at `initialTime` (unit-free; the model uses hours). */
  constructor(initialTime = 0) {
    if (typeof initialTime !== 'number' || !Number.isFinite(initialTime)) {
      throw new Error(`Environment: initial time must be a finite number, got ${String(initialTime)}`);
    }
    this._now = initialTime;
  }

  /** The current simulated time. */
  get now(): number {
    return this._now;
  }

  /** An event that succeeds with `value` after `delay`; throws on a negative, NaN or infinite delay. */
  timeout<T = undefined>(delay: number, value?: T): SimEvent<T> {
    if (typeof delay !== 'number' || !(delay >= 0) || delay === Infinity) {
      throw new Error(`Environment: timeout delay must be a finite number >= 0, got ${String(delay)}`);
    }
    const ev = new SimEvent<T>(this);
    ev._value = value;
    ev._state = TRIGGERED;
    const t = this._now + delay;
    if (t === this._now) this.nowQ.push(ev);
    else this.heap.push(t, this.serial++, ev);
    return ev;
  }

  /** A pending event that the caller triggers with `succeed(value)` or `fail(error)`. */
  event<T = unknown>(): SimEvent<T> {
    return new SimEvent<T>(this);
  }

  /** Starts a process running `gen` at the current time; throws if `gen` is not a generator object. */
  process<R>(gen: ProcessGenerator<R>, name?: string): Process<R> {
    if (typeof gen !== 'object' || gen === null || typeof gen.next !== 'function' || typeof gen.throw !== 'function') {
      const hint = typeof gen === 'function' ? ' (call the generator function: env.process(fn(...)))' : '';
      throw new Error(`Environment: process() needs a generator object, got ${typeof gen}${hint}`);
    }
    this.processCount++;
    return new Process<R>(this, gen, name ?? `process ${this.processCount}`);
  }

  /** An event that succeeds when all `events` have succeeded (values in input order), or fails with the first failure. */
  allOf(events: readonly SimEvent<any>[]): SimEvent<unknown[]> {
    return allOf(this, events);
  }

  /** An event that triggers with the first of `events` to trigger; throws on an empty list. */
  anyOf(events: readonly SimEvent<any>[]): SimEvent<AnyOfValue> {
    return anyOf(this, events);
  }

  /** Time of the next event, Infinity if the schedule is empty. */
  peek(): number {
    if (this.urgentHead < this.urgent.length || this.nowHead < this.nowQ.length) return this._now;
    return this.heap.topTime();
  }

  /** Processes the next event; throws on an empty schedule, or with the error of a failed event nobody handled. */
  step(): void {
    if (!this.stepBefore(Infinity)) throw new Error(`Environment: step() on an empty schedule (now = ${this._now})`);
  }

  /**
   * Processes events until the schedule is empty (no `until`) or until the next event is at or
   * after `until`, and then sets the clock to `until` (SimPy semantics: events at exactly
   * `until` are left for a later run). Throws if `until` is NaN or before now, if called from
   * inside a process, or with the error of a failed event nobody handled.
   */
  run(until?: number): void {
    if (this.running) throw new Error('Environment: run() called while already running (from inside a process?)');
    let limit = Infinity;
    if (until !== undefined) {
      if (typeof until !== 'number' || Number.isNaN(until) || until < this._now) {
        throw new Error(`Environment: run(until) needs a number >= now (${this._now}), got ${String(until)}`);
      }
      limit = until;
    }
    this.running = true;
    try {
      while (this.stepBefore(limit));
      if (until !== undefined) this._now = until;
    } finally {
      this.running = false;
    }
  }

  /** Processes one event if there is one due before `limit`; returns whether it did. */
  private stepBefore(limit: number): boolean {
    let ev: SimEvent<any> | undefined;
    const now = this._now;
    if (now >= limit) return false;
    if (this.urgentHead < this.urgent.length) {
      ev = this.urgent[this.urgentHead++];
      if (this.urgentHead === this.urgent.length) {
        this.urgent.length = 0;
        this.urgentHead = 0;
      }
    } else {
      const heap = this.heap;
      const t = heap.topTime();
      if (t === now) ev = heap.pop();
      else if (this.nowHead < this.nowQ.length) {
        const q = this.nowQ;
        ev = q[this.nowHead++];
        if (this.nowHead === q.length) {
          q.length = 0;
          this.nowHead = 0;
        } else if (this.nowHead > 4096 && this.nowHead * 2 > q.length) {
          q.splice(0, this.nowHead);
          this.nowHead = 0;
        }
      } else if (t < limit) {
        this._now = t;
        ev = heap.pop();
      } else return false;
    }
    this.fire(ev as SimEvent<any>);
    return true;
  }

  /** Runs an event's waiters. */
  private fire(ev: SimEvent<any>): void {
    if (ev._state === PENDING) {
      // A PENDING event in the schedule is a process's start token (see Process).
      (ev as Process<any>)._resume(null);
      return;
    }
    ev._state = PROCESSED;
    const proc = ev._proc;
    if (proc !== null) {
      ev._proc = null;
      proc._resume(ev);
    }
    const waiters = ev._waiters;
    if (waiters !== null) {
      ev._waiters = null;
      for (let i = 0; i < waiters.length; i++) {
        const w = waiters[i];
        if (typeof w === 'function') w(ev);
        else if (w !== undefined) w._resume(ev);
      }
    }
    if (!ev._ok && !ev._defused) throw ev._value;
  }

  /** @internal schedules a triggered event at the current time, normal priority */
  _scheduleNow(ev: SimEvent<any>): void {
    ev._state = TRIGGERED;
    this.nowQ.push(ev);
  }

  /** @internal schedules a triggered event at the current time, urgent priority */
  _scheduleUrgent(ev: SimEvent<any>): void {
    ev._state = TRIGGERED;
    this.urgent.push(ev);
  }

  /** @internal queues a new process's start (the process itself, still PENDING) */
  _enqueueStart(proc: Process<any>): void {
    this.urgent.push(proc);
  }
}
