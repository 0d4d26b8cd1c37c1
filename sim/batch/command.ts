/**
 * The command line that reproduces a batch, for summaries and reports: the CLI passes its own,
 * and a script's batch gets one built from where its scenario came from (`Scenario.origin`).
 */
import type { Scenario, ScenarioOrigin } from '../scenario/types.ts';

/** A word for a POSIX shell: as is when safe, else single-quoted. */
export function shellWord(s: string): string {
  return /^[\w./=:,@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command line that reproduces a batch (worker count left out: it changes nothing). */
export function reproduceCommand(verb: string, scenario: string, runs: number, seed: string, sets: readonly string[], extra: readonly string[] = []): string {
  return ['retrograde', verb, scenario, '--runs', String(runs), '--seed', seed, ...sets.flatMap((s) => ['--set', s]), ...extra]
    .map(shellWord)
    .join(' ');
}

/**
 * The `retrograde run` command that gives the same batch as a script's, or '' when the scenario
 * does not say where it came from or was changed since (its contents no longer match the ones
 * recorded when it was loaded: a spread copy with another value, say).
 */
export function scriptCommand(scenario: Scenario, runs: number, seed: string, precision: number | undefined): string {
  const origin = unchangedOrigin(scenario);
  if (origin === undefined) return '';
  return reproduceCommand('run', origin.file, runs, seed, origin.overrides, precision === undefined ? [] : ['--precision', String(precision)]);
}

/** The scenario's origin while its contents are still those it was loaded with, else undefined. */
export function unchangedOrigin(scenario: Scenario): ScenarioOrigin | undefined {
  const origin = scenario.origin;
  return origin !== undefined && origin.contents === scenarioContents(scenario) ? origin : undefined;
}

/** A scenario's contents as text, without its origin: what `origin.contents` records. */
export function scenarioContents(scenario: Scenario): string {
  return JSON.stringify({ ...scenario, origin: undefined });
}
