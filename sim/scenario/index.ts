/**
 * Scenario files: parse (YAML or JSON), apply overrides, validate, resolve into the model's
 * `Scenario`. Pure: the CLI reads the file and passes its text here.
 *
 * The pipeline, in order:
 *   1. read YAML, keeping node positions (syntax errors stop here);
 *   2. apply `path=value` overrides to the plain document;
 *   3. validate the document with the file schema, collecting every problem;
 *   4. cross-field checks on the sections that are valid;
 *   5. resolve into a `Scenario` (hours from start) and check it can ever finish;
 *   6. attach file:line:column to each problem (not to those an override introduced).
 */
import { z } from 'zod';
import type { Scenario } from './types.ts';
import { crossCheck } from './crosscheck.ts';
import { feasibilityIssues } from './feasibility.ts';
import { pathText, sortIssues, type ScenarioIssue } from './issues.ts';
import { jsonDocs } from './leaves.ts';
import { applyOverrides, OVERRIDE_LABEL, setPath, type Override, type OverrideInput } from './overrides.ts';
import { resolveFile } from './resolve.ts';
import { fileSchema } from './schema.ts';
import { validateDocument } from './validate.ts';
import { deadlineWarnings } from './warnings.ts';
import { readYaml } from './yaml.ts';

export type { ScenarioIssue } from './issues.ts';
export { formatIssues, formatWarnings, pathText } from './issues.ts';
export { setPath, labelled, overrideInputText, checkOverrideList, OVERRIDE_LABEL } from './overrides.ts';
export type { OverrideInput } from './overrides.ts';
export { describeInputs, describeDist } from './describe.ts';
export type { Scenario } from './types.ts';

/**
 * A parse's outcome. A valid scenario may still carry `warnings`: problems that do not stop it
 * from running but fix its answer in advance (a clearance window that opens after the deadline).
 * `rangeWarnings` are the same warnings for a declared sensitivity value (`sensitivity.<path>.low`
 * or `.high`): they concern only `retrograde sensitivity`, so `validate` prints them and `run`
 * does not. They are judged on the file as written: empty when overrides are given, and from
 * resolveScenario.
 */
export type ScenarioResult =
  | { ok: true; scenario: Scenario; doc: unknown; warnings: ScenarioIssue[]; rangeWarnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[] };

/**
 * Parses scenario text (YAML or JSON) named `file`, applies `overrides` (`path=value`), and
 * validates it; every problem comes back at once, never thrown, and so do the warnings of a valid one.
 */
export function parseScenario(text: string, file: string, overrides: readonly OverrideInput[] = []): ScenarioResult {
  const read = readYaml(text, /\.json$/i.test(file));
  if (!read.ok) return read;
  const o = applyOverrides(read.source.data, overrides);
  const result = resolveScenario(o.doc, file);
  const issues = [...o.issues, ...(result.ok ? [] : result.issues)];
  // Problems with an override itself are filed under its label (path ["--set"]), not a line.
  const flags = new Set([OVERRIDE_LABEL, ...overrides.map((g) => (typeof g === 'string' ? OVERRIDE_LABEL : g.flag))]);
  const placed = (list: readonly ScenarioIssue[]) => sortIssues(list.map((i) => place(i, o.applied, flags, read.source.locate)));
  if (issues.length === 0 && result.ok) {
    // The declared ranges are judged on the file as written. With overrides (a one-off --set,
    // a sweep or sensitivity point) they are not in use, and they could fail for reasons the
    // override brought in; `sensitivity` checks its own points when it runs them.
    const points = overrides.length === 0 ? sensitivityPoints(o.doc, result.scenario, result.warnings) : { issues: [], warnings: [] };
    issues.push(...points.issues);
    if (issues.length === 0) return { ...result, warnings: placed(result.warnings), rangeWarnings: placed(points.warnings) };
  }
  return { ok: false, issues: placed(issues) };
}

/**
 * A problem at each declared sensitivity value that makes the scenario invalid as a whole (each
 * value is already valid on its own): `retrograde sensitivity` would stop there, so `validate`
 * says so first, at the value's line. And a warning at each value whose scenario would warn
 * (its answer fixed in advance, such as a `not_before` after the deadline), in the same words.
 */
function sensitivityPoints(doc: unknown, scenario: Scenario, scenarioWarnings: readonly ScenarioIssue[]): { issues: ScenarioIssue[]; warnings: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const warnings: ScenarioIssue[] = [];
  // Only what a value brings in: the file's own warnings are said once, at their place.
  const own = new Set(scenarioWarnings.map(issueKey));
  for (const [key, range] of Object.entries(scenario.sensitivity)) {
    for (const side of ['low', 'high'] as const) {
      const r = resolveScenario(setPath(doc, key, range[side]));
      const path = ['sensitivity', key, side];
      if (r.ok) {
        // A warning about the declared path itself is said once, not as "with x at this value: x: ...".
        const why = r.warnings
          .filter((i) => !own.has(issueKey(i)))
          .map((i) => (pathText(i.path) === key ? i.message : `${pathText(i.path)}: ${i.message}`))
          .join('; ');
        if (why !== '') warnings.push({ path, message: `at this value, ${why}` });
        continue;
      }
      const why = r.issues.map((i) => `${pathText(i.path)}: ${i.message}`).join('; ');
      issues.push({ path, message: `with ${key} at this value the scenario is invalid: ${why}` });
    }
  }
  return { issues, warnings };
}

/** Puts a problem at its place in the file, or says which override it came from. */
function place(issue: ScenarioIssue, applied: readonly Override[], flags: ReadonlySet<string>, locate: (p: readonly (string | number)[]) => { line: number; column: number }): ScenarioIssue {
  if (issue.path.length === 1 && flags.has(String(issue.path[0]))) return issue;
  const from = [...applied].reverse().find((o) => startsWith(issue.path, o.path));
  if (from !== undefined) return { ...issue, message: `${issue.message} (from ${from.flag} ${from.text})` };
  // A problem with something an override changed a part of (a list after --set list.0=x): its
  // place in the file, and the override that made it so.
  const inside = [...applied].reverse().find((o) => issue.path.length > 0 && startsWith(o.path, issue.path));
  if (inside !== undefined) return { ...issue, message: `${issue.message} (after ${inside.flag} ${inside.text})`, ...locate(issue.path) };
  return { ...issue, ...locate(issue.path) };
}

const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean =>
  prefix.length <= path.length && prefix.every((p, i) => String(p) === String(path[i]));

/**
 * Validates an in-memory document (the parsed file, possibly edited with `setPath`) and resolves
 * it; problems have paths but no line numbers. `file` is accepted for symmetry with parseScenario.
 */
export function resolveScenario(doc: unknown, file?: string): ScenarioResult {
  void file;
  const v = validateDocument(doc);
  const issues = dedupe([...v.issues, ...crossCheck(v.partial, doc), ...feasibilityIssues(v.partial, doc)]);
  if (issues.length > 0 || v.file === undefined) return { ok: false, issues };
  return { ok: true, scenario: deepFreeze(resolveFile(v.file)), doc, warnings: deadlineWarnings(v.file), rangeWarnings: [] };
}

/**
 * Freezes a resolved scenario all the way down. It has passed every check as it is; an edit in
 * place (`s.fleet['C-17'].count = 0`) would skip them, so it throws at once instead (modules are
 * strict code), and changes go through overrides, which are checked.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const issueKey = (i: ScenarioIssue): string => `${pathText(i.path)}\u0000${i.message}`;

function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = issueKey(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The JSON Schema of the scenario file format (for `retrograde schema` and editors). */
export function scenarioJsonSchema(): object {
  return z.toJSONSchema(fileSchema, {
    io: 'input',
    metadata: jsonDocs,
    unrepresentable: 'any',
    override: (ctx) => {
      // Leaves are transforms (unrepresentable); their documented input comes from jsonDocs.
      const doc = jsonDocs.get(ctx.zodSchema as unknown as z.ZodType);
      if (doc !== undefined) Object.assign(ctx.jsonSchema, doc);
      // `.describe()` texts in schema.ts live in zod's global registry, which `metadata` replaces.
      const described = z.globalRegistry.get(ctx.zodSchema as unknown as z.ZodType)?.description;
      if (described !== undefined) ctx.jsonSchema.description = described;
    },
  });
}
