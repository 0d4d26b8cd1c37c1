/**
 * Processes: generator functions driven by the events they yield, in the manner of SimPy.
 *
 * A process is itself an event that triggers when its generator returns (value = the return
 * value) or throws (the error), so other processes can wait for it. The generator is resumed
 * directly from the event loop: no closure, no promise, no per-step allocation.
 */
import { DEFUSED, FAILED, Interrupt, PENDING, PROCESSED, SimEvent, STATE, TRIGGERED } from './event.ts';
import type { Environment } from './environment.ts';

/** The generator a process runs: it yields events and may return a value. */
export type ProcessGenerator<R = unknown> = Generator<SimEvent<any>, R, any>;

// The shared %GeneratorPrototype% and its methods, read once (immutable builtins, not state).
// Every generator function, and every closure of one, has its own prototype object, so a
// model that creates its generator functions per run makes `gen.next` a megamorphic property
// load (~5% of the M/M/1 loop); calling the builtin directly skips the lookup.
const GENERATOR_PROTOTYPE: object = Object.getPrototypeOf(function* () {}).prototype;
type Step = IteratorResult<SimEvent<any>, any>;
const genNext = (GENERATOR_PROTOTYPE as Generator).next as (this: Generator, value?: unknown) => Step;
const genThrow = (GENERATOR_PROTOTYPE as Generator).throw as (this: Generator, error: unknown) => Step;

/** Whether `value` is a generator object (made by calling a generator function). */
export function isGenerator(value: unknown): value is Generator {
  return typeof value === 'object' && value !== null && Object.prototype.isPrototypeOf.call(GENERATOR_PROTOTYPE, value);
}

/** A running generator; also an event that triggers when the generator finishes. */
export class Process<R = unknown> extends SimEvent<R> {
  /** @internal explicit name, or null to derive one from the id only when needed */
  private readonly _name: string | null;
  /** Order of creation in its environment (1, 2, ...). */
  readonly id: number;
  /** @internal */
  _gen: ProcessGenerator<R>;
  /** @internal the event the process waits for, null while running or finished */
  _target: SimEvent<any> | null = null;

  constructor(env: Environment, gen: ProcessGenerator<R>, name: string | null, id: number) {
    super(env);
    // A default name is built lazily: formatting a string per process costs more than the process.
    this._name = name;
    this.id = id;
    this._gen = gen;
    // The process itself, still PENDING, is its own start token in the urgent queue: the loop
    // recognises it by that state, which spares an Initialize event per process.
    env._enqueueStart(this);
  }

  /** The name given to env.process, or "process <id>". */
  get name(): string {
    return this._name ?? `process ${this.id}`;
  }

  /** True until the generator has returned or thrown. */
  get isAlive(): boolean {
    return (this._flags & STATE) === PENDING;
  }

  /** The event the process is waiting for, or null (while it runs, and once it has finished). */
  get target(): SimEvent<any> | null {
    // `_target` is set when the process suspends and left stale while it runs (clearing it
    // on every resume is a store per event): the running process is the active one.
    return this.env.activeProcess === this ? null : this._target;
  }

  /** Not allowed: a process triggers by returning or throwing. */
  override succeed(): this {
    throw new Error(`${this.describe()}: a process triggers by returning, not by succeed()`);
  }

  /** Not allowed: a process triggers by returning or throwing. */
  override fail(): this {
    throw new Error(`${this.describe()}: a process triggers by throwing, not by fail()`);
  }

  /**
   * Throws an `Interrupt` carrying `cause` into the generator at its current yield, at the
   * current time, before other events of this instant; throws if the process has finished or
   * interrupts itself.
   */
  interrupt(cause?: unknown): void {
    if ((this._flags & STATE) !== PENDING) throw new Error(`${this.describe()}: cannot interrupt, it has already finished`);
    if (this.env.activeProcess === this) throw new Error(`${this.describe()}: a process cannot interrupt itself`);
    const ev = new SimEvent<unknown>(this.env);
    ev._flags = FAILED | DEFUSED;
    ev._value = new Interrupt(cause);
    ev._waiters = [() => this._deliverInterrupt(ev)];
    this.env._scheduleUrgent(ev);
  }

  override describe(): string {
    return `Process "${this.name}"`;
  }

  /** @internal */
  _deliverInterrupt(ev: SimEvent<unknown>): void {
    if ((this._flags & STATE) !== PENDING) return; // finished meanwhile: nothing to interrupt
    const target = this._target;
    if (target !== null) target._removeWaiter(this);
    this._resume(ev);
  }

  /**
   * @internal Resumes the generator with `ev`'s outcome (null: first start) and keeps going
   * while it yields events that are already processed.
   */
  _resume(ev: SimEvent<any> | null): void {
    const env = this.env;
    const gen = this._gen;
    // Stored only when it changes: the loop leaves the last process here between events (see
    // Environment.activeProcess), which spares a write barrier when a process resumes twice in a row.
    if (env.activeProcess !== this) env.activeProcess = this;
    for (;;) {
      let r: IteratorResult<SimEvent<any>, R>;
      try {
        if (ev === null) r = genNext.call(gen);
        else if ((ev._flags & FAILED) === 0) r = genNext.call(gen, ev._value);
        else {
          ev._flags |= DEFUSED;
          r = genThrow.call(gen, ev._value);
        }
      } catch (err) {
        this._finish(false, err);
        return;
      }
      if (r.done === true) {
        this._finish(true, r.value);
        return;
      }
      const next = r.value;
      if (!(next instanceof SimEvent) || next.env !== env) {
        ev = invalidYield(this, next);
        continue;
      }
      if ((next._flags & STATE) === PROCESSED) {
        ev = next;
        continue;
      }
      // The first-waiter slot runs before the list, so it is only for the first waiter: after
      // callbacks added earlier, the process waits its turn in the list (SimPy's order).
      if (next._proc === null && next._waiters === null) next._proc = this;
      else next._addWaiter(this);
      this._target = next;
      return;
    }
  }

  private _finish(ok: boolean, value: unknown): void {
    this._target = null;
    if (!ok) this._flags |= FAILED;
    this._value = value;
    if (this._proc === null && this._waiters === null) {
      // Nobody waits: process the completion right here instead of scheduling an event whose
      // processing would do nothing (saves a loop round per process). A later `yield proc`
      // sees a processed event and continues at once, as it would after the round.
      this._flags = (this._flags & ~STATE) | PROCESSED;
      if ((this._flags & (FAILED | DEFUSED)) === FAILED) throw value;
      return;
    }
    this.env._scheduleNow(this);
  }
}

/** A failed event carrying the TypeError that an invalid yield throws back into the generator. */
function invalidYield(proc: Process<any>, value: unknown): SimEvent<unknown> {
  const what = value instanceof SimEvent ? 'an event of another Environment' : `${typeof value} ${String(value)}`;
  const ev = new SimEvent<unknown>(proc.env);
  ev._flags = FAILED | TRIGGERED;
  ev._value = new TypeError(`${proc.describe()}: yielded ${what}; yield events such as env.timeout(h) or res.request()`);
  return ev;
}
