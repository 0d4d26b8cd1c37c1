import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, hasStack } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'retro-outputs-'));
const victim = join(dir, 'victim.yaml');
copyFileSync('scenarios/niger-2024-thin-fleet.yaml', victim);
const original = readFileSync(victim, 'utf8');
const quick = ['--runs', '10', '--workers', '0'];

/** Runs the CLI, checks it refused before running anything (exit 2, no output, no stack) and left the input alone. */
async function refused(input: string, ...args: string[]): Promise<string> {
  const before = readFileSync(input);
  const r = await cli(...args);
  assert.is(r.code, 2, `${args.join(' ')}: exit ${r.code}\n${r.err}`);
  assert.is(r.out, '', `${args.join(' ')} ran`);
  assert.not.ok(hasStack(r.err), r.err);
  assert.ok(readFileSync(input).equals(before), `${input} was changed by ${args.join(' ')}`);
  return r.err;
}

test('an output that names the scenario file is refused before running, and the scenario is left as it was', async () => {
  const same = /--(report|csv|specs) .*victim\.yaml is the scenario file itself: writing it would replace the input/;
  assert.match(await refused(victim, 'run', victim, ...quick, '--report', victim), same);
  assert.match(await refused(victim, 'run', victim, ...quick, '--specs', victim), same);
  assert.match(await refused(victim, 'sweep', victim, '--vary', 'fleet.C-17.count=1,2', ...quick, '--csv', victim), same);
  assert.match(await refused(victim, 'sweep', victim, '--vary', 'fleet.C-17.count=1,2', ...quick, '--report', victim), same);
  assert.match(await refused(victim, 'sensitivity', victim, ...quick, '--csv', victim), same);
  assert.match(await refused(victim, 'sensitivity', victim, ...quick, '--report', victim), same);
  assert.is(readFileSync(victim, 'utf8'), original);
});

test('the same file is recognised through another spelling, a symbolic link or a hard link', async () => {
  const link = join(dir, 'link.yaml');
  symlinkSync(victim, link);
  const hard = join(dir, 'hard.yaml');
  linkSync(victim, hard);
  mkdirSync(join(dir, 'sub'));
  for (const out of [join(dir, 'sub', '..', 'victim.yaml'), link, hard]) {
    assert.match(await refused(victim, 'run', victim, ...quick, '--report', out), /is the scenario file itself/);
  }
  assert.match(await refused(victim, 'run', link, ...quick, '--report', victim), /is the scenario file itself/);
});

test('report refuses to write over the saved result it reads', async () => {
  const result = join(dir, 'result.json');
  const r = await cli('run', victim, ...quick, '--json');
  assert.is(r.code, 0, r.err);
  writeFileSync(result, r.out);
  assert.match(await refused(result, 'report', result, '--out', result), /--out .*result\.json is the result file itself/);
  assert.match(await refused(result, 'report', result, '--out', join(dir, 'ok.html'), '--specs', result), /--specs .*result\.json is the result file itself/);
});

test('two outputs naming one file, or an output that is a folder, are refused before running', async () => {
  const both = join(dir, 'both.out');
  const err = await refused(victim, 'sweep', victim, '--vary', 'fleet.C-17.count=1,2', ...quick, '--csv', both, '--report', both);
  assert.match(err, /--csv and --report both name .*both\.out/);
  assert.match(await refused(victim, 'run', victim, ...quick, '--report', join(dir, 'sub')), /--report .*sub is a folder; give the name of a file/);
  const all = await refused(victim, 'run', victim, '--workers', '0', '--runs', 'x', '--report', victim);
  assert.match(all, /--runs must be/);
  assert.match(all, /is the scenario file itself/);
  assert.not.ok(readdirSync(dir).includes('both.out'));
});

test('a --specs folder that is, or sits inside, the file another output writes is refused before running', async () => {
  const html = join(dir, 'x.html');
  const same = /--specs .*x\.html is also the file --(report|out) writes: one path cannot be both a file and a folder\. Choose another folder\./;
  const inside = /--specs .*x\.html\/specs is inside .*x\.html, the file --(report|out) writes: one path cannot be both a file and a folder\. Choose another folder\./;
  const runErr = await refused(victim, 'run', victim, ...quick, '--report', html, '--specs', html);
  assert.match(runErr, same);
  assert.is(runErr.trim().split('\n').length, 2, runErr); // one message and the help hint
  assert.match(await refused(victim, 'run', victim, ...quick, '--report', html, '--specs', join(html, 'specs')), inside);
  const result = join(dir, 'specs-result.json');
  const r = await cli('run', victim, ...quick, '--json');
  assert.is(r.code, 0, r.err);
  writeFileSync(result, r.out);
  assert.match(await refused(result, 'report', result, '--out', html, '--specs', html), same);
  assert.match(await refused(result, 'report', result, '--out', html, '--specs', join(html, 'specs')), inside);
  assert.not.ok(readdirSync(dir).includes('x.html'), 'the report was written');
});

test.run();
