import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, hasStack } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'retro-sweep-'));
const thin = 'scenarios/niger-2024-thin-fleet.yaml';

test('sweep with a range and a target prints one row per value and the answer', async () => {
  const r = await cli('sweep', thin, '--vary', 'fleet.C-17.count=1..3', '--runs', '100', '--workers', '0', '--target', '0.9');
  assert.is(r.code, 0, r.err);
  assert.match(r.out, /^ {2}fleet\.C-17\.count\s+P\(by deadline\)/m);
  assert.is((r.out.match(/^ {2}[123] {2,}\d+\.\d%/gm) ?? []).length, 3, r.out);
  assert.match(r.out, /Smallest fleet\.C-17\.count with P\(by deadline\) >= 90\.0%|No swept fleet\.C-17\.count reaches/);
});

test('two --vary make a grid, and --csv writes a table pandas can read', async () => {
  const csv = join(dir, 'grid.csv');
  const r = await cli('sweep', thin, '--vary', 'fleet.C-17.count=1,2', '--vary', 'clearance.approval_delay=12h,48h', '--runs', '40', '--workers', '0', '--csv', csv);
  assert.is(r.code, 0, r.err);
  const lines = readFileSync(csv, 'utf8').trim().split('\n');
  assert.is(lines.length, 5);
  assert.match(lines[0] as string, /^fleet\.C-17\.count,clearance\.approval_delay,runs,p_by_deadline,p_ci95_lo,p_ci95_hi,completion_p10,/);
  const header = (lines[0] as string).split(',');
  for (const l of lines.slice(1)) {
    const cells = l.split(',');
    assert.is(cells.length, header.length, l);
    assert.match(cells[1] as string, /^(12h|48h)$/);
    const p = Number(cells[3]);
    assert.ok(p >= 0 && p <= 1, l);
    const p50 = cells[header.indexOf('completion_p50')] as string;
    assert.ok(p50 === '' || /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(p50), p50);
  }
});

test("a sweep of the deadline does not print one point's deadline in its header", async () => {
  const r = await cli('sweep', 'scenarios/niger-2024.yaml', '--vary', 'deadline=2024-09-01,2024-09-15', '--runs', '5', '--workers', '0');
  assert.is(r.code, 0, r.err);
  assert.match(r.out.split('\n')[0]!, /, deadline as swept$/);
  const plain = await cli('sweep', 'scenarios/niger-2024.yaml', '--vary', 'fleet.C-17.count=2,3', '--runs', '5', '--workers', '0');
  assert.match(plain.out.split('\n')[0]!, /, deadline 2024-09-15 00:00 UTC$/);
});

test('sweep --json gives the same bytes with 1 and 2 worker threads', async () => {
  const args = ['sweep', thin, '--vary', 'fleet.C-17.count=1..2', '--runs', '80', '--json'];
  const one = await cli(...args, '--workers', '1');
  const two = await cli(...args, '--workers', '2');
  assert.is(one.code, 0, one.err);
  assert.is(two.out, one.out);
});

test('bad --vary, an invalid swept value and --target with two parameters exit 2 without a stack trace', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--vary', 'fleet.C-17.count'], /expected path=v1,v2/],
    [['--vary', 'fleet.C-17.count=-1,2'], /fleet\.C-17\.count=-1[\s\S]*expected an integer >= 0, got -1/],
    [
      ['--vary', 'fleet.C-17.count=1,2', '--vary', 'clearance.validity=24h,48h', '--target', '0.9'],
      /^--target needs exactly one --vary, got 2 \(fleet\.C-17\.count, clearance\.validity\): keep --vary fleet\.C-17\.count and fix the others with --set, one command per value \(e\.g\. --set clearance\.validity=24h\); in a script, .*findTarget\(sliceSweep\(table, \{ \.\.\. \}\), 0\.9\)/,
    ],
    [['--vary', 'fleet.C-17.cuont=1,2'], /cuont/],
  ];
  for (const [extra, message] of cases) {
    const r = await cli('sweep', thin, '--runs', '10', '--workers', '0', ...extra);
    assert.is(r.code, 2, `${extra.join(' ')}: ${r.err}`);
    assert.match(r.err, message);
    assert.not.ok(hasStack(r.err), r.err);
  }
});

test('a malformed range, a repeated value and an unknown path exit 2 with one clear message each', async () => {
  const cases: Array<[string, RegExp]> = [
    ['fleet.C-17.count=1..3:-1', /--vary fleet\.C-17\.count: in 1\.\.3:-1, the step must be > 0, got -1; a range is low\.\.high/],
    ['fleet.C-17.count=a..b', /"a\.\.b" is not a range: a range is low\.\.high or low\.\.high:step/],
    ['clearance.validity=1d..3d', /"1d\.\.3d" is not a range/],
    ['fleet.C-17.count=2,2', /--vary fleet\.C-17\.count: the value 2 is listed twice/],
  ];
  for (const [vary, message] of cases) {
    const r = await cli('sweep', thin, '--runs', '10', '--workers', '0', '--vary', vary);
    assert.is(r.code, 2, `${vary}: ${r.err}`);
    assert.match(r.err, message);
    assert.not.match(r.err, /expected an integer/);
    assert.not.ok(hasStack(r.err), r.err);
  }
  const unknown = await cli('sweep', thin, '--runs', '10', '--workers', '0', '--vary', 'cuont=1..3', '--vary', 'fleet.C-17.count=-1,1');
  assert.is(unknown.code, 2, unknown.err);
  assert.is(unknown.err.match(/unknown key "cuont"/g)?.length, 1, unknown.err);
  assert.match(unknown.err, /^at every point:\n.*  --vary: cuont: unknown key "cuont"/m);
  assert.match(unknown.err, /got -1 \(from --vary fleet\.C-17\.count=-1\)/);
  // A --set given with the sweep is still named as a --set.
  const set = await cli('sweep', thin, '--runs', '10', '--workers', '0', '--vary', 'fleet.C-17.count=1,2', '--set', 'cuont=3');
  assert.match(set.err, /  --set: cuont: unknown key "cuont"/);
  assert.is(unknown.err.match(/expected an integer >= 0, got -1/g)?.length, 1, unknown.err);
  assert.match(unknown.err, /^at fleet\.C-17\.count=-1:\n.*expected an integer >= 0, got -1/m);
});

test('sensitivity ranks the declared inputs by their swing and writes its CSV', async () => {
  const csv = join(dir, 'sens.csv');
  const r = await cli('sensitivity', 'scenarios/niger-2024.yaml', '--runs', '60', '--workers', '0', '--json', '--csv', csv);
  assert.is(r.code, 0, r.err);
  const t = JSON.parse(r.out);
  const swings = t.rows.map((row: { delta_p: number }) => Math.abs(row.delta_p));
  assert.ok(swings.length >= 3);
  for (let k = 1; k < swings.length; k++) assert.ok(swings[k] <= swings[k - 1], `not ranked: ${swings.join(', ')}`);
  const lines = readFileSync(csv, 'utf8').trim().split('\n');
  assert.is(lines.length, swings.length + 1);
  assert.ok((lines[1] as string).startsWith(`${t.rows[0].path},`));
  for (const row of t.rows as Array<{ delta_p: number; delta_p_ci95: [number, number] }>) {
    assert.ok(row.delta_p_ci95[0] <= row.delta_p && row.delta_p <= row.delta_p_ci95[1], JSON.stringify(row.delta_p_ci95));
  }
});

test('the sensitivity table gives each change its 95% interval and marks the ones within noise', async () => {
  const sens = 'sensitivity={ fleet.C-17.count: { low: 1, high: 2 }, with_cargo_share: { low: 0.2, high: 1 } }';
  const r = await cli('sensitivity', thin, '--runs', '60', '--workers', '0', '--set', 'personnel_drawdown=any-seat', '--set', sens);
  assert.is(r.code, 0, r.err);
  assert.match(r.out, /change in P +95% CI of change +median at low/);
  // One C-17 more settles the sign; with_cargo_share does nothing under any-seat.
  assert.match(r.out, /^ {2}fleet\.C-17\.count .* \+\d+\.\d pts +\+\d+\.\d to \+\d+\.\d +\d{4}-/m);
  assert.match(r.out, /^ {2}with_cargo_share .* \+0\.0 pts +-\d+\.\d to \+\d+\.\d ~ +\d{4}-/m);
  assert.match(r.out, /~ within noise: the interval includes 0, so at 60 replications this input.s effect on P cannot be told from none \(more --runs narrow the interval\)/);
});

test('sweep --report and sensitivity --report write self-contained pages that show the reproducing command', async () => {
  const sw = join(dir, 'sweep.html');
  const r = await cli('sweep', thin, '--vary', 'fleet.C-17.count=1..2', '--runs', '30', '--workers', '0', '--set', 'clearance.validity=3d', '--report', sw);
  assert.is(r.code, 0, r.err);
  const page = readFileSync(sw, 'utf8');
  assert.not.match(page, /<script[^>]+src=/i);
  assert.match(page, /retrograde sweep scenarios\/niger-2024-thin-fleet\.yaml --vary fleet\.C-17\.count=1\.\.2 --runs 30 --seed [^ ]+ --set clearance\.validity=3d/);
  const se = join(dir, 'sens.html');
  const r2 = await cli('sensitivity', thin, '--runs', '20', '--workers', '0', '--report', se);
  assert.is(r2.code, 0, r2.err);
  assert.match(readFileSync(se, 'utf8'), /retrograde sensitivity scenarios\/niger-2024-thin-fleet\.yaml --runs 20/);
});

test('values that are the same once their units are read are refused like a value listed twice, in the same words', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['--vary', 'fleet.C-17.count=2,2.0'], /^--vary fleet\.C-17\.count: 2 and 2\.0 are the same value; give each value once, or the same point would run twice\n/],
    [['--vary', 'clearance.validity=12h,0.5d,720m'], /^--vary clearance\.validity: 12h, 0\.5d and 720m are the same value; give each value once, or the same point would run twice\n/],
    [['--vary', 'fleet.C-17.count=1,2', '--vary', 'clearance.validity=12h,24h,0.5d'], /^--vary clearance\.validity: 12h and 0\.5d are the same value; give each value once, or the same point would run twice\n/],
  ];
  for (const [extra, message] of cases) {
    const r = await cli('sweep', thin, '--runs', '10', '--workers', '0', ...extra);
    assert.is(r.code, 2, `${extra.join(' ')}: ${r.err}`);
    assert.match(r.err, message);
    assert.is(r.out, '');
    assert.not.ok(hasStack(r.err), r.err);
  }
});

test('--set naming one path twice is refused with exit 2, naming the path, in every command that takes --set', async () => {
  const sets = ['--set', 'fleet.C-17.count=1', '--set', 'fleet.C-17.count = 2'];
  const runs = ['--runs', '10', '--workers', '0'];
  for (const args of [['run', thin, ...runs], ['validate', thin], ['trace', thin], ['sweep', thin, '--vary', 'clearance.validity=12h,24h', ...runs], ['sensitivity', thin, ...runs]]) {
    const r = await cli(...args, ...sets);
    assert.is(r.code, 2, `${args[0]}: ${r.err}`);
    assert.match(r.err, /^--set fleet\.C-17\.count is given twice \(fleet\.C-17\.count=1, fleet\.C-17\.count = 2\); give each path once\n/, r.err);
    assert.is(r.out, '', args[0]);
    assert.not.ok(hasStack(r.err), r.err);
  }
});

test('a --set and a --vary on the same path are refused: the sweep would overwrite the --set at every point', async () => {
  const r = await cli('sweep', thin, '--set', 'fleet.C-17.count = 3', '--vary', 'fleet.C-17.count=1,2', '--runs', '10', '--workers', '0');
  assert.is(r.code, 2, r.err);
  assert.match(r.err, /^--set fleet\.C-17\.count = 3 and --vary fleet\.C-17\.count name the same path/, r.err);
  assert.is(r.out, '');
  assert.not.ok(hasStack(r.err), r.err);
});

test.run();
