/**
 * The deep check of a saved `retrograde run --json` result before a report is drawn from it:
 * every field of the Summary, at every depth, with its JSON path and what was expected; then,
 * once the types are right, that the numbers agree with each other (a probability inside its
 * interval, quantiles in order, time shares summing to 1, counts within the runs). A type
 * assertion below keeps the schema in step with the `Summary` interface: a field added to one and
 * not the other fails to compile.
 */
import { z } from 'zod';
import type { Summary, TimeShares } from './types.ts';
import { expected, pathText } from '../scenario/issues.ts';
import { jsonSyntax } from '../scenario/yaml.ts';

/** One problem in a saved result: where (JSON path; [] for the whole file; a line and column for a syntax error) and what. */
export interface SummaryIssue {
  path: (string | number)[];
  message: string;
  line?: number;
  column?: number;
}

export type SummaryCheck = { ok: true; summary: Summary } | { ok: false; issues: SummaryIssue[] };

// Each schema carries the words for what it expects; `checkSummary` adds "got <value>".
const want = (what: string) => ({ error: what });

const STRING = 'a string';
const NUMBER = 'a number';
const AMOUNT = 'a number >= 0';
const SHARE = 'a number from 0 to 1';
const COUNT = 'a whole number >= 0';
const INSTANT = 'an ISO-8601 UTC date-time such as "2024-09-15T00:00:00Z"';
const DAY = 'a date such as "2024-09-15"';

const string = z.string(want(STRING));
const number = z.number(want(NUMBER));
const amount = z.number(want(AMOUNT)).min(0, want(AMOUNT));
const share = z.number(want(SHARE)).min(0, want(SHARE)).max(1, want(SHARE));
const count = z.int(want(COUNT)).min(0, want(COUNT));
const instant = z.iso.datetime(want(INSTANT));
const instantOrNull = z.iso.datetime(want(`${INSTANT}, or null (not by the horizon)`)).nullable();
const day = z.iso.date(want(DAY));
const list = <T extends z.ZodType>(item: T, of: string) => z.array(item, want(`a list of ${of}`));
const object = <S extends z.ZodRawShape>(shape: S, what = 'an object') => z.object(shape, want(`${what} with ${Object.keys(shape).join(', ')}`));

const quantiles = { p10: instantOrNull, p50: instantOrNull, p90: instantOrNull };
const band = object({ p10: amount, p50: amount, p90: amount });

const timeShares = object({
  clearanceWait: share,
  rampWait: share,
  loading: share,
  flying: share,
  hub: share,
  down: share,
  cargoWait: share,
  teamWait: share,
  closedWait: share,
});

const sortie = object({
  aircraft: string,
  type: string,
  base: string,
  requestedH: number,
  approvedH: number,
  landedH: number,
  departedH: number,
  clearanceWaitH: amount,
  rampWaitH: amount,
  closedWaitH: amount,
  teamWaitH: amount,
  groundH: amount,
  flyingH: amount,
  sensitiveST: amount,
  equipmentST: amount,
  personnel: amount,
});

const daily = object({
  day: count,
  base: string,
  sensitiveST: amount,
  equipmentST: amount,
  personnel: amount,
  usOnRamp: amount,
  ruOnRamp: amount,
});

const base = object({
  name: string,
  closed: object(quantiles),
  p_by_deadline: share,
  sensitive: object({ ...quantiles, p_by_deadline: share }).nullable().optional(),
  mean_sorties: amount,
  time: timeShares,
  closed_days_sample: list(amount, 'numbers (days)'),
});

/** The schema of `Summary` (sim/batch/types.ts), with ranges where the type alone says too little. */
export const summarySchema = object(
  {
    scenario: string,
    runs: z.int(want('a whole number >= 1')).min(1, want('a whole number >= 1')),
    seed: string,
    start: instant,
    deadline: instant,
    p_by_deadline: share,
    p_by_deadline_ci95: z.tuple([share, share], want('a pair [low, high] of numbers from 0 to 1')),
    unfinished: object({ runs: count, cause: string }),
    completion: object({ ...quantiles, mean_days: z.number(want(`${AMOUNT}, or null`)).min(0, want(`${AMOUNT}, or null`)).nullable() }),
    completion_days_sample: list(amount, 'numbers (days)'),
    sensitive: object({ ...quantiles, p_by_deadline: share }),
    bases: z.record(string, base, want('an object of bases by id')),
    mean_sorties: amount,
    time: timeShares,
    diagnosis: string,
    fan: list(object({ date: day, base: string, cargoST: band, personnel: band }), 'daily points'),
    ramp: list(object({ date: day, base: string, us: amount, ru: amount, spots: amount }), 'daily points'),
    sample: object({ replication: count, sorties: list(sortie, 'sorties'), daily: list(daily, 'daily records') }),
    inputs: list(z.tuple([string, string], want('a pair [input, value] of strings')), '[input, value] pairs'),
    command: string,
    overrides: list(string, 'strings (path=value)').optional(),
  },
  'a `retrograde run --json` result: an object',
).superRefine((s, ctx) => {
  // Only reached when every field has its type, so the numbers compare.
  const problem = (path: (string | number)[], what: string, got?: string): void => {
    ctx.addIssue({ code: 'custom', path, message: what, ...(got === undefined ? {} : { params: { got } }) });
  };
  if (s.unfinished.runs > s.runs) problem(['unfinished', 'runs'], `at most runs (${s.runs})`);
  const [lo, hi] = s.p_by_deadline_ci95;
  if (lo > hi) problem(['p_by_deadline_ci95'], 'a pair [low, high] with low <= high');
  else if (s.p_by_deadline < lo || s.p_by_deadline > hi) problem(['p_by_deadline'], `a probability inside its 95% CI p_by_deadline_ci95 [${lo}, ${hi}]`);
  // On time implies finished; rounding to 6 decimals may add half a millionth.
  const finished = (s.runs - s.unfinished.runs) / s.runs;
  if (s.unfinished.runs <= s.runs && s.p_by_deadline > finished + 1e-6) problem(['p_by_deadline'], `at most the share of runs that finished, (runs - unfinished.runs) / runs = ${round6(finished)}`);
  ordered(s.completion, ['completion'], problem);
  ordered(s.sensitive, ['sensitive'], problem);
  latestOfBases(s, problem);
  summed(s.time, ['time'], problem);
  for (const [id, b] of Object.entries(s.bases)) {
    ordered(b.closed, ['bases', id, 'closed'], problem);
    if (b.sensitive != null) ordered(b.sensitive, ['bases', id, 'sensitive'], problem);
    summed(b.time, ['bases', id, 'time'], problem);
    if (b.closed_days_sample.length > s.runs) problem(['bases', id, 'closed_days_sample'], `at most runs (${s.runs}) values`, `${b.closed_days_sample.length} values`);
  }
  s.fan.forEach((f, i) => {
    ordered(f.cargoST, ['fan', i, 'cargoST'], problem);
    ordered(f.personnel, ['fan', i, 'personnel'], problem);
  });
  if (s.completion_days_sample.length > s.runs) problem(['completion_days_sample'], `at most runs (${s.runs}) values`, `${s.completion_days_sample.length} values`);
  if (s.sample.replication >= s.runs) problem(['sample', 'replication'], `a replication of the batch, 0 to ${s.runs - 1}`);
});

type Problem = (path: (string | number)[], what: string, got?: string) => void;

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** A quantile as a number to compare, a null date (not by the horizon) counting as later than any date. */
const key = (v: string | number | null): number => (v === null ? Infinity : typeof v === 'number' ? v : Date.parse(v));
const text = (v: string | number | null): string => (v === null ? 'null (not by the horizon)' : typeof v === 'number' ? String(v) : v);

/** Quantiles must not decrease: p10 <= p50 <= p90, a null date (not by the horizon) counting as later than any date. */
function ordered(q: { p10: string | number | null; p50: string | number | null; p90: string | number | null }, at: (string | number)[], problem: Problem): void {
  if (key(q.p10) > key(q.p50)) problem([...at, 'p10'], `at most p50 (${text(q.p50)})`);
  else if (key(q.p10) > key(q.p90)) problem([...at, 'p10'], `at most p90 (${text(q.p90)})`);
  if (key(q.p50) > key(q.p90)) problem([...at, 'p50'], `at most p90 (${text(q.p90)})`);
}

/**
 * Run by run, the sensitive equipment is out overall when the last base's is: so each overall
 * quantile is no earlier than that base's (not equal to the latest of them: a quantile of the
 * latest is not the latest of the quantiles), and the share by the deadline no larger. Also true
 * of the one-hour bins the quantiles are read from. Bases with none to move (null), and results
 * saved without the field, are skipped.
 */
function latestOfBases(s: Pick<Summary, 'sensitive' | 'bases'>, problem: Problem): void {
  for (const [id, b] of Object.entries(s.bases)) {
    if (b.sensitive == null) continue;
    for (const k of ['p10', 'p50', 'p90'] as const) {
      if (key(s.sensitive[k]) < key(b.sensitive[k])) problem(['sensitive', k], `no earlier than bases.${id}.sensitive.${k} (${text(b.sensitive[k])}): the overall date is each run's latest base`);
    }
    if (s.sensitive.p_by_deadline > b.sensitive.p_by_deadline) problem(['sensitive', 'p_by_deadline'], `at most bases.${id}.sensitive.p_by_deadline (${b.sensitive.p_by_deadline}): the overall date is each run's latest base`);
  }
}

/** Time shares are parts of one whole: they sum to 1 (within 1e-3, for rounding), or are all 0 when no aircraft time was spent. */
function summed(t: TimeShares, at: (string | number)[], problem: Problem): void {
  const sum = Object.values(t).reduce((a, b) => a + b, 0);
  if (sum !== 0 && Math.abs(sum - 1) > 1e-3) problem(at, 'shares summing to 1 (within 0.001), or all 0', `a sum of ${Number(sum.toFixed(6))}`);
}

/** True when A and B are mutually assignable. */
export type InStep<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Fails to compile when the schema and the Summary interface drift apart.
const schemaInStep: InStep<z.infer<typeof summarySchema>, Summary> = true;
void schemaInStep;

/** The value at a JSON path, or undefined when the path leaves the document. */
function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let cur = doc;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Checks a parsed JSON document against the Summary; every problem comes back, none is thrown. */
export function checkSummary(doc: unknown): SummaryCheck {
  // A sweep's or a sensitivity's table, given where a run's result belongs: say which it is.
  if (typeof doc === 'object' && doc !== null && Array.isArray((doc as { rows?: unknown }).rows) && !('p_by_deadline' in doc)) {
    if ('deadlines_differ' in doc) {
      return { ok: false, issues: [{ path: [], message: "this is a `retrograde compare --json` table, not a run's result: `retrograde report` makes its page (in a script, compareReportHtml(table))" }] };
    }
    const what = 'baseline' in doc ? 'sensitivity' : 'sweep';
    return { ok: false, issues: [{ path: [], message: `this is a \`retrograde ${what} --json\` table, not a run's result: make its report with \`retrograde ${what} ... --report out.html\`` }] };
  }
  const r = summarySchema.safeParse(doc);
  if (r.success) return { ok: true, summary: r.data };
  const issues = r.error.issues.map((i): SummaryIssue => {
    const path = i.path.map((k) => (typeof k === 'number' ? k : String(k)));
    // A consistency problem may say what it found in its own words (a sum, a count).
    const got = i.code === 'custom' ? (i.params as { got?: unknown } | undefined)?.got : undefined;
    return { path, message: typeof got === 'string' ? `expected ${i.message}, got ${got}` : expected(i.message, valueAt(doc, i.path)) };
  });
  return { ok: false, issues };
}

/**
 * Reads the text of a saved result: a JSON syntax error comes back as one issue at its line and
 * column (not JSON.parse's character offset), else the problems of `checkSummary`.
 */
export function readSummary(text: string): SummaryCheck {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // Parsed again only to place the error: JSON.parse's message gives an offset at best.
    return { ok: false, issues: [jsonSyntax(text) as SummaryIssue] };
  }
  return checkSummary(doc);
}

/** One line per problem: `result.json: completion.p50: expected ..., got "garbage"`, or `result.json:12:5: JSON syntax: ...`. */
export function formatSummaryIssues(issues: readonly SummaryIssue[], file: string): string {
  return issues
    .map((i) => {
      const where = i.line === undefined ? file : `${file}:${i.line}:${i.column ?? 1}`;
      return i.path.length === 0 ? `${where}: ${i.message}` : `${where}: ${pathText(i.path)}: ${i.message}`;
    })
    .join('\n');
}
