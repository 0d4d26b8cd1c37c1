/**
 * `retrograde report` on a saved `run --json` result that has been damaged: exit 2, every problem
 * listed with its JSON path, no stack trace, no report written.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, hasStack } from '../cli/helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'retro-saved-'));
const run = await cli('run', 'scenarios/niger-2024.yaml', '--runs', '60', '--workers', '0', '--json');

/** The real result with `damage` applied, written to a file; returns its path. */
function damaged(name: string, damage: (s: Record<string, any>) => void): string {
  const doc = JSON.parse(run.out) as Record<string, any>;
  damage(doc);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

test('each damage the walkthrough found is refused with exit 2, its path and the value, and no report', async () => {
  assert.is(run.code, 0, run.err);
  const cases: Array<[string, (s: Record<string, any>) => void, string]> = [
    ['null-sample', (s) => (s.sample = null), 'sample: expected an object with replication, sorties, daily, got null'],
    ['garbage-date', (s) => (s.completion.p50 = 'garbage'), 'completion.p50: expected an ISO-8601 UTC date-time'],
    ['word-for-p', (s) => (s.p_by_deadline = 'high'), 'p_by_deadline: expected a number from 0 to 1, got "high"'],
  ];
  for (const [name, damage, line] of cases) {
    const file = damaged(name, damage);
    const out = join(dir, `${name}.html`);
    const r = await cli('report', file, '--out', out);
    assert.is(r.code, 2, `${name}: exit ${r.code}: ${r.err}`);
    assert.match(r.err, `${file}: ${line}`);
    assert.not.ok(hasStack(r.err), `${name}: stack trace:\n${r.err}`);
    assert.not.ok(existsSync(out), `${name}: a report was written`);
  }
});

test('all the problems of one file are listed at once', async () => {
  const file = damaged('all-three', (s) => {
    s.sample = null;
    s.completion.p50 = 'garbage';
    s.p_by_deadline = 'high';
  });
  const r = await cli('report', file, '--out', join(dir, 'all-three.html'));
  assert.is(r.code, 2);
  assert.match(r.err, '(3 problems)');
  for (const path of ['sample', 'completion.p50', 'p_by_deadline']) assert.match(r.err, `${file}: ${path}: expected`);
});

test('the undamaged result still makes a report', async () => {
  const file = damaged('intact', () => {});
  const out = join(dir, 'intact.html');
  const r = await cli('report', file, '--out', out);
  assert.is(r.code, 0, r.err);
  assert.ok(existsSync(out));
});

test.run();
