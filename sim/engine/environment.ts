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
 * When the clock advances to t, every heap entry due at t moves to `nowQ` at once (in heap
 * order): they were scheduled before the clock got here, so their serials are lower than
 * anything this instant adds. The loop then takes urgent first, then nowQ, then advances.
 */
import { EventHeap } from './heap.ts';
import { Fifo } from './fifo.ts';
import { DEFUSED, FAILED, PENDING, PROCESSED, SimEvent, STATE, TRIGGERED } from './event.ts';
import { isGenerator, Process, type ProcessGenerator } from './process.ts';
import { allOf, anyOf, type AnyOfValue } from './condition.ts';

/** A clock and a schedule; all simulated state of a run hangs off one of these. */
export class Environment {
  /**
   * The process whose generator is executing, or null outside processes (in callbacks, and
   * before and after a run). Inside the loop it keeps the last resumed process between events,
   * where no user code runs, so that consecutive resumes of one process skip a store.
   */
  activeProcess: Process<any> | null = null;
  private _now: number;
  private readonly heap = new EventHeap<SimEvent<any>>();
  private readonly urgent = new Fifo<SimEvent<any>>();
  private readonly nowQ = new Fifo<SimEvent<any>>();
  private serial = 0;
  private processCount = 0;
  private processed = 0;
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

  /** Events the loop has processed so far (process starts included; not the end of a process nobody waits for, which never enters the schedule): a plain counter, for benchmarks. */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** An event that succeeds with `value` after `delay`; throws on a negative, NaN or infinite delay. */
  timeout<T = undefined>(delay: number, value?: T): SimEvent<T> {
    if (typeof delay !== 'number' || !(delay >= 0) || delay === Infinity) throw badDelay(delay);
    const ev = new SimEvent<T>(this);
    ev._value = value;
    ev._flags = TRIGGERED;
    const t = this._now + delay;
    if (t === this._now) this.nowQ.push(ev);
    else this.heap.push(t, this.serial++, ev);
    return ev;
  }

  /** A pending event that the caller triggers with `succeed(value)` or `fail(error)`. */
  event<T = unknown>(): SimEvent<T> {
    return new SimEvent<T>(this);
  }

  /** Starts a process running `gen` at the current time; throws if `gen` is not a generator object (a plain iterator is refused too). */
  process<R>(gen: ProcessGenerator<R>, name?: string): Process<R> {
    if (!isGenerator(gen)) throw notAGenerator(gen);
    return new Process<R>(this, gen, name ?? null, ++this.processCount);
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
    if (!this.urgent.isEmpty() || !this.nowQ.isEmpty()) return this._now;
    return this.heap.topTime();
  }

  /** Processes the next event; throws on an empty schedule, or with the error of a failed event nobody handled. */
  step(): void {
    const ev = this.next(Infinity);
    if (ev === undefined) throw new Error(`Environment: step() on an empty schedule (now = ${this._now})`);
    try {
      this.fire(ev);
    } finally {
      this.activeProcess = null;
    }
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
      this.loop(limit);
      if (until !== undefined && this._now !== until) {
        this._now = until;
        // Events due at exactly `until` stay scheduled; they go to the now-queue as when the
        // clock reaches any instant, so that what is triggered at `until` before the next run
        // comes after them, as their lower serials say.
        const heap = this.heap;
        while (heap.topTime() === until) this.nowQ.push(heap.pop() as SimEvent<any>);
      }
    } finally {
      this.running = false;
      this.activeProcess = null;
    }
  }

  /**
   * The event loop of `run`: processes events due before `limit`. One flat loop with the
   * common case inlined (one waiting process, no failure), because a separate dispatch method
   * measured about a quarter slower here; `step` uses `next` and `fire`, which do the same.
   */
  private loop(limit: number): void {
    const heap = this.heap;
    const urgent = this.urgent;
    const nowQ = this.nowQ;
    if (!(this._now < limit)) return;
    for (;;) {
      let ev = urgent.shift();
      if (ev === undefined) {
        ev = nowQ.shift();
        if (ev === undefined) {
          const t = heap.topTime();
          if (!(t < limit)) break;
          this._now = t;
          ev = heap.pop() as SimEvent<any>;
          // Everything else due at t joins the now-queue in heap order, ahead of whatever
          // this instant will add, so the loop need not consult the heap per event.
          while (heap.topTime() === t) nowQ.push(heap.pop() as SimEvent<any>);
        }
      }
      this.processed++;
      const flags = ev._flags;
      if ((flags & STATE) === PENDING) {
        // A PENDING event in the schedule is a process's start token (see Process).
        (ev as Process<any>)._resume(null);
      } else {
        ev._flags = (flags & ~STATE) | PROCESSED;
        const proc = ev._proc;
        if (proc !== null) {
          ev._proc = null;
          proc._resume(ev);
        }
        if (ev._waiters !== null || (flags & FAILED) !== 0) this.finishFiring(ev);
      }
    }
  }

  /** Takes the next event due before `limit` off the schedule (advancing the clock to it), or returns undefined: `loop`'s selection, for `step`. */
  private next(limit: number): SimEvent<any> | undefined {
    if (!(this._now < limit)) return undefined;
    const ev = this.urgent.shift() ?? this.nowQ.shift();
    if (ev !== undefined) return ev;
    const t = this.heap.topTime();
    if (!(t < limit)) return undefined;
    this._now = t;
    const first = this.heap.pop() as SimEvent<any>;
    while (this.heap.topTime() === t) this.nowQ.push(this.heap.pop() as SimEvent<any>);
    return first;
  }

  /** Processes one event taken off the schedule: `loop`'s dispatch, for `step`. */
  private fire(ev: SimEvent<any>): void {
    this.processed++;
    const flags = ev._flags;
    if ((flags & STATE) === PENDING) {
      (ev as Process<any>)._resume(null);
      return;
    }
    ev._flags = (flags & ~STATE) | PROCESSED;
    const proc = ev._proc;
    if (proc !== null) {
      ev._proc = null;
      proc._resume(ev);
    }
    if (ev._waiters !== null || (flags & FAILED) !== 0) this.finishFiring(ev);
  }

  /** Runs an event's further waiters, then stops the run if it failed and nobody handled it. */
  private finishFiring(ev: SimEvent<any>): void {
    const waiters = ev._waiters;
    this.activeProcess = null; // callbacks run outside any process
    if (waiters !== null) {
      ev._waiters = null;
      for (let i = 0; i < waiters.length; i++) {
        const w = waiters[i];
        if (typeof w === 'function') w(ev);
        else if (w !== undefined) w._resume(ev);
      }
    }
    if ((ev._flags & (FAILED | DEFUSED)) === FAILED) throw ev._value;
  }

  /** @internal schedules a triggered event at the current time, normal priority */
  _scheduleNow(ev: SimEvent<any>): void {
    ev._flags |= TRIGGERED;
    this.nowQ.push(ev);
  }

  /** @internal schedules a triggered event at the current time, urgent priority */
  _scheduleUrgent(ev: SimEvent<any>): void {
    ev._flags |= TRIGGERED;
    this.urgent.push(ev);
  }

  /** @internal queues a new process's start (the process itself, still PENDING) */
  _enqueueStart(proc: Process<any>): void {
    this.urgent.push(proc);
  }
}

// Error builders live outside the methods so that the hot methods stay small in bytecode:
// V8 inlines a callee into its caller only within a bytecode budget, and a template string
// in a method counts against it even though it never runs on the hot path.

function badDelay(delay: unknown): Error {
  return new Error(`Environment: timeout delay must be a finite number >= 0, got ${String(delay)}`);
}

function notAGenerator(gen: unknown): Error {
  const hint = typeof gen === 'function' ? ' (call the generator function: env.process(fn(...)))' : '';
  return new Error(`Environment: process() needs a generator object, got ${typeof gen}${hint}`);
}
