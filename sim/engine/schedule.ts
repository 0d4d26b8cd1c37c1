/**
 * Capacity that changes over time: an airfield closed at night, a crew roster.
 */
import type { Environment } from './environment.ts';
import type { SimEvent } from './event.ts';

/** One change: from time `at` on, the capacity is `capacity`. */
export interface CapacityStep {
  at: number;
  capacity: number;
}

export interface CapacitySchedule {
  /** Repeat the steps every `periodH` (steps' `at` are then offsets in [0, periodH)); omit for one-off absolute times. */
  periodH?: number;
  /** Steps in increasing `at`. */
  steps: readonly CapacityStep[];
}

/** A running capacity schedule. */
export interface CapacityScheduleHandle {
  /** True until the schedule has applied its last step or was stopped. */
  readonly active: boolean;
  /** Stops further changes (the capacity stays as it is). */
  stop(): void;
}

/** Anything whose capacity can be set, such as a Resource. */
export interface CapacityTarget {
  readonly name: string;
  setCapacity(capacity: number): void;
}

/**
 * Applies `schedule` to `target`: the step in force now is applied at once, later steps at
 * their times. Each change is scheduled when the previous one happens, so against other events
 * due at the same instant it takes its place in that order. A periodic schedule
 * never empties the event list: run it with `env.run(until)`, or stop it. Throws if the steps
 * are empty or out of order, an `at` lies outside [0, periodH), or a capacity is not an
 * integer >= 0.
 */
export function scheduleCapacity(env: Environment, target: CapacityTarget, schedule: CapacitySchedule): CapacityScheduleHandle {
  const { periodH, steps } = schedule;
  const who = `scheduleCapacity for "${target.name}"`;
  if (!Array.isArray(steps) || steps.length === 0) throw new Error(`${who}: steps must be a non-empty list`);
  if (periodH !== undefined && (typeof periodH !== 'number' || !(periodH > 0) || !Number.isFinite(periodH))) {
    throw new Error(`${who}: periodH must be a finite number > 0, got ${String(periodH)}`);
  }
  steps.forEach((s, i) => {
    if (typeof s.at !== 'number' || !Number.isFinite(s.at)) throw new Error(`${who}: steps[${i}].at must be a finite number, got ${String(s.at)}`);
    if (periodH !== undefined && (s.at < 0 || s.at >= periodH)) throw new Error(`${who}: steps[${i}].at must be in [0, ${periodH}), got ${s.at}`);
    const prev = steps[i - 1];
    if (prev !== undefined && !(s.at > prev.at)) throw new Error(`${who}: steps[${i}].at must be after steps[${i - 1}].at (${prev.at}), got ${s.at}`);
    const c = s.capacity;
    if (!(c >= 0) || !(Number.isInteger(c) || c === Infinity)) {
      throw new Error(`${who}: steps[${i}].capacity must be an integer >= 0, got ${String(c)}`);
    }
  });

  const now = env.now;
  let base: number;
  let next: number; // index of the next step to apply, -1 when done
  if (periodH !== undefined) {
    const phase = ((now % periodH) + periodH) % periodH;
    base = now - phase;
    next = steps.findIndex((s) => s.at > phase);
    const current = next <= 0 ? steps.length - 1 : next - 1;
    target.setCapacity((steps[current] as CapacityStep).capacity);
    if (next === -1) {
      next = 0;
      base += periodH;
    }
  } else {
    base = 0;
    next = steps.findIndex((s) => s.at > now);
    const current = next === -1 ? steps.length - 1 : next - 1;
    if (current >= 0) target.setCapacity((steps[current] as CapacityStep).capacity);
  }

  // A callback chain rather than a process: a fixed timetable needs no generator, and
  // `stop()` needs no interrupt.
  let pending: SimEvent<unknown> | null = null;
  const arm = (): void => {
    if (next === -1) {
      pending = null;
      return;
    }
    const step = steps[next] as CapacityStep;
    pending = env.timeout(Math.max(0, base + step.at - env.now));
    pending.addCallback((ev) => {
      if (ev !== pending) return; // stopped meanwhile
      target.setCapacity(step.capacity);
      next++;
      if (next === steps.length) {
        if (periodH === undefined) next = -1;
        else {
          next = 0;
          base += periodH;
        }
      }
      arm();
    });
  };
  arm();
  return {
    get active() {
      return pending !== null;
    },
    stop() {
      pending = null;
      next = -1;
    },
  };
}
