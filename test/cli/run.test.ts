import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, bin, hasStack } from './helpers.ts';

const baseline = 'scenarios/niger-2024.yaml';

test('run --json gives the same bytes with 1 and 2 worker threads', async () => {
  const one = await cli('run', baseline, '--runs', '150', '--seed', '7', '--workers', '1', '--json');
  const two = await cli('run', baseline, '--runs', '150', '--seed', '7', '--workers', '2', '--json');
  assert.is(one.code, 0, one.err);
  assert.is(two.code, 0, two.err);
  assert.is(two.out, one.out);
});

test('run --json carries the documented fields with ISO dates', async () => {
  const r = await cli('run', baseline, '--runs', '100', '--seed', '7', '--workers', '0', '--json');
  assert.is(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  assert.is(s.runs, 100);
  assert.is(s.seed, '7');
  assert.match(s.deadline, /^2024-09-15T/);
  assert.ok(s.p_by_deadline >= 0 && s.p_by_deadline <= 1);
  assert.ok(s.p_by_deadline_ci95[0] <= s.p_by_deadline && s.p_by_deadline <= s.p_by_deadline_ci95[1]);
  for (const k of ['p10', 'p50', 'p90']) assert.match(s.completion[k], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.ok(Date.parse(s.completion.p10) <= Date.parse(s.completion.p50) && Date.parse(s.completion.p50) <= Date.parse(s.completion.p90));
  for (const id of ['AB101', 'AB201']) assert.match(s.bases[id].closed.p50, /^2024-/);
  assert.match(s.command, /^retrograde run scenarios\/niger-2024\.yaml --runs 100 --seed 7$/);
});

test('a different seed gives different results', async () => {
  const a = await cli('run', baseline, '--runs', '60', '--seed', 'a', '--workers', '0', '--json');
  const b = await cli('run', baseline, '--runs', '60', '--seed', 'b', '--workers', '0', '--json');
  assert.is.not(JSON.parse(a.out).completion_days_sample.join(), JSON.parse(b.out).completion_days_sample.join());
});

test('--set changes the scenario: more aircraft finish earlier', async () => {
  const few = JSON.parse((await cli('run', baseline, '--runs', '100', '--workers', '0', '--json', '--set', 'fleet.C-17.count=2')).out);
  const many = JSON.parse((await cli('run', baseline, '--runs', '100', '--workers', '0', '--json', '--set', 'fleet.C-17.count=6')).out);
  assert.ok(few.completion.mean_days > many.completion.mean_days, `${few.completion.mean_days} vs ${many.completion.mean_days}`);
  assert.equal(few.overrides, ['fleet.C-17.count=2'], 'the result names its overrides');
});

test('the readable summary names the probability, the dates and the diagnosis', async () => {
  const r = await cli('run', baseline, '--runs', '50', '--workers', '0');
  assert.is(r.code, 0, r.err);
  assert.match(r.out, /P\(finish by deadline\)\s+\d+\.\d%\s+\(95% CI/);
  assert.match(r.out, /AB101 Air Base 101/);
  assert.match(r.out, /Main constraint|No external delay/);
});

test('the base table keeps its columns when closures are "not by horizon", wider than a date', async () => {
  const r = await cli('run', 'scenarios/niger-2024.yaml', '--runs', '20', '--workers', '0', '--set', 'fleet.C-17.count=1', '--set', 'horizon=2024-10-01');
  assert.is(r.code, 0, r.err);
  const lines = r.out.split('\n');
  const header = lines.find((l) => l.trimStart().startsWith('Base closes')) as string;
  assert.match(r.out, /\n  Never finished +20 replications \(most often: too slow in \d+ of 20; /);
  const rows = lines.filter((l) => /^  AB\d+ /.test(l));
  assert.is(rows.length, 2);
  for (const row of rows) {
    const cells = row.trim().split(/ {2,}/);
    assert.equal(cells.slice(1, 4), ['not by horizon', 'not by horizon', 'not by horizon'], row);
    // Each date cell starts under its heading.
    let from = row.indexOf(cells[0] as string) + (cells[0] as string).length;
    for (const [heading, at] of [['P10', 1], ['median', 2], ['P90', 3]] as const) {
      from = row.indexOf(cells[at] as string, from);
      assert.is(from, header.indexOf(heading), `${heading}: ${row}`);
      from += (cells[at] as string).length;
    }
  }
});

test('--precision adds replications until the half-width is reached', async () => {
  const r = await cli('run', 'scenarios/niger-2024-thin-fleet.yaml', '--runs', '100', '--workers', '0', '--precision', '0.04', '--json');
  assert.is(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  const [lo, hi] = s.p_by_deadline_ci95;
  assert.ok((hi - lo) / 2 <= 0.04, `half-width ${(hi - lo) / 2}`);
  assert.ok(s.runs > 100, `ran ${s.runs}`);
  assert.match(r.err, /precision reached/);
});

test('with --precision, --runs is the first round: the total can exceed it, and stderr and --help say so', async () => {
  const r = await cli('run', 'scenarios/niger-2024-thin-fleet.yaml', '--runs', '60', '--workers', '0', '--precision', '0.05', '--json');
  assert.is(r.code, 0, r.err);
  const runs = JSON.parse(r.out).runs as number;
  assert.ok(runs > 60, `ran ${runs}`);
  assert.match(r.err, new RegExp(`precision reached: half-width 0\\.0\\d+ with ${runs.toLocaleString('en-US')} replications; the first round was --runs 60, then more were added`));
  const enough = await cli('run', 'scenarios/niger-2024-thin-fleet.yaml', '--runs', '200', '--workers', '0', '--precision', '0.3');
  assert.match(enough.err, /with 200 replications; the first round was --runs 200, which was enough/);
  const help = await cli('run', '--help');
  assert.match(help.out.replace(/\s+/g, ' '), /--runs \(or batch\.runs\) is then the first round/);
});

test('bad input: every problem listed with file:line:column, exit 2, no stack trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'retro-'));
  const f = join(dir, 'bad.yaml');
  writeFileSync(f, readFileSync(baseline, 'utf8').replace(/count: \d+/, 'count: -3').replace(/ramp_spots: (\d+)/, 'ramp_spot: $1'));
  const r = await cli('run', f, '--runs', '10');
  assert.is(r.code, 2);
  assert.match(r.err, new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+\\s+fleet\\.C-17\\.count`));
  assert.match(r.err, /ramp_spot/);
  assert.not.ok(hasStack(r.err), r.err);
});

test('a missing file, an unknown flag and a bad number exit 2 without a stack trace', async () => {
  for (const args of [['run', 'nope.yaml'], ['run', baseline, '--bogus'], ['run', baseline, '--runs', '0'], ['frobnicate']]) {
    const r = await cli(...args);
    assert.is(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.ok(r.err.length > 0);
    assert.not.ok(hasStack(r.err), r.err);
  }
});

test('the real binary exits 2 with a clear message on a broken scenario', () => {
  const r = bin('validate', 'scenarios/broken/bad-numbers.yaml');
  assert.is(r.code, 2);
  assert.match(r.err, /scenarios\/broken\/bad-numbers\.yaml:\d+:\d+/);
  assert.not.ok(hasStack(r.err), r.err);
});

test('validate accepts every shipped scenario', async () => {
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`);
  const r = await cli('validate', ...files);
  assert.is(r.code, 0, r.err);
  assert.equal(r.err.trim().split('\n'), files.map((f) => `${f}: valid`));
});

test('validate reports the files in the order given, valid or not, on one stream', async () => {
  const good = baseline;
  const bad = 'scenarios/broken/bad-numbers.yaml';
  const ugly = 'scenarios/broken/unknown-keys.yaml';
  const r = await cli('validate', good, bad, 'nope.yaml', ugly, good);
  assert.is(r.code, 2);
  assert.is(r.out, '');
  // Each file's verdict starts where the previous one ends: valid, bad's problems, unreadable, ugly's problems, valid.
  const starts = r.err.split('\n').filter((l) => l !== '').map((l) => l.split(/:\d+:\d+ |: /)[0]);
  const order = starts.filter((f, i) => f !== starts[i - 1]);
  assert.equal(order, [good, bad, 'nope.yaml', ugly, good], r.err);
  assert.match(r.err, new RegExp(`^${good}: valid\\n`));
  assert.match(r.err, new RegExp(`\\n${good}: valid\\n$`));
  const real = bin('validate', good, bad);
  assert.is(real.code, 2);
  assert.match(real.err, new RegExp(`^${good}: valid\\n${bad}:\\d+:\\d+ `));
});

test('schema prints a JSON Schema that describes the top-level keys', async () => {
  const r = await cli('schema');
  const schema = JSON.parse(r.out);
  for (const k of ['fleet', 'bases', 'clearance', 'batch']) assert.ok(k in schema.properties, k);
});

test('trace prints one replication\'s events in time order, as CSV or JSON lines', async () => {
  const csv = await cli('trace', baseline, '--seed', '3', '--replication', '2', '--format', 'csv');
  assert.is(csv.code, 0, csv.err);
  const rows = csv.out.trim().split('\n');
  assert.is(rows[0], 't_hours,at,event,aircraft,base,detail');
  const times = rows.slice(1).map((l) => Number(l.split(',')[0]));
  assert.ok(times.length > 50);
  for (let i = 1; i < times.length; i++) assert.ok((times[i] as number) >= (times[i - 1] as number));
  const jsonl = await cli('trace', baseline, '--seed', '3', '--replication', '2');
  const events = jsonl.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.is(events.length, rows.length - 1);
  assert.ok(events.some((e) => e.event === 'landed'));
});

test.run();
