/**
 * The entry check of createModel and runBatch: is this object a resolved Scenario, as
 * loadScenario, parseScenario and resolveScenario make them? It is not a second validator (the
 * file's schema and cross-checks are that); it catches what a script does by hand: an object
 * missing whole parts (which would otherwise fail deep inside with "Cannot read properties of
 * undefined"), and a field edited without the hours derived from it (`{ ...s, deadline }` leaves
 * `deadlineH`, which is what the model reads, so the edit would be silently ignored).
 */
import type { Scenario } from '../scenario/types.ts';
import { HOUR_MS } from '../scenario/units.ts';

const HOW_TO =
  'Build scenarios with loadScenario, parseScenario or resolveScenario, and change them through overrides ' +
  "(path=value, e.g. loadScenario(file, ['deadline=2024-08-15'])) rather than by editing the object.";

type Kind = 'string' | 'number' | 'object' | 'array' | readonly string[];

/** Every top-level part of a resolved Scenario, with what it must be (personnelDrawdown, sensitivePriority and withCargoShare may be absent). */
const PARTS: ReadonlyArray<readonly [keyof Scenario, Kind]> = [
  ['name', 'string'],
  ['description', 'string'],
  ['start', 'string'],
  ['deadline', 'string'],
  ['deadlineH', 'number'],
  ['horizonH', 'number'],
  ['fleet', 'object'],
  ['bases', 'object'],
  ['clearance', 'object'],
  ['russian', 'object'],
  ['rampPriority', ['first-come', 'russian-first']],
  ['commercial', 'object'],
  ['loadOrder', 'array'],
  ['assignment', ['most-ready', 'nearest', 'staged']],
  ['closureOrder', 'array'],
  ['batch', 'object'],
  ['sensitivity', 'object'],
];

function kindProblem(value: unknown, kind: Kind): string | undefined {
  if (value === undefined) return `missing (expected ${expected(kind)})`;
  const ok =
    kind === 'array'
      ? Array.isArray(value)
      : kind === 'object'
        ? typeof value === 'object' && value !== null && !Array.isArray(value)
        : kind === 'number'
          ? typeof value === 'number' && Number.isFinite(value)
          : kind === 'string'
            ? typeof value === 'string'
            : kind.includes(value as string);
  return ok ? undefined : `expected ${expected(kind)}, got ${shown(value)}`;
}

function expected(kind: Kind): string {
  if (typeof kind !== 'string') return `one of ${kind.map((k) => `'${k}'`).join(', ')}`;
  return kind === 'array' ? 'an array' : kind === 'object' ? 'an object' : kind === 'number' ? 'a finite number' : 'a string';
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Milliseconds of an ISO-8601 date or instant, or undefined for anything else ("next tuesday"). */
function instantMs(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The problems that make `scenario` unusable as a resolved Scenario, one line each (path first);
 * empty when it is fine.
 */
export function resolvedScenarioProblems(scenario: unknown): string[] {
  if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) {
    return [`expected a Scenario object, got ${scenario === undefined ? 'undefined' : shown(scenario)}`];
  }
  const s = scenario as Record<string, unknown>;
  const out: string[] = [];
  for (const [key, kind] of PARTS) {
    const p = kindProblem(s[key], kind);
    if (p !== undefined) out.push(`${key}: ${p}`);
  }
  if (s.personnelDrawdown !== undefined) {
    const p = kindProblem(s.personnelDrawdown, ['any-seat', 'with-cargo']);
    if (p !== undefined) out.push(`personnelDrawdown: ${p}`);
  }
  if (s.sensitivePriority !== undefined) {
    const p = kindProblem(s.sensitivePriority, ['per-sortie', 'across-bases']);
    if (p !== undefined) out.push(`sensitivePriority: ${p}`);
  }
  if (s.withCargoShare !== undefined && !(typeof s.withCargoShare === 'number' && s.withCargoShare >= 0 && s.withCargoShare <= 1)) {
    out.push(`withCargoShare: expected a number between 0 and 1, got ${shown(s.withCargoShare)}`);
  }
  const start = typeof s.start === 'string' ? instantMs(s.start) : undefined;
  const deadline = typeof s.deadline === 'string' ? instantMs(s.deadline) : undefined;
  if (typeof s.start === 'string' && start === undefined) out.push(`start: expected an ISO-8601 instant (2024-05-19T00:00:00Z), got ${shown(s.start)}`);
  if (typeof s.deadline === 'string' && deadline === undefined) out.push(`deadline: expected an ISO-8601 instant (2024-09-15T00:00:00Z), got ${shown(s.deadline)}`);
  // deadlineH is derived from start and deadline (resolve.ts); the model reads only deadlineH.
  if (start !== undefined && deadline !== undefined && typeof s.deadlineH === 'number' && Number.isFinite(s.deadlineH)) {
    const hours = (deadline - start) / HOUR_MS;
    if (Math.abs(hours - s.deadlineH) > 1e-6) {
      out.push(
        `deadlineH: ${s.deadlineH} h does not match start ${s.start} and deadline ${s.deadline}, which are ${hours} h apart ` +
          '(deadlineH is derived from them and is what the model reads: editing start or deadline alone changes nothing)',
      );
    }
  }
  // horizonH has no source field in a Scenario (the file's horizon, or the deadline + 90 days):
  // only its kind and sign can be checked.
  if (typeof s.horizonH === 'number' && Number.isFinite(s.horizonH) && s.horizonH <= 0) out.push(`horizonH: expected hours > 0 after start, got ${s.horizonH}`);
  return out;
}

/**
 * Throws a plain Error, prefixed with `who` (the function the caller called), listing every
 * problem that makes `scenario` not a resolved Scenario, and how to build one instead.
 */
export function assertResolvedScenario(scenario: unknown, who: string): asserts scenario is Scenario {
  const problems = resolvedScenarioProblems(scenario);
  if (problems.length === 0) return;
  const name = typeof scenario === 'object' && scenario !== null && typeof (scenario as { name?: unknown }).name === 'string' ? ` "${(scenario as { name: string }).name}"` : '';
  throw new Error(`${who}: the scenario${name} is not a resolved Scenario:\n${problems.map((p) => `  - ${p}`).join('\n')}\n${HOW_TO}`);
}
