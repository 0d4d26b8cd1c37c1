import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from './helpers.ts';
import { count, formatShares, formatSummary } from '../../sim/cli/format.ts';
import { sampleSummary } from '../reports/fixture.ts';

const thin = 'scenarios/niger-2024-thin-fleet.yaml';

/** One replication each of run, sweep and sensitivity, without overrides: run once, read by two tests. */
let plain: Promise<Awaited<ReturnType<typeof cli>>[]> | undefined;
const plainRuns = () =>
  (plain ??= (async () => [
    await cli('run', thin, '--runs', '1', '--workers', '0'),
    await cli('sweep', thin, '--vary', 'fleet.C-17.count=1,2', '--runs', '1', '--workers', '0'),
    await cli('sensitivity', thin, '--runs', '1', '--workers', '0'),
  ])());

test('count is singular for 1 only, and groups thousands', () => {
  assert.is(count(1, 'replication'), '1 replication');
  assert.is(count(0, 'replication'), '0 replications');
  assert.is(count(2000, 'replication'), '2,000 replications');
  assert.is(count(1, 'sortie'), '1 sortie');
});

test('one replication is "1 replication" in run, sweep and sensitivity output', async () => {
  const outputs = await plainRuns();
  for (const r of outputs) {
    assert.is(r.code, 0, r.err);
    assert.match(r.out, /\b1 replication\b(?!s)/);
    assert.not.match(r.out + r.err, /\b1 replications\b/);
  }
});

test('the time line names loading-team and closed-airfield waits apart from ramp and loading', () => {
  const line = formatShares({ clearanceWait: 0.4, rampWait: 0.001, loading: 0.1, flying: 0.1, hub: 0.2, down: 0, cargoWait: 0, teamWait: 0.12, closedWait: 0.079 });
  assert.is(line, 'waiting for clearance 40%, at the hub (turnaround, crew rest) 20%, waiting for a loading team 12%, on the ground loading 10%, flying 10%, waiting for the airfield to open 8%, other <1%');
});

test('the time line sums shares under half a percent into "other", so the printed shares add up to 100% within rounding', () => {
  // The user's Chad run: ramp 0.02% and team 0.12% were dropped, and the line summed to 99%.
  const chad = { clearanceWait: 0.5579, rampWait: 0.0002, loading: 0.024, flying: 0.0812, hub: 0.1909, down: 0.0837, cargoWait: 0.0418, teamWait: 0.0012, closedWait: 0.0191 };
  const line = formatShares(chad);
  assert.match(line, /, other <1%$/);
  // Three small ones that together make 1%: "other 1%", and the printed figures sum to 100.
  const small = { clearanceWait: 0.5, rampWait: 0.004, loading: 0.1, flying: 0.1, hub: 0.28, down: 0.004, cargoWait: 0.004, teamWait: 0, closedWait: 0.008 };
  const shown = formatShares(small);
  assert.match(shown, /, other 1%$/);
  const sum = [...shown.matchAll(/(\d+)%/g)].reduce((a, m) => a + Number(m[1]), 0);
  assert.is(sum, 100, shown);
  // Nothing small, nothing added.
  assert.not.match(formatShares({ ...small, rampWait: 0, down: 0, cargoWait: 0.012 }), /other/);
});

test('run, sweep and sensitivity headers list the overrides as given, and a deadline or start off midnight with its time', async () => {
  const sets = ['--set', 'fleet.C-17.count=4', '--set', 'deadline=2024-09-15T23:59Z', '--set', 'start=2024-05-19T06:30:00Z'];
  const outputs = [
    await cli('run', thin, '--runs', '1', '--workers', '0', ...sets),
    await cli('sweep', thin, '--vary', 'clearance.approval_delay=12h,48h', '--runs', '1', '--workers', '0', ...sets),
    await cli('sensitivity', thin, '--runs', '1', '--workers', '0', ...sets),
  ];
  for (const r of outputs) {
    assert.is(r.code, 0, r.err);
    const head = r.out.split('\n').slice(0, 3).join('\n');
    assert.match(head, /\n {2}overrides: fleet\.C-17\.count=4 deadline=2024-09-15T23:59Z start=2024-05-19T06:30:00Z\n/, r.out);
    assert.match(head, /deadline 2024-09-15 23:59 UTC\b/, head);
  }
  assert.match(outputs[0]?.out ?? '', /start 2024-05-19 06:30 UTC, deadline/);
});

test('without overrides the headers have no overrides line, and a midnight deadline is shown as 00:00 UTC', async () => {
  const outputs = await plainRuns();
  for (const r of outputs) {
    assert.is(r.code, 0, r.err);
    assert.not.match(r.out, /overrides:/);
    assert.match(r.out, /deadline 2024-09-15 00:00 UTC\n/);
  }
  assert.match(outputs[0]!.out, /, start 2024-05-19 00:00 UTC, deadline/); // run's header has the start too
});

test('a value with spaces is quoted in the overrides line, so it reads as one override', async () => {
  const r = await cli('run', thin, '--runs', '1', '--workers', '0', '--set', 'clearance.approval_delay={ exponential: 12h }');
  assert.is(r.code, 0, r.err);
  assert.match(r.out, /\n {2}overrides: 'clearance\.approval_delay=\{ exponential: 12h \}'\n/);
});

/** The "Base closes" table of a formatted summary: its header and rows. */
function baseTable(text: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('  Base closes'));
  return lines.slice(at, lines.indexOf('', at));
}

test("the base table gives each base's median sensitive-equipment date in a column under its header", () => {
  const s = sampleSummary();
  const q = (p50: string | null) => ({ p10: null, p50, p90: null, p_by_deadline: 0.5 });
  s.bases.AB101!.sensitive = q('2024-06-10T07:30:00Z');
  s.bases.AB201!.sensitive = q(null);
  s.bases.AB201!.mean_sorties = 1234.56;
  const [header, ...rows] = baseTable(formatSummary(s));
  assert.match(header!, /by deadline {2}mean sorties {2}median sensitive out$/);
  const col = header!.indexOf('median sensitive out');
  assert.is(rows.length, 2);
  assert.is(rows[0]!.slice(col), '2024-06-10');
  assert.is(rows[1]!.slice(col), 'not by horizon');
  assert.match(rows[1]!, /% {5}1234\.6 {10}not by horizon$/, 'the sorties figure keeps its place two columns left of its header');
});

test('a result saved before the per-base sensitive dates has no sensitive column, the table otherwise the same', () => {
  const s = sampleSummary();
  for (const b of Object.values(s.bases)) assert.is(b.sensitive, undefined, 'the fixture is an old saved result');
  const [header, ...rows] = baseTable(formatSummary(s));
  assert.match(header!, /by deadline {2}mean sorties$/);
  for (const r of rows) assert.match(r, /%\s+\d+\.\d$/);
});

test("the summary says 'none to move' for sensitive equipment only when no base has any", () => {
  const s = sampleSummary();
  const q = { p10: '2024-06-01T00:00:00Z', p50: '2024-06-05T00:00:00Z', p90: '2024-06-09T00:00:00Z', p_by_deadline: 1 };
  for (const b of Object.values(s.bases)) b.sensitive = null;
  assert.match(formatSummary(s), /\n {2}Sensitive equipment out none to move\n/);
  s.bases.AB101!.sensitive = q;
  const text = formatSummary(s);
  assert.not.match(text, /none to move/);
  assert.match(text, /\n {2}Sensitive equipment out P10 \d{4}-\d\d-\d\d {3}median/);
});

test('the summary ends by saying that its interval is simulation noise only, and where the inputs are weighed', () => {
  const lines = formatSummary(sampleSummary()).trimEnd().split('\n');
  assert.match(lines[lines.length - 1]!, /95% CI is simulation noise only.*`retrograde sensitivity`/);
});

test.run();
