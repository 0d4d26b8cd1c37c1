import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkSummary, formatSummaryIssues, readSummary, type InStep, type SummaryIssue } from '../../sim/batch/summary-schema.ts';
import type { Summary } from '../../sim/batch/types.ts';
import { cli } from '../cli/helpers.ts';

/** A real `run --json` result, parsed fresh for each caller. */
async function runJson(...sets: string[]): Promise<unknown> {
  const r = await cli('run', 'scenarios/niger-2024.yaml', '--runs', '60', '--workers', '0', ...sets.flatMap((s) => ['--set', s]), '--json');
  assert.is(r.code, 0, r.err);
  return JSON.parse(r.out);
}

const real = await runJson();
const fresh = (): Record<string, any> => structuredClone(real) as Record<string, any>;

function issuesOf(doc: unknown): SummaryIssue[] {
  const r = checkSummary(doc);
  assert.not.ok(r.ok, 'a corrupt result was accepted');
  return r.ok ? [] : r.issues;
}

test('a real `run --json` result passes whole: nothing dropped or changed', () => {
  const r = checkSummary(fresh());
  assert.ok(r.ok, r.ok ? '' : formatSummaryIssues(r.issues, 'result.json'));
  if (r.ok) assert.equal(r.summary, real);
});

test('a real result where no run finishes (null dates, unfinished runs) passes', async () => {
  const doc = await runJson('fleet.C-17.count=1', 'horizon=2024-10-01');
  const r = checkSummary(doc);
  assert.ok(r.ok, r.ok ? '' : formatSummaryIssues(r.issues, 'result.json'));
  assert.is((doc as Summary).completion.p50, null);
});

test('null sample, a garbage date and a word for a probability are all listed, each with its path and the value found', () => {
  const doc = fresh();
  doc.sample = null;
  doc.completion.p50 = 'garbage';
  doc.p_by_deadline = 'high';
  const issues = issuesOf(doc);
  assert.equal(issues.map((i) => i.path.join('.')).sort(), ['completion.p50', 'p_by_deadline', 'sample']);
  const text = formatSummaryIssues(issues, 'result.json');
  assert.match(text, 'result.json: sample: expected an object with replication, sorties, daily, got null');
  assert.match(text, /result\.json: completion\.p50: expected an ISO-8601 UTC date-time .*or null.*, got "garbage"/);
  assert.match(text, 'result.json: p_by_deadline: expected a number from 0 to 1, got "high"');
});

test('problems deep inside lists and records name their index and key', () => {
  const doc = fresh();
  doc.sample.sorties[3].landedH = '12';
  doc.bases.AB201.time.flying = 1.5;
  doc.ramp[7].us = -1;
  doc.fan[2].date = '2024-02-30';
  delete doc.inputs[0][1];
  const paths = issuesOf(doc).map((i) => i.path.join('.')).sort();
  assert.equal(paths, ['bases.AB201.time.flying', 'fan.2.date', 'inputs.0.1', 'ramp.7.us', 'sample.sorties.3.landedH']);
});

test('a missing field says it is missing and what it should be', () => {
  const doc = fresh();
  delete doc.deadline;
  assert.equal(issuesOf(doc), [{ path: ['deadline'], message: 'missing: expected an ISO-8601 UTC date-time such as "2024-09-15T00:00:00Z"' }]);
});

test('more unfinished runs than runs is refused once the types are right', () => {
  const doc = fresh();
  doc.unfinished.runs = doc.runs + 1;
  assert.equal(issuesOf(doc), [{ path: ['unfinished', 'runs'], message: `expected at most runs (${doc.runs}), got ${doc.runs + 1}` }]);
});

test('an edited result whose numbers disagree is refused with every problem and its path', () => {
  const doc = fresh();
  doc.p_by_deadline = 0.5;
  doc.completion.p10 = '2030-01-01T00:00:00Z';
  doc.time.down = 0.9;
  const issues = issuesOf(doc);
  assert.equal(issues.map((i) => i.path.join('.')), ['p_by_deadline', 'completion.p10', 'time']);
  const [lo, hi] = doc.p_by_deadline_ci95;
  const text = formatSummaryIssues(issues, 'result.json');
  assert.match(text, `result.json: p_by_deadline: expected a probability inside its 95% CI p_by_deadline_ci95 [${lo}, ${hi}], got 0.5`);
  assert.match(text, `result.json: completion.p10: expected at most p50 (${doc.completion.p50}), got "2030-01-01T00:00:00Z"`);
  assert.match(text, /result\.json: time: expected shares summing to 1 \(within 0\.001\), or all 0, got a sum of 1\.8\d+/);
});

test('quantiles out of order are named in sensitive, every base and the fan', () => {
  const doc = fresh();
  doc.sensitive.p50 = '2031-01-01T00:00:00Z';
  doc.bases.AB201.closed.p90 = doc.bases.AB201.closed.p10.replace(/^2024/, '2023');
  doc.fan[3].personnel.p10 = doc.fan[3].personnel.p90 + 1;
  const paths = issuesOf(doc).map((i) => i.path.join('.'));
  assert.equal(paths, ['sensitive.p50', 'bases.AB201.closed.p10', 'bases.AB201.closed.p50', 'fan.3.personnel.p10']);
});

test("each base's sensitive dates are checked like the others: in order, a share from 0 to 1", () => {
  const doc = fresh();
  doc.bases.AB101.sensitive.p50 = doc.bases.AB101.sensitive.p10.replace(/^2024/, '2023');
  doc.bases.AB201.sensitive.p_by_deadline = 1.5;
  const issues = issuesOf(doc);
  assert.equal(issues.map((i) => i.path.join('.')).sort(), ['bases.AB101.sensitive.p10', 'bases.AB201.sensitive.p_by_deadline']);
  const text = formatSummaryIssues(issues, 'r.json');
  assert.match(text, `r.json: bases.AB101.sensitive.p10: expected at most p50 (${doc.bases.AB101.sensitive.p50})`);
  assert.match(text, 'r.json: bases.AB201.sensitive.p_by_deadline: expected a number from 0 to 1, got 1.5');
});

test('an overall sensitive date earlier than a base, or a larger share by the deadline, is refused naming the base', () => {
  const doc = fresh();
  doc.bases.AB201.sensitive.p90 = new Date(Date.parse(doc.sensitive.p90) + 86_400_000).toISOString().replace('.000Z', 'Z');
  doc.bases.AB101.sensitive.p_by_deadline = doc.sensitive.p_by_deadline - 0.01;
  const issues = issuesOf(doc);
  assert.equal(issues.map((i) => i.path.join('.')), ['sensitive.p_by_deadline', 'sensitive.p90']);
  const text = formatSummaryIssues(issues, 'r.json');
  assert.match(text, `r.json: sensitive.p90: expected no earlier than bases.AB201.sensitive.p90 (${doc.bases.AB201.sensitive.p90})`);
  assert.match(text, 'r.json: sensitive.p_by_deadline: expected at most bases.AB101.sensitive.p_by_deadline');
});

test('a result saved before the per-base sensitive dates existed still reads whole', () => {
  const doc = fresh();
  for (const b of Object.values(doc.bases as Record<string, { sensitive?: unknown }>)) delete b.sensitive;
  const r = readSummary(JSON.stringify(doc));
  assert.ok(r.ok, r.ok ? '' : formatSummaryIssues(r.issues, 'result.json'));
  if (r.ok) assert.is(r.summary.bases.AB101!.sensitive, undefined);
});

test('a null quantile is after the horizon: a date after it is out of order, null after a date is not', () => {
  const doc = fresh();
  doc.completion.p50 = null;
  doc.completion.p90 = null;
  assert.ok(checkSummary(doc).ok);
  doc.completion.p90 = doc.completion.p10;
  assert.equal(issuesOf(doc).map((i) => i.path.join('.')), ['completion.p50']);
});

test('a reversed interval, a base whose shares do not sum to 1 and counts above the runs are all listed', () => {
  const doc = fresh();
  doc.p_by_deadline_ci95 = [0.99, 0.5];
  doc.bases.AB101.time.flying = 0;
  doc.sample.replication = doc.runs;
  doc.completion_days_sample = new Array(doc.runs + 1).fill(1);
  const paths = issuesOf(doc).map((i) => i.path.join('.'));
  assert.equal(paths, ['p_by_deadline_ci95', 'bases.AB101.time', 'completion_days_sample', 'sample.replication']);
});

test('a base with no aircraft time has all shares 0 and passes', () => {
  const doc = fresh();
  for (const k of Object.keys(doc.bases.AB101.time)) doc.bases.AB101.time[k] = 0;
  assert.ok(checkSummary(doc).ok);
});

test('more runs finished on time than finished at all is refused', () => {
  const doc = fresh();
  doc.unfinished.runs = Math.ceil(doc.runs / 2);
  doc.p_by_deadline = doc.p_by_deadline_ci95[0];
  const issues = issuesOf(doc);
  assert.equal(issues.map((i) => i.path.join('.')), ['p_by_deadline']);
  assert.match(issues[0]!.message, /^expected at most the share of runs that finished/);
});

test('a truncated result file is a JSON syntax error at its line and column, not a character offset', () => {
  const text = JSON.stringify(real, null, 2);
  const cut = text.slice(0, text.indexOf('"mean_sorties"') + 20);
  const r = readSummary(cut);
  assert.not.ok(r.ok);
  if (r.ok) return;
  assert.is(r.issues.length, 1);
  const lines = cut.split('\n');
  assert.equal([r.issues[0]!.line, r.issues[0]!.column], [lines.length, lines[lines.length - 1]!.length + 1]);
  const shown = formatSummaryIssues(r.issues, 'result.json');
  assert.match(shown, new RegExp(`^result\\.json:${lines.length}:\\d+: JSON syntax: `));
  assert.not.match(shown, /position/);
  assert.ok(readSummary(text).ok);
});

test('something that is not an object at all is one problem about the whole file', () => {
  const issues = issuesOf([1, 2]);
  assert.is(issues.length, 1);
  assert.match(formatSummaryIssues(issues, 'r.json'), /^r\.json: expected a `retrograde run --json` result: an object with scenario, .*got \[1,2\]$/);
});

test('the type check that keeps the schema in step with Summary tells a drifted type apart', () => {
  const same: InStep<Summary, Summary> = true;
  // @ts-expect-error a Summary without a field is not in step with Summary
  const dropped: InStep<Omit<Summary, 'seed'>, Summary> = true;
  // @ts-expect-error nor is one with an extra field
  const added: InStep<Summary & { extra: number }, Summary> = true;
  assert.ok(same && dropped && added);
});

test('a result saved before the team and closed-airfield shares existed is refused naming them', () => {
  const doc = fresh();
  delete doc.time.teamWait;
  delete doc.bases.AB201.time.closedWait;
  delete doc.sample.sorties[0].teamWaitH;
  const paths = issuesOf(doc).map((i) => i.path.join('.'));
  for (const p of ['time.teamWait', 'bases.AB201.time.closedWait', 'sample.sorties.0.teamWaitH']) assert.ok(paths.includes(p), `${p} not in ${paths}`);
});

test("a compare table where a run's result belongs says that it is one and what makes its page", () => {
  const r = checkSummary({ seed: 's', runs: 10, deadlines_differ: false, rows: [{ differs: [] }, { differs: ['x'] }] });
  assert.is(r.ok, false);
  const message = r.ok ? '' : r.issues.map((i) => i.message).join('\n');
  assert.match(message, /^this is a `retrograde compare --json` table, not a run's result: `retrograde report` makes its page \(in a script, compareReportHtml\(table\)\)$/);
});

test.run();
