import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, refused } from './helpers.ts';
import { COMPARE_COLUMNS } from '../../sim/sweep/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'retro-compare-'));
const base = 'scenarios/niger-2024.yaml';
const freeze = 'scenarios/niger-2024-clearance-freeze.yaml';
const thin = 'scenarios/niger-2024-thin-fleet.yaml';

/** Writes a copy of `from` with `pattern` replaced into the test folder; fails when nothing matched. */
function edited(from: string, name: string, pattern: RegExp, by: string): string {
  const text = readFileSync(from, 'utf8');
  if (!pattern.test(text)) throw new Error(`no match for ${pattern}`);
  const path = join(dir, name);
  writeFileSync(path, text.replace(pattern, by));
  return path;
}

test('compare prints one row per scenario, the reference first, and what each variant changes', async () => {
  const r = await cli('compare', base, freeze, thin, '--runs', '60', '--workers', '0');
  assert.is(r.code, 0, r.err);
  const lines = r.out.split('\n');
  assert.match(lines[0] as string, /^Comparison of 3 scenarios on the same 60 replications \(--runs; common random numbers\), seed niger-2024 \(batch\.seed of scenarios\/niger-2024\.yaml\), deadline 2024-09-15 00:00 UTC$/);
  assert.match(r.out, /^ {2}Reference: Niger 2024 baseline \(scenarios\/niger-2024\.yaml\)$/m);
  assert.match(r.out, /^ {2}scenario\s+P\(by deadline\)\s+95% CI\s+change in P\s+95% CI of change\s+P10\s+median\s+P90\s+median shift\s+main constraint$/m);
  assert.match(r.out, /^ {2}Niger 2024 baseline\s+\d+\.\d%\s+\S+\s+\(reference\)\s+2024-/m);
  assert.match(r.out, /^ {2}Niger 2024: three-week clearance freeze\s+\d+\.\d%\s+\S+\s+-\d+\.\d pts\s+-\d+\.\d to -?\d+\.\d( ~)?\s+2024-\S+\s+2024-\S+\s+2024-\S+\s+\+\d+\.\d d\s+clearance \d+%$/m);
  assert.match(r.out, /^ {2}Niger 2024: three-week clearance freeze \(scenarios\/niger-2024-clearance-freeze\.yaml\) differs from the reference in: clearance\.freezes$/m);
  assert.match(r.out, /^ {2}Niger 2024: thin fleet \(scenarios\/niger-2024-thin-fleet\.yaml\) differs from the reference in: fleet\.C-17\.count, fleet\.C-130J$/m);
  // The variants name other seeds in their batch sections: the first wins, and stderr says so.
  assert.match(r.err, /^note: batch\.seed differs \(scenarios\/niger-2024-clearance-freeze\.yaml has niger-2024-clearance-freeze, scenarios\/niger-2024-thin-fleet\.yaml has niger-2024-thin-fleet\); every scenario uses the first's, niger-2024 from scenarios\/niger-2024\.yaml$/m);
});

test('a long list of differences is cut after 8 paths, and a copy of one name is told apart by its file', async () => {
  const many = edited(thin, 'many.yaml', /^( {4}count: )1\b/m, '$12');
  const text = readFileSync(many, 'utf8')
    .replace(/^( {2}validity: ).*$/m, '$1 60h')
    .replace(/^( {2}denial_probability: ).*$/m, '$1 0.2')
    .replace(/^( {4}loading_teams: )\d+/gm, '$1 5')
    .replace(/^( {4}ramp_spots: )\d+/gm, '$1 6')
    .replace(/^( {4}hub_distance: )\d+/gm, '$1 1700')
    .replace(/^ramp_priority: .*$/m, 'ramp_priority: russian-first');
  writeFileSync(many, text);
  const r = await cli('compare', thin, many, '--runs', '5', '--workers', '0');
  assert.is(r.code, 0, r.err);
  const listed = 'fleet.C-17.count, bases.AB101.ramp_spots, bases.AB101.loading_teams, bases.AB101.hub_distance, bases.AB201.ramp_spots, bases.AB201.loading_teams, bases.AB201.hub_distance, clearance.denial_probability';
  assert.match(r.out, `differs from the reference in: ${listed} and 2 more\n`);
  const json = JSON.parse((await cli('compare', thin, many, '--runs', '5', '--workers', '0', '--json')).out);
  assert.equal(json.rows[1].differs.slice(8), ['clearance.validity', 'ramp_priority'], 'the JSON has them all');
  // Two scenarios named alike (the variant is a copy): the table names each with its file.
  assert.match(r.out, /^ {2}Niger 2024: thin fleet \(scenarios\/niger-2024-thin-fleet\.yaml\)\s+\d/m);
});

test('comparing a file with an identical copy shows no change', async () => {
  const copy = join(dir, 'copy.yaml');
  copyFileSync(thin, copy);
  const r = await cli('compare', thin, copy, '--runs', '50', '--workers', '0', '--json');
  assert.is(r.code, 0, r.err);
  const t = JSON.parse(r.out);
  assert.is(t.rows[1].delta_p, 0);
  assert.equal(t.rows[1].discordant_runs, { variant_only: 0, reference_only: 0 });
  assert.equal(t.rows[1].differs, []);
  const text = await cli('compare', thin, copy, '--runs', '50', '--workers', '0');
  assert.match(text.out, /differs from the reference in: nothing the runs read \(the same scenario\)$/m);
});

test('compare --json gives the same bytes with 0 and 2 worker threads', async () => {
  const args = ['compare', base, thin, '--runs', '80', '--seed', 'w', '--json'];
  const zero = await cli(...args, '--workers', '0');
  const two = await cli(...args, '--workers', '2');
  assert.is(zero.code, 0, zero.err);
  assert.ok(zero.out.length > 100);
  assert.is(two.out, zero.out);
});

test('a moved deadline is compared against its own, and the header says the deadlines differ', async () => {
  const earlier = edited(thin, 'earlier.yaml', /^deadline: 2024-09-15/m, 'deadline: 2024-09-01');
  const r = await cli('compare', thin, earlier, '--runs', '40', '--workers', '0');
  assert.is(r.code, 0, r.err);
  assert.match(r.out.split('\n')[0] as string, /deadlines differ: each P is against the scenario's own deadline$/);
  assert.match(r.out, /^ {2}scenario\s+deadline\s+P\(by deadline\)/m);
  assert.match(r.out, /differs from the reference in: deadline$/m);
});

test('--csv writes the table atomically, one row per scenario', async () => {
  const csv = join(dir, 'out', 'compare.csv');
  const r = await cli('compare', base, thin, '--runs', '30', '--workers', '0', '--csv', csv);
  assert.is(r.code, 0, r.err);
  assert.match(r.err, /CSV written to .*compare\.csv/);
  const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
  assert.is(lines[0], COMPARE_COLUMNS.join(','));
  assert.is(lines.length, 3);
  const cells = (lines[2] as string).split(',');
  assert.is(cells.length, COMPARE_COLUMNS.length, lines[2]);
  assert.is(cells[1], thin);
  assert.is(cells[COMPARE_COLUMNS.indexOf('differs')], 'fleet.C-17.count fleet.C-130J');
});

/** The 1-based line of a file's first line matching `pattern`. */
const lineOf = (file: string, pattern: RegExp): number => readFileSync(file, 'utf8').split('\n').findIndex((l) => pattern.test(l)) + 1;

test('bad input exits 2 with every problem of every file at its line', async () => {
  const bad = edited(thin, 'bad.yaml', /^( {4}count: )1\b/m, '$1-1');
  const worse = edited(base, 'worse.yaml', /^( {4}ramp_spots: )4\b/m, '$1x');
  const err = await refused('compare', base, bad, worse, '--runs', '5');
  assert.match(err, new RegExp(`^${bad.replace(/[.\\/]/g, '\\$&')}:${lineOf(bad, /^ {4}count: -1\b/)}:\\d+ {2}fleet\\.C-17\\.count: expected an integer >= 0, got -1$`, 'm'));
  assert.match(err, new RegExp(`^${worse.replace(/[.\\/]/g, '\\$&')}:${lineOf(worse, /^ {4}ramp_spots: x\b/)}:\\d+ {2}bases\\.AB101\\.ramp_spots: `, 'm'));
});

test('one scenario, the same file twice, a different start, a missing file and a --csv onto an input are refused', async () => {
  assert.match(await refused('compare', base, '--runs', '5'), /^retrograde compare needs at least two scenario files, the reference first, then its variants; got only scenarios\/niger-2024\.yaml\n/);
  assert.match(await refused('compare', base, `./${base}`), /^\.\/scenarios\/niger-2024\.yaml is given twice \(as scenarios\/niger-2024\.yaml too\); give each scenario once/);
  const later = edited(base, 'later.yaml', /^start: 2024-05-19/m, 'start: 2024-05-26');
  assert.match(await refused('compare', base, later, '--runs', '5'), /the scenarios start at different instants/);
  assert.match(await refused('compare', base, join(dir, 'none.yaml'), join(dir, 'none2.yaml')), /none\.yaml: cannot read the file \(no such file\)\n.*none2\.yaml: cannot read the file \(no such file\)\n/);
  assert.match(await refused('compare', base, thin, '--csv', thin), /^--csv scenarios\/niger-2024-thin-fleet\.yaml is the scenario file scenarios\/niger-2024-thin-fleet\.yaml itself: writing it would replace the input/);
  assert.match(await refused('compare'), /^retrograde compare needs at least two scenario files \(YAML or JSON\): the reference first, then its variants\nUsage: retrograde compare <scenarios\.\.> \[options\]\n/);
});

test('a mistyped option gets a did-you-mean', async () => {
  assert.match(await refused('compare', base, thin, '--rnus', '5'), /^unknown option --rnus; did you mean --runs\?\n/);
  assert.match(await refused('compare', base, thin, '--cvs', 'x.csv'), /^unknown option --cvs; did you mean --csv\?\n/);
});

test('--help lists compare', async () => {
  const r = await cli('--help');
  assert.match(r.out, /retrograde compare <scenarios\.\.>\s+run a reference scenario and its variants/);
});

test.run();
