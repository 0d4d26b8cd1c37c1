import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, hasStack } from './helpers.ts';
import { writeFileAtomic } from '../../sim/cli/files.ts';
import { UserError } from '../../sim/cli/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'retro-files-'));
const aFile = join(dir, 'somefile.html');
writeFileSync(aFile, 'not a folder');

/** The message writeFileAtomic throws for `path`; fails the test if it does not throw a UserError. */
function writeError(path: string): string {
  try {
    writeFileAtomic(path, 'data');
  } catch (err) {
    assert.instance(err, UserError);
    return (err as Error).message;
  }
  assert.unreachable(`${path} was written`);
  return '';
}

test('writing under a regular file says which path is not a folder, instead of crashing on the cleanup', () => {
  assert.is(writeError(join(aFile, 'x.html')), `${join(aFile, 'x.html')}: cannot write the file (${aFile} is not a folder)`);
  assert.is(writeError(join(aFile, 'a', 'b', 'x.json')), `${join(aFile, 'a', 'b', 'x.json')}: cannot write the file (${aFile} is not a folder)`);
  assert.is(writeError(dir), `${dir}: cannot write the file (${dir} is a folder)`);
});

test('a failed write never shows the temporary file name', () => {
  const message = writeError('/proc/x.html');
  assert.match(message, /^\/proc\/x\.html: cannot write the file \(the folder \/proc does not accept new files\)$/);
  assert.not.match(message, /\.tmp|ENOENT/);
  assert.match(writeError('/proc/retrograde-a/b.json'), /^\/proc\/retrograde-a\/b\.json: cannot write the file \(the folder \/proc\/retrograde-a cannot be created\)$/);
});

test('run --specs or --report under a regular file exits 2 naming the output, without a stack trace', async () => {
  for (const args of [['--specs', join(aFile, 'specs')], ['--specs', aFile], ['--report', join(aFile, 'x.html')]]) {
    const r = await cli('run', 'scenarios/niger-2024.yaml', '--runs', '20', '--workers', '0', ...args);
    assert.is(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, new RegExp(`${aFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*(cannot write the file|is not a folder)`));
    assert.not.ok(hasStack(r.err), r.err);
  }
  assert.equal(readdirSync(dir), ['somefile.html']);
});

test.run();
