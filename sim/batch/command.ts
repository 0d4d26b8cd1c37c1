/**
 * The command line that reproduces a batch, for summaries and reports: the CLI passes its own,
 * and a script's batch gets one built from where its scenario came from (`Scenario.origin`).
 */
import type { Scenario, ScenarioOrigin } from '../scenario/types.ts';

/** A word for a POSIX shell: as is when safe, else single-quoted. */
export function shellWord(s: string): string {
  return /^[\w./=:,@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Overrides as one shell-quoted list of words, as a command line takes them: `a=1 'b={ x: 1 }'`. */
export function overridesWords(overrides: readonly string[]): string {
  return overrides.map(shellWord).join(' ');
}

/** The command line that reproduces a batch (worker count left out: it changes nothing). */
export function reproduceCommand(verb: string, scenario: string, runs: number, seed: string, sets: readonly string[], extra: readonly string[] = []): string {
  return ['retrograde', verb, scenario, '--runs', String(runs), '--seed', seed, ...sets.flatMap((s) => ['--set', s]), ...extra]
    .map(shellWord)
    .join(' ');
}

/** The `retrograde run` command that gives the same batch as a script's on a scenario loaded from `origin`. */
export function scriptCommand(origin: ScenarioOrigin, runs: number, seed: string, precision: number | undefined): string {
  return reproduceCommand('run', origin.file, runs, seed, origin.overrides, precision === undefined ? [] : ['--precision', String(precision)]);
}

/**
 * The scenario's origin while its contents are still those it was loaded with, else undefined
 * (no origin, or a copy changed since: a spread copy with another value, say).
 */
export function unchangedOrigin(scenario: Scenario): ScenarioOrigin | undefined {
  const origin = scenario.origin;
  return origin !== undefined && origin.contents === scenarioContents(scenario) ? origin : undefined;
}

/** A scenario's contents as text, without its origin: what `origin.contents` records. */
export function scenarioContents(scenario: Scenario): string {
  return JSON.stringify({ ...scenario, origin: undefined });
}
