/**
 * All-of and any-of: events that trigger on a combination of other events.
 */
import { DEFUSED, FAILED, PENDING, PROCESSED, SimEvent, STATE } from './event.ts';
import type { Environment } from './environment.ts';

/** The value of an any-of event: which event triggered first and its value. */
export interface AnyOfValue {
  event: SimEvent<any>;
  value: unknown;
}

/**
 * True when the condition needs nothing more from `ev`: it has already triggered, or `ev`
 * failed, in which case the failure is handed on to the condition (and `ev` marked handled).
 */
function settledOrFailed(cond: SimEvent<any>, ev: SimEvent<any>): boolean {
  if ((cond._flags & STATE) !== PENDING) return true;
  if ((ev._flags & FAILED) === 0) return false;
  ev._flags |= DEFUSED;
  cond.fail(ev._value);
  return true;
}

/**
 * What a condition registers on each of its events: an object with `_resume`, as a process is,
 * not a closure. Under tsx (which keeps function names), every closure a model creates in its hot
 * loop costs an Object.defineProperty call; with 32 aircraft polling with anyOf, that was 14% of
 * a replication.
 */
abstract class Check {
  constructor(
    protected readonly cond: SimEvent<any>,
    protected readonly events: readonly SimEvent<any>[],
  ) {}

  /** Called when one of the events is processed. */
  abstract _resume(ev: SimEvent<any>): void;

  /** Registers on every event, checking at once those already processed, until the condition triggers. */
  attach(): void {
    for (const ev of this.events) {
      if ((this.cond._flags & STATE) !== PENDING) break; // settled by an event already processed
      if ((ev._flags & STATE) === PROCESSED) this._resume(ev);
      else ev._addWaiter(this);
    }
  }

  /**
   * Takes this check off the events that have not been processed yet, once the condition has
   * triggered, so that a long-lived event (a shutdown signal polled with anyOf in a loop) does not
   * collect one dead check per condition, as SimPy's Condition does too.
   */
  protected detach(): void {
    for (let i = 0; i < this.events.length; i++) {
      const e = this.events[i] as SimEvent<any>;
      if ((e._flags & STATE) !== PROCESSED) e._removeWaiter(this);
    }
  }
}

class AllOfCheck extends Check {
  private remaining: number;

  constructor(cond: SimEvent<unknown[]>, events: readonly SimEvent<any>[]) {
    super(cond, events);
    this.remaining = events.length;
  }

  _resume(ev: SimEvent<any>): void {
    if (settledOrFailed(this.cond, ev)) this.detach();
    else if (--this.remaining === 0) this.cond.succeed(this.events.map((e) => e._value));
  }
}

class AnyOfCheck extends Check {
  _resume(ev: SimEvent<any>): void {
    if (!settledOrFailed(this.cond, ev)) this.cond.succeed({ event: ev, value: ev._value } satisfies AnyOfValue);
    this.detach();
  }
}

/** An event that succeeds when every one of `events` has succeeded, or fails with the first failure. */
export function allOf(env: Environment, events: readonly SimEvent<any>[]): SimEvent<unknown[]> {
  const cond = new SimEvent<unknown[]>(env);
  checkEnv(env, events, 'allOf');
  if (events.length === 0) cond.succeed([]);
  else new AllOfCheck(cond, events).attach();
  return cond;
}

/** An event that triggers with the first of `events` to trigger (failing if that one failed); throws on an empty list. */
export function anyOf(env: Environment, events: readonly SimEvent<any>[]): SimEvent<AnyOfValue> {
  if (events.length === 0) throw new Error('Environment: anyOf() needs at least one event, got none');
  checkEnv(env, events, 'anyOf');
  const cond = new SimEvent<AnyOfValue>(env);
  new AnyOfCheck(cond, events).attach();
  return cond;
}

function checkEnv(env: Environment, events: readonly SimEvent<any>[], what: string): void {
  for (let i = 0; i < events.length; i++) {
    const ev = events[i];
    if (!(ev instanceof SimEvent) || ev.env !== env) {
      throw new Error(`Environment: ${what}() item ${i} is not an event of this environment, got ${String(ev)}`);
    }
  }
}
