/**
 * Option values read the way the user typed them. yargs' `type: 'number'` turns `abc` into NaN
 * and lets a flag given without a value fall back to its default, so numeric options are declared
 * as strings and read here. Each reader adds what is wrong to a list, so that the CLI can report
 * every problem at once (`failOn`).
 */
import { UserError } from './errors.ts';

/** A decimal number as people write it: `20`, `0.005`, `.5`, `1e6`; not `0x10`, not `abc`. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * The single value of an option, or undefined when it is absent. yargs gives an array when an
 * option is repeated: that is a problem (which one was meant?), reported with both values.
 */
export function oneValue(flag: string, raw: unknown, problems: string[]): string | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) {
    problems.push(`--${flag} is given ${raw.length} times (${raw.map((v) => JSON.stringify(String(v))).join(', ')}); give it once`);
    return undefined;
  }
  return String(raw);
}

/**
 * Reads an integer option that must be >= `min`; `example` shows a valid value in the message.
 * Absent gives undefined; present without a value, or not an integer in range, is a problem.
 */
export function readInteger(flag: string, raw: unknown, min: number, example: number, problems: string[]): number | undefined {
  return readNumber(flag, raw, (n) => Number.isSafeInteger(n) && n >= min, `an integer >= ${min}, such as --${flag} ${example}`, problems);
}

/**
 * Reads a number option that must pass `ok`; `want` says what is accepted ("a number in (0, 0.5),
 * such as 0.005"). Absent gives undefined; present without a value, or out of range, is a problem.
 */
export function readNumber(flag: string, raw: unknown, ok: (x: number) => boolean, want: string, problems: string[]): number | undefined {
  const text = oneValue(flag, raw, problems);
  if (text === undefined) return undefined;
  if (text.trim() === '') {
    problems.push(`--${flag} needs a value: ${want}`);
    return undefined;
  }
  const n = NUMBER.test(text.trim()) ? Number(text) : NaN;
  if (!(Number.isFinite(n) && ok(n))) {
    problems.push(`--${flag} must be ${want}; got ${JSON.stringify(text)}`);
    return undefined;
  }
  return n;
}

/**
 * Reads an option that takes one of `choices`; absent gives undefined, anything else is a problem
 * naming the allowed values: `--format must be jsonl or csv; got "xml"`.
 */
export function readChoice<C extends string>(flag: string, raw: unknown, choices: readonly C[], problems: string[]): C | undefined {
  const text = oneValue(flag, raw, problems);
  if (text === undefined) return undefined;
  if ((choices as readonly string[]).includes(text)) return text as C;
  const allowed = choices.length === 1 ? choices[0] : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
  problems.push(`--${flag} must be ${allowed}; got ${JSON.stringify(text)}`);
  return undefined;
}

/** Reads a text option that may be absent but not repeated. */
export function readString(flag: string, raw: unknown, problems: string[]): string | undefined {
  return oneValue(flag, raw, problems);
}

/**
 * Reads --seed: any non-empty text. `--seed ''` or `--seed` without a value is a problem (the
 * random streams need a seed; leaving the flag out uses the scenario's batch.seed).
 */
export function readSeed(raw: unknown, problems: string[]): string | undefined {
  const seed = oneValue('seed', raw, problems);
  if (seed === '') {
    problems.push("--seed needs a value: any non-empty text, such as --seed 42 (leave --seed out to use the scenario's batch.seed)");
    return undefined;
  }
  return seed;
}

/** The path a `--set path=value` names, its segments trimmed (`fleet.C-17.count`); undefined without a path. */
export function setPathOf(text: string): string | undefined {
  const eq = text.indexOf('=');
  return eq <= 0 ? undefined : text.slice(0, eq).split('.').map((s) => s.trim()).join('.');
}

/**
 * Adds a problem for each path that more than one `--set` names: which value was meant? (The
 * last one would silently win.) Malformed overrides are left for the scenario parser to report.
 */
export function checkSets(sets: readonly string[], problems: string[]): void {
  const byPath = new Map<string, string[]>();
  for (const text of sets) {
    const path = setPathOf(text);
    if (path !== undefined) byPath.set(path, [...(byPath.get(path) ?? []), text]);
  }
  for (const [path, texts] of byPath) {
    if (texts.length > 1) problems.push(`--set ${path} is given ${texts.length === 2 ? 'twice' : `${texts.length} times`} (${texts.join(', ')}); give each path once`);
  }
}

/** Throws a UserError listing every problem, one per line, if there is any; `command` names the help to read. */
export function failOn(problems: readonly string[], command: string): void {
  if (problems.length > 0) throw new UserError(`${problems.join('\n')}\nRun \`retrograde ${command} --help\` for usage.`);
}
