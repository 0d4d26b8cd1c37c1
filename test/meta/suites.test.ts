/**
 * Guards the test runner itself: uvu silently skips a suite that never calls `.run()`, and a
 * file outside the `*.test.ts` pattern under test/ is never picked up.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const all = files('test').filter((f) => f.endsWith('.ts'));
const suites = all.filter((f) => f.endsWith('.test.ts'));

test('every test file runs its suite', () => {
  const silent = suites.filter((f) => !/\b(test|\w+)\.run\(\)/.test(readFileSync(f, 'utf8')));
  assert.equal(silent, []);
});

test('every file that declares tests is named *.test.ts, so the runner finds it', () => {
  const hidden = all.filter((f) => !f.endsWith('.test.ts') && /from 'uvu'/.test(readFileSync(f, 'utf8')) && /\btest\(['"`]/.test(readFileSync(f, 'utf8')));
  assert.equal(hidden, []);
});

test('there is a test folder for every folder of sim/', () => {
  const simDirs = readdirSync('sim', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const testDirs = new Set(readdirSync('test', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name));
  assert.equal(simDirs.filter((d) => !testDirs.has(d)), []);
});

test.run();
