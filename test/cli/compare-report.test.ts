/**
 * `retrograde compare --report` and `retrograde report` on a saved `compare --json` table: the
 * page is written (atomically, with its reproducing command), bad output paths are refused before
 * anything runs, and a saved table whose figures disagree is refused with every problem.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, hasStack, refused } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'retro-compare-report-'));
const base = 'scenarios/niger-2024.yaml';
const thin = 'scenarios/niger-2024-thin-fleet.yaml';
const args = ['compare', base, thin, '--runs', '30', '--workers', '0', '--seed', 's1'];

test('compare --report writes a self-contained page with the command that reproduces it', async () => {
  const out = join(dir, 'cmp.html');
  const r = await cli(...args, '--json', '--report', out);
  assert.is(r.code, 0, r.err);
  assert.match(r.err, `report written to ${out}`);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /<h2>Chance of finishing by the deadline<\/h2>/);
  assert.ok(html.includes(`retrograde compare ${base} ${thin} --runs 30 --seed s1 --report ${out}`), 'no reproducing command');
  assert.equal(readdirSync(dir).filter((f) => f.includes('.tmp')), [], 'a temporary file was left behind');
  writeFileSync(join(dir, 'saved.json'), r.out);
});

test('bad --report paths are refused before anything runs: a scenario file, the --csv file, an empty name, a folder', async () => {
  assert.match(await refused(...args, '--report', thin), `--report ${thin} is the scenario file ${thin} itself`);
  const same = join(dir, 'same.out');
  assert.match(await refused(...args, '--csv', same, '--report', same), `--csv and --report both name ${same}`);
  assert.match(await refused(...args, '--report', ''), '--report needs the name of a file to write');
  assert.match(await refused(...args, '--report', dir), `--report ${dir} is a folder`);
  assert.not.ok(existsSync(same));
});

test('report builds the comparison page (and its specs) from a saved compare --json table', async () => {
  const out = join(dir, 'from-saved.html');
  const specs = join(dir, 'specs');
  const r = await cli('report', join(dir, 'saved.json'), '--out', out, '--specs', specs);
  assert.is(r.code, 0, r.err);
  assert.match(readFileSync(out, 'utf8'), /<h2>When each finishes<\/h2>/);
  assert.equal(readdirSync(specs).sort(), ['chance.vl.json', 'change.vl.json', 'constraints.vl.json', 'dates.vl.json']);
});

test('a saved table whose figures disagree is refused with exit 2, every problem and its path, and no page', async () => {
  const doc = JSON.parse(readFileSync(join(dir, 'saved.json'), 'utf8'));
  doc.rows[1].p_by_deadline = 2;
  doc.rows[0].differs = ['fleet'];
  const file = join(dir, 'bad.json');
  writeFileSync(file, JSON.stringify(doc));
  const out = join(dir, 'bad.html');
  const r = await cli('report', file, '--out', out);
  assert.is(r.code, 2, r.err);
  assert.match(r.err, `${file}: not a \`retrograde compare --json\` table`);
  assert.match(r.err, `${file}: rows[1].p_by_deadline: expected a number from 0 to 1, got 2`);
  assert.match(r.err, `${file}: rows[0]: the reference (the first row) has no change against itself`);
  assert.not.ok(hasStack(r.err));
  assert.not.ok(existsSync(out));
});

test.run();
