// The library entry point names every type a script meets in the values it gets back, so a user
// can annotate them without reaching into sim/ subfolders. The type annotations below only
// compile when the names are exported (`npm test` runs tsc first); the assertions check values.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  loadScenario, createModel, readScenarioText, sweep, VaryError, SweepInputError, SWEEP_COLUMNS, SENSITIVITY_COLUMNS, runReportHtml, runBatch,
  sweepReportHtml, sensitivityReportHtml, formatSummary, sliceSweep, TRACE_EVENTS, parseScenario,
  type ScenarioIssue, type RunReportOptions, type BaseResult, type StopReason, type Availability, type SensitivityInput, type Freeze,
  type OverrideInput, type ScenarioResult, type SweepReportOptions, type TraceEventKind, type TraceEvent,
  pairedCounts, pairedDifferenceCi, isOnTime, type OnTimeBits, type PairedCounts,
} from '../sim/index.ts';

const file = 'scenarios/niger-2024.yaml';

test('loadScenario takes a readonly list of overrides', () => {
  const overrides = ['fleet.C-17.count=3'] as const;
  assert.is(loadScenario(file, overrides).fleet['C-17']?.count, 3);
});

test('model results are typed by exported names: StopReason, BaseResult, Availability, Freeze', () => {
  const s = loadScenario(file);
  const r = createModel(s).run('types', 0);
  const stop: StopReason = r.stopReason;
  const base: BaseResult | undefined = r.bases.AB101;
  const availability: Availability | undefined = s.fleet['C-17']?.availability;
  const freezes: Freeze[] = s.clearance.freezes;
  assert.ok(stop === 'done' || stop === 'horizon');
  assert.type(base?.sorties, 'number');
  assert.type(availability?.kind, 'string');
  assert.ok(Array.isArray(freezes));
});

test('SweepInputError.issues are ScenarioIssues, and VaryError is a class to test with instanceof', async () => {
  const text = readScenarioText(file);
  let issues: ScenarioIssue[] = [];
  try {
    await sweep(text, { 'fleet.C17.count': [1] }, { runs: 10, workers: 0 });
  } catch (e) {
    if (e instanceof SweepInputError) issues = e.issues;
  }
  assert.ok(issues.length > 0);
  assert.match(issues[0]?.message ?? '', /C17/);
  let vary: VaryError | undefined;
  try {
    await sweep(text, {}, { runs: 10, workers: 0 });
  } catch (e) {
    if (e instanceof VaryError) vary = e;
  }
  assert.is(vary?.name, 'VaryError');
});

test('the CSV column names, SensitivityInput and RunReportOptions are public', () => {
  assert.ok(SWEEP_COLUMNS.includes('p_by_deadline'));
  assert.ok(SENSITIVITY_COLUMNS.includes('delta_p'));
  const input: SensitivityInput = { path: 'fleet.C-17.count', low: 2, high: 8, source: 'declared' };
  const options: RunReportOptions = {};
  assert.is(input.source, 'declared');
  assert.is(typeof runReportHtml, 'function');
  assert.equal(options, {});
});

test('a loaded scenario cannot be edited in place: the edit throws at once, and overrides are the way to change it', () => {
  const s = loadScenario(file);
  assert.throws(() => {
    (s.fleet['C-17'] as { count: number }).count = 0;
  }, TypeError);
  assert.throws(() => {
    (s.clearance.freezes as Freeze[]).push({ fromH: 0, toH: 1 });
  }, TypeError);
  const parsed: ScenarioResult = parseScenario('name: x', 'x.yaml');
  assert.not.ok(parsed.ok);
});

test("a script's batch records the command that reproduces it, from the file and overrides it was loaded with", async () => {
  const overrides: OverrideInput[] = ['fleet.C-17.count=3'];
  const s = loadScenario(file, overrides);
  const { summary } = await runBatch(s, { runs: 20, seed: 'origin', workers: 0 });
  assert.is(summary.command, `retrograde run ${file} --runs 20 --seed origin --set fleet.C-17.count=3`);
  // A copy with other contents no longer matches what the file and overrides give: no command.
  const copy = { ...s, fleet: { 'C-17': { ...s.fleet['C-17']!, count: 4 } } };
  const other = await runBatch(copy, { runs: 20, seed: 'origin', workers: 0 });
  assert.is(other.summary.command, '');
  assert.match(formatSummary(summary), /P\(finish by deadline\)/);
  assert.match(formatSummary(summary), /\n {2}overrides: fleet\.C-17\.count=3\n/, 'the terminal text names the overrides by itself');
});

test('trace event kinds are a typed, listed set, and the report builders are public', () => {
  const kinds: TraceEventKind[] = [];
  createModel(loadScenario(file)).run('kinds', 0, { trace: (e: TraceEvent) => kinds.push(e.event) });
  assert.ok(kinds.length > 0);
  assert.equal(kinds.filter((k) => !TRACE_EVENTS.includes(k)), []);
  const options: SweepReportOptions = { file };
  assert.is(typeof sweepReportHtml, 'function');
  assert.is(typeof sensitivityReportHtml, 'function');
  assert.is(typeof sliceSweep, 'function');
  assert.equal(options, { file });
});

test('two batches on the same seed give a paired interval through the exported pairedCounts and pairedDifferenceCi', async () => {
  const runs = 120;
  const opts = { runs, seed: 'paired-export', workers: 0, onTimeBits: true } as const;
  const two = await runBatch(loadScenario('scenarios/niger-2024-thin-fleet.yaml'), opts);
  const more = await runBatch(loadScenario('scenarios/niger-2024-thin-fleet.yaml', ['fleet.C-130J.count=5']), opts);
  const a: OnTimeBits = two.onTimeBits!;
  const b: OnTimeBits = more.onTimeBits!;
  const c: PairedCounts = pairedCounts(a, b, runs);
  assert.is(c.both + c.highOnly + c.lowOnly + c.neither, runs);
  assert.is(c.both + c.lowOnly, Array.from({ length: runs }, (_, i) => isOnTime(a, i)).filter(Boolean).length);
  // The summaries' P are rounded to 6 decimals.
  assert.ok(Math.abs((c.highOnly - c.lowOnly) / runs - (more.summary.p_by_deadline - two.summary.p_by_deadline)) < 2e-6);
  const [lo, hi] = pairedDifferenceCi(c);
  const delta = (c.highOnly - c.lowOnly) / runs;
  assert.ok(lo <= delta && delta <= hi && lo > -1 && hi < 1, `${lo} <= ${delta} <= ${hi}`);
});

test.run();
