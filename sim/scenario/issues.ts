/**
 * Problems with a scenario, as data. Validation collects every one of them before failing once;
 * formatting to text happens only here, at the edge (the CLI prints `formatIssues`).
 */

/** One problem in a scenario file: where (path, and line/column in the file when known) and what. */
export interface ScenarioIssue {
  /** Path of keys and list indexes, e.g. ['fleet', 'C-17', 'count']; [] for the whole file. */
  path: (string | number)[];
  message: string;
  /** 1-based line and column in the file, when the problem has a place in it. */
  line?: number;
  column?: number;
}

/** A path as users write it: `fleet.C-17.count`, `clearance.freezes.0.to`; `(file)` for the root. */
export function pathText(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(file)' : path.join('.');
}

/** One line per problem, `file:line:column  path: message` (no path for the whole file), in file order, problems without a line last. */
export function formatIssues(issues: readonly ScenarioIssue[], file: string): string {
  return sortIssues(issues)
    .map((i) => {
      const where = i.line === undefined ? file : `${file}:${i.line}:${i.column ?? 1}`;
      return i.path.length === 0 ? `${where}  ${i.message}` : `${where}  ${pathText(i.path)}: ${i.message}`;
    })
    .join('\n');
}

/** One line per warning, `file:line:column  warning: path: message`, in file order (see formatIssues). */
export function formatWarnings(warnings: readonly ScenarioIssue[], file: string): string {
  return formatIssues(warnings.map((w) => ({ ...w, path: [], message: w.path.length === 0 ? `warning: ${w.message}` : `warning: ${pathText(w.path)}: ${w.message}` })), file);
}

/** Issues in file order; those without a line (from overrides or cross-checks) after, by path. */
export function sortIssues(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  return [...issues].sort((a, b) => {
    const la = a.line ?? Infinity;
    const lb = b.line ?? Infinity;
    if (la !== lb) return la - lb;
    if ((a.column ?? 0) !== (b.column ?? 0)) return (a.column ?? 0) - (b.column ?? 0);
    return pathText(a.path) < pathText(b.path) ? -1 : pathText(a.path) > pathText(b.path) ? 1 : 0;
  });
}

/** A value as it appears in a message: strings quoted, objects as short JSON. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** The message for a value of the wrong kind: `expected <what>, got <value>` or `missing: expected <what>`. */
export function expected(what: string, input: unknown): string {
  return input === undefined ? `missing: expected ${what}` : `expected ${what}, got ${show(input)}`;
}
