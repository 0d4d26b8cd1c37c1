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
 * Takes a triggered condition's `check` off the events that have not been processed yet, so that
 * a long-lived event (a shutdown signal polled with anyOf in a loop) does not collect one dead
 * closure per condition, as SimPy's Condition does too.
 */
function detach(events: readonly SimEvent<any>[], check: (ev: SimEvent<any>) => void): void {
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as SimEvent<any>;
    if ((e._flags & STATE) !== PROCESSED) e._removeWaiter(check);
  }
}

/** An event that succeeds when every one of `events` has succeeded, or fails with the first failure. */
export function allOf(env: Environment, events: readonly SimEvent<any>[]): SimEvent<unknown[]> {
  const cond = new SimEvent<unknown[]>(env);
  checkEnv(env, events, 'allOf');
  let remaining = events.length;
  const check = (ev: SimEvent<any>): void => {
    if (settledOrFailed(cond, ev)) detach(events, check);
    else if (--remaining === 0) cond.succeed(events.map((e) => e._value));
  };
  if (remaining === 0) cond.succeed([]);
  for (const ev of events) {
    if ((cond._flags & STATE) !== PENDING) break; // settled by an event already processed
    if ((ev._flags & STATE) === PROCESSED) check(ev);
    else ev._addWaiter(check);
  }
  return cond;
}

/** An event that triggers with the first of `events` to trigger (failing if that one failed); throws on an empty list. */
export function anyOf(env: Environment, events: readonly SimEvent<any>[]): SimEvent<AnyOfValue> {
  if (events.length === 0) throw new Error('Environment: anyOf() needs at least one event, got none');
  checkEnv(env, events, 'anyOf');
  const cond = new SimEvent<AnyOfValue>(env);
  const check = (ev: SimEvent<any>): void => {
    if (!settledOrFailed(cond, ev)) cond.succeed({ event: ev, value: ev._value });
    detach(events, check);
  };
  for (const ev of events) {
    if ((cond._flags & STATE) !== PENDING) break; // settled by an event already processed
    if ((ev._flags & STATE) === PROCESSED) check(ev);
    else ev._addWaiter(check);
  }
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
