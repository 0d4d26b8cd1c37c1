import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, hasStack } from './helpers.ts';
import { writeFileAtomic } from '../../sim/cli/files.ts';
import { UserError } from '../../sim/cli/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'retro-report-'));

test('run --report and --specs write a self-contained page and one spec per chart, and no temporary file', async () => {
  const html = join(dir, 'run.html');
  const specs = join(dir, 'specs');
  const r = await cli('run', 'scenarios/niger-2024.yaml', '--runs', '60', '--workers', '0', '--report', html, '--specs', specs);
  assert.is(r.code, 0, r.err);
  const page = readFileSync(html, 'utf8');
  assert.match(page, /^<!doctype html>/i);
  assert.not.match(page, /<script[^>]+src=/i);
  assert.match(page, /Niger 2024 baseline/);
  const files = readdirSync(specs).sort();
  assert.ok(files.length >= 7 && files.every((f) => f.endsWith('.vl.json')), files.join());
  for (const f of files) assert.match(JSON.parse(readFileSync(join(specs, f), 'utf8')).$schema, /vega-lite/);
  assert.equal(readdirSync(dir).filter((f) => f.includes('.tmp')), []);
});

test('report rebuilds the same page from a saved --json result', async () => {
  const r = await cli('run', 'scenarios/niger-2024.yaml', '--runs', '60', '--workers', '0', '--json');
  const json = join(dir, 'result.json');
  writeFileSync(json, r.out);
  const out = join(dir, 'from-json.html');
  const rep = await cli('report', json, '--out', out);
  assert.is(rep.code, 0, rep.err);
  const direct = join(dir, 'direct.html');
  await cli('run', 'scenarios/niger-2024.yaml', '--runs', '60', '--workers', '0', '--report', direct);
  assert.is(readFileSync(out, 'utf8'), readFileSync(direct, 'utf8'));
});

test('report refuses a file that is not a run result, with exit 2 and no stack trace', async () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"hello": 1}');
  const r = await cli('report', bad, '--out', join(dir, 'x.html'));
  assert.is(r.code, 2);
  assert.match(r.err, /not a `retrograde run --json` result/);
  writeFileSync(bad, '{not json');
  const r2 = await cli('report', bad, '--out', join(dir, 'x.html'));
  assert.is(r2.code, 2);
  assert.match(r2.err, /bad\.json:1:2: JSON syntax: /, 'a syntax error at its line and column');
  assert.not.ok(hasStack(r.err + r2.err));
  assert.not.ok(existsSync(join(dir, 'x.html')));
});

test('report given a sweep or sensitivity --json table says which it is and how to make its report', async () => {
  const sweepJson = join(dir, 'sweep.json');
  const sweep = await cli('sweep', 'scenarios/niger-2024.yaml', '--vary', 'fleet.C-17.count=2,3', '--runs', '5', '--workers', '0', '--json');
  writeFileSync(sweepJson, sweep.out);
  const r = await cli('report', sweepJson, '--out', join(dir, 'y.html'));
  assert.is(r.code, 2);
  assert.match(r.err, /sweep\.json: this is a `retrograde sweep --json` table, not a run's result: make its report with `retrograde sweep \.\.\. --report out\.html`/);
  assert.is(r.err.trim().split('\n').length, 2, r.err);
  const sensJson = join(dir, 'sens.json');
  const sens = await cli('sensitivity', 'scenarios/niger-2024.yaml', '--runs', '5', '--workers', '0', '--json');
  writeFileSync(sensJson, sens.out);
  assert.match((await cli('report', sensJson, '--out', join(dir, 'y.html'))).err, /this is a `retrograde sensitivity --json` table/);
  assert.not.ok(existsSync(join(dir, 'y.html')));
});

test('a write that fails leaves neither the file nor a temporary file behind', () => {
  const target = join(dir, 'occupied');
  mkdirSync(join(target, 'child'), { recursive: true }); // a non-empty folder: the rename must fail
  assert.throws(() => writeFileAtomic(target, 'data'), (e: Error) => e instanceof UserError && /cannot write/.test(e.message));
  assert.equal(readdirSync(dir).filter((f) => f.includes('.tmp')), []);
});

test('an output folder that cannot be created fails with exit 2 instead of hanging (a nested path under /proc)', () => {
  // Node 20's recursive mkdir spins forever here: /proc exists but answers ENOENT for children.
  const specs = '/proc/retrograde-test/specs';
  const r = spawnSync(process.execPath, ['bin/retrograde.js', 'run', 'scenarios/niger-2024.yaml', '--runs', '20', '--workers', '0', '--specs', specs], { encoding: 'utf8', timeout: 60_000 });
  assert.is(r.signal, null, 'killed by the timeout: the run hung');
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, /retrograde-test\/specs\/[^:]+: cannot write the file/);
  assert.not.ok(hasStack(r.stderr));
});

test('a run interrupted before it finishes leaves no report file', async () => {
  const out = join(dir, 'interrupted.html');
  const child = spawn(process.execPath, ['bin/retrograde.js', 'run', 'scenarios/niger-2024.yaml', '--runs', '1000000', '--report', out], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 4000));
  child.kill('SIGINT');
  await new Promise((r) => child.on('close', r));
  assert.not.ok(existsSync(out));
  assert.equal(readdirSync(dir).filter((f) => f.startsWith('.interrupted')), []);
});

test.run();
