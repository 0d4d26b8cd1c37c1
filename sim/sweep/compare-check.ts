/**
 * Checks a comparison table (compareScenarios' result, or a saved `compare --json`) before a
 * report draws it: every field of the type it needs, and every figure in step with the others
 * (a chance inside its interval, each change equal to the chance minus the reference's and to the
 * discordant runs over the replications, dates in order), so that a page never shows a table
 * edited by hand into numbers that disagree. Every problem comes back as data, none is thrown.
 */
import { mainConstraint, type CompareRow, type CompareTable } from './compare.ts';

/** One problem: where (a JSON path, `rows[2].delta_p`) and what was expected. */
export interface CompareIssue {
  path: Array<string | number>;
  message: string;
}

/** Slack for figures rounded to 6 decimals (compare.ts round6) before being compared. */
const EPS = 2e-6;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const got = (v: unknown): string => (v === undefined ? 'nothing' : (JSON.stringify(v) ?? String(v)));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInstant = (v: unknown): v is string => typeof v === 'string' && ISO.test(v) && Number.isFinite(Date.parse(v));

/** `rows[2].delta_p`, `seed`: a path as the messages write it. */
export function compareIssuePath(path: ReadonlyArray<string | number>): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** One line per problem, `where: rows[1].delta_p: expected ..., got ...`; `where` is the file or the caller. */
export function formatCompareIssues(issues: readonly CompareIssue[], where: string): string {
  return issues.map((i) => (i.path.length === 0 ? `${where}: ${i.message}` : `${where}: ${compareIssuePath(i.path)}: ${i.message}`)).join('\n');
}

/** True when [lo, hi] lies inside [floor, 1] and holds x. */
const inside = ([lo, hi]: [number, number], x: number, floor: number): boolean => lo >= floor && lo <= x + EPS && x <= hi + EPS && hi <= 1;

/** A quantile as a number to compare, a null date (not by the horizon) counting as later than any. */
const later = (iso: string | null): number => (iso === null ? Infinity : Date.parse(iso));

/** The problems of one row's own fields; `runs` is the table's. */
function rowIssues(r: Record<string, unknown>, at: Array<string | number>, runs: number | undefined, add: (path: Array<string | number>, message: string) => void): boolean {
  const before = { n: 0 };
  const bad = (key: string, message: string): void => {
    before.n++;
    add([...at, key], message);
  };
  for (const key of ['name', 'file', 'main_constraint', 'diagnosis'] as const) if (typeof r[key] !== 'string') bad(key, `expected a text, got ${got(r[key])}`);
  if (!isInstant(r.deadline)) bad('deadline', `expected an ISO-8601 date-time, got ${got(r.deadline)}`);
  if (!isNumber(r.runs) || r.runs !== runs) bad('runs', `expected the table's runs (${got(runs)}), got ${got(r.runs)}`);
  const pOk = isNumber(r.p_by_deadline) && r.p_by_deadline >= 0 && r.p_by_deadline <= 1;
  if (!pOk) bad('p_by_deadline', `expected a number from 0 to 1, got ${got(r.p_by_deadline)}`);
  const ci = r.p_by_deadline_ci95;
  if (!Array.isArray(ci) || ci.length !== 2 || !ci.every(isNumber)) bad('p_by_deadline_ci95', `expected [low, high], got ${got(ci)}`);
  else if (pOk && !inside(ci as [number, number], r.p_by_deadline as number, 0)) {
    bad('p_by_deadline_ci95', `expected an interval inside 0 to 1 that holds p_by_deadline ${r.p_by_deadline}, got ${got(ci)}`);
  }
  const c = r.completion;
  if (!isObject(c)) bad('completion', `expected an object with p10, p50, p90, got ${got(c)}`);
  else {
    for (const q of ['p10', 'p50', 'p90'] as const) if (c[q] !== null && !isInstant(c[q])) bad(`completion.${q}`, `expected an ISO-8601 date-time or null (after the horizon), got ${got(c[q])}`);
    const qs = [c.p10, c.p50, c.p90] as Array<string | null>;
    if (qs.every((q) => q === null || isInstant(q)) && !(later(qs[0] as string | null) <= later(qs[1] as string | null) && later(qs[1] as string | null) <= later(qs[2] as string | null))) {
      bad('completion', `expected p10 <= p50 <= p90, got ${got(qs)}`);
    }
  }
  if (!isNumber(r.mean_sorties) || r.mean_sorties < 0) bad('mean_sorties', `expected a number >= 0, got ${got(r.mean_sorties)}`);
  if (!isObject(r.time) || !Object.values(r.time).every((v) => isNumber(v) && v >= 0 && v <= 1)) bad('time', `expected shares of aircraft time from 0 to 1, got ${got(r.time)}`);
  const deltaOk = isNumber(r.delta_p) && r.delta_p >= -1 && r.delta_p <= 1;
  if (!deltaOk) bad('delta_p', `expected a number from -1 to 1, got ${got(r.delta_p)}`);
  const dci = r.delta_p_ci95;
  if (!Array.isArray(dci) || dci.length !== 2 || !dci.every(isNumber)) bad('delta_p_ci95', `expected [low, high], got ${got(dci)}`);
  else if (deltaOk && !inside(dci as [number, number], r.delta_p as number, -1)) {
    bad('delta_p_ci95', `expected an interval inside -1 to 1 that holds delta_p ${r.delta_p}, got ${got(dci)}`);
  }
  const d = r.discordant_runs;
  const count = (v: unknown): boolean => isNumber(v) && Number.isInteger(v) && v >= 0;
  if (!isObject(d) || !count(d.variant_only) || !count(d.reference_only) || (isNumber(runs) && (d.variant_only as number) + (d.reference_only as number) > runs)) {
    bad('discordant_runs', `expected { variant_only, reference_only }, whole numbers summing to at most the runs, got ${got(d)}`);
  }
  if (r.delta_p50_days !== null && !isNumber(r.delta_p50_days)) bad('delta_p50_days', `expected a number of days or null, got ${got(r.delta_p50_days)}`);
  if (!Array.isArray(r.differs) || !r.differs.every((p) => typeof p === 'string')) bad('differs', `expected a list of scenario paths, got ${got(r.differs)}`);
  return before.n === 0;
}

/** The problems of a row whose own fields are sound, against the reference row. */
function agreement(r: CompareRow, ref: CompareRow, i: number, runs: number, add: (path: Array<string | number>, message: string) => void): void {
  const at = ['rows', i];
  const delta = r.p_by_deadline - ref.p_by_deadline;
  if (Math.abs(r.delta_p - delta) > EPS) add([...at, 'delta_p'], `expected p_by_deadline minus the reference's (${r.p_by_deadline} - ${ref.p_by_deadline}), got ${r.delta_p}`);
  const { variant_only: v, reference_only: o } = r.discordant_runs;
  if (Math.abs(r.delta_p - (v - o) / runs) > EPS) {
    add([...at, 'discordant_runs'], `expected (variant_only - reference_only) / runs to be delta_p ${r.delta_p}, got (${v} - ${o}) / ${runs}`);
  }
  const [a, b] = [r.completion.p50, ref.completion.p50];
  const shift = a === null || b === null ? null : Math.round(((Date.parse(a) - Date.parse(b)) / 86_400_000) * 100) / 100;
  if (shift === null ? r.delta_p50_days !== null : r.delta_p50_days === null || Math.abs(r.delta_p50_days - shift) > 0.006) {
    add([...at, 'delta_p50_days'], `expected the median minus the reference's median in days (${shift === null ? 'null: one is after the horizon' : shift}), got ${got(r.delta_p50_days)}`);
  }
  if (i === 0 && (r.delta_p !== 0 || r.delta_p_ci95[0] !== 0 || r.delta_p_ci95[1] !== 0 || v !== 0 || o !== 0 || r.differs.length > 0)) {
    add(at, `the reference (the first row) has no change against itself: expected delta_p 0 with interval [0, 0], no discordant runs and no differs, got ${r.delta_p}, ${got(r.delta_p_ci95)}, ${got(r.discordant_runs)}, ${got(r.differs)}`);
  }
  const named = mainConstraint(r.time);
  if (r.main_constraint !== named) add([...at, 'main_constraint'], `expected what the row's time shares name (${JSON.stringify(named)}), got ${got(r.main_constraint)}`);
}

/**
 * Every problem of `doc` as a comparison table: a field missing or of the wrong type, fewer than
 * two rows, or figures that disagree with each other or with the reference row. [] when sound.
 */
export function checkCompareTable(doc: unknown): CompareIssue[] {
  const issues: CompareIssue[] = [];
  const add = (path: Array<string | number>, message: string): void => void issues.push({ path, message });
  if (!isObject(doc)) return [{ path: [], message: `expected a comparison table (what compareScenarios returns, or \`retrograde compare --json\` prints), got ${got(doc)}` }];
  if (typeof doc.seed !== 'string') add(['seed'], `expected a text, got ${got(doc.seed)}`);
  const runs = isNumber(doc.runs) && Number.isInteger(doc.runs) && doc.runs >= 1 ? doc.runs : undefined;
  if (runs === undefined) add(['runs'], `expected a whole number >= 1, got ${got(doc.runs)}`);
  if (!isInstant(doc.start)) add(['start'], `expected an ISO-8601 date-time, got ${got(doc.start)}`);
  if (typeof doc.deadlines_differ !== 'boolean') add(['deadlines_differ'], `expected true or false, got ${got(doc.deadlines_differ)}`);
  for (const key of ['overrides', 'notes'] as const) {
    const v = doc[key];
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) add([key], `expected a list of texts, got ${got(v)}`);
  }
  const rows = doc.rows;
  if (!Array.isArray(rows) || rows.length < 2) {
    add(['rows'], `expected at least 2 rows (the reference, then its variants), got ${Array.isArray(rows) ? `${rows.length}` : got(rows)}`);
    return issues;
  }
  const sound = rows.map((r, i) => (isObject(r) ? rowIssues(r, ['rows', i], runs, add) : (add(['rows', i], `expected a row object, got ${got(r)}`), false)));
  if (runs === undefined || !sound[0]) return issues;
  const typed = rows as CompareRow[];
  const ref = typed[0] as CompareRow;
  typed.forEach((r, i) => {
    if (sound[i]) agreement(r, ref, i, runs, add);
  });
  if (sound.every(Boolean) && typeof doc.deadlines_differ === 'boolean') {
    const differ = typed.some((r) => Date.parse(r.deadline) !== Date.parse(ref.deadline));
    if (differ !== doc.deadlines_differ) add(['deadlines_differ'], `expected ${differ}: the rows' deadlines ${differ ? 'differ' : 'are all the same'}, got ${doc.deadlines_differ}`);
  }
  return issues;
}

/** True when `doc` looks like a comparison table rather than a run's result or a sweep's table: for telling saved files apart. */
export function looksLikeCompareTable(doc: unknown): doc is CompareTable {
  return isObject(doc) && Array.isArray(doc.rows) && ('deadlines_differ' in doc || doc.rows.some((r) => isObject(r) && 'differs' in r));
}
