/**
 * Capacity that changes over time: an airfield closed at night, a crew roster.
 */
import { Interrupt } from './event.ts';
import type { Environment } from './environment.ts';
import type { Process } from './process.ts';

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

/** Anything whose capacity can be set, such as a Resource. */
export interface CapacityTarget {
  readonly name: string;
  setCapacity(capacity: number): void;
}

/**
 * Applies `schedule` to `target`: the step in force now is applied at once, later steps at
 * their times. Returns the process driving it; interrupt it to stop the schedule. Note that a
 * periodic schedule never empties the event list, so run it with `env.run(until)`. Throws if
 * the steps are empty or out of order, or an `at` lies outside [0, periodH).
 */
export function scheduleCapacity(env: Environment, target: CapacityTarget, schedule: CapacitySchedule): Process<void> {
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
  });

  const now = env.now;
  let base: number;
  let next: number; // index of the next step to apply
  if (periodH !== undefined) {
    const phase = ((now % periodH) + periodH) % periodH;
    base = now - phase;
    next = steps.findIndex((s) => s.at > phase);
    const current = next === -1 ? steps.length - 1 : next === 0 ? steps.length - 1 : next - 1;
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

  function* drive(): Generator<any, void, any> {
    try {
      while (next !== -1) {
        const step = steps[next] as CapacityStep;
        yield env.timeout(Math.max(0, base + step.at - env.now));
        target.setCapacity(step.capacity);
        next++;
        if (next === steps.length) {
          if (periodH === undefined) return;
          next = 0;
          base += periodH;
        }
      }
    } catch (err) {
      if (err instanceof Interrupt) return; // stopping the schedule is the only use of an interrupt here
      throw err;
    }
  }
  return env.process(drive(), who);
}
