import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { cli, bin, hasStack } from './helpers.ts';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

test('--version prints the version in package.json and exits 0', async () => {
  const r = bin('--version');
  assert.is(r.code, 0, r.err);
  assert.is(r.out.trim(), version);
  assert.is(r.err, '');
  const inProcess = await cli('--version');
  assert.is(inProcess.code, 0, inProcess.err);
  assert.is(inProcess.out.trim(), version);
});

test('--help prints usage on stdout and exits 0', async () => {
  const r = await cli('--help');
  assert.is(r.code, 0, r.err);
  assert.match(r.out, /retrograde <command>/);
  assert.not.ok(hasStack(r.err));
});

test('every option and argument of every command has a description in --help', async () => {
  for (const command of ['run', 'validate', 'schema', 'trace', 'report', 'sweep', 'sensitivity']) {
    const r = await cli(command, '--help');
    assert.is(r.code, 0, r.err);
    // An undescribed entry is its name followed straight by yargs' type tag: "  --seed    [string]".
    const bare = r.out.split('\n').filter((l) => /^ {2}(--)?[\w-]+\s+\[(string|number|boolean|array|choices|required)/.test(l));
    assert.equal(bare, [], `${command}:\n${r.out}`);
  }
});

test.run();
