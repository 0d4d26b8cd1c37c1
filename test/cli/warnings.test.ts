import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'retro-warnings-'));
const baselineText = readFileSync('scenarios/niger-2024.yaml', 'utf8');

/** The baseline with one line replaced, written to a file of the temp folder. */
function variant(name: string, from: string, to: string): string {
  if (!baselineText.includes(from)) throw new Error(`the baseline has no ${JSON.stringify(from)}`);
  const file = join(dir, name);
  writeFileSync(file, baselineText.replace(from, to));
  return file;
}

const line = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

test('validate warns on stderr, at file:line:column and path, when not_before is after the deadline, and exits 0', async () => {
  const file = variant('late.yaml', '  not_before: 2024-05-19 ', '  not_before: 2024-10-01 ');
  const r = await cli('validate', file);
  assert.is(r.code, 0, r.err);
  assert.is(r.out, '');
  const n = line(baselineText, '  not_before: 2024-05-19 ');
  assert.match(r.err, `${file}:${n}:3  warning: clearance.not_before: 2024-10-01 UTC is at or after the deadline (2024-09-15 UTC)`);
  assert.match(r.err, /nothing can finish in time/);
  assert.ok(r.err.endsWith(`${file}: valid, with a warning (above)\n`), r.err);
});

test('validate warns at the freeze that covers the whole time from the start to the deadline', async () => {
  const file = variant('frozen.yaml', '  freezes: []', '  freezes:\n    - { from: 2024-05-19, to: 2024-09-15 }');
  const r = await cli('validate', file);
  assert.is(r.code, 0, r.err);
  assert.match(r.err, /warning: clearance\.freezes\.0: this freeze \(2024-05-19 UTC to 2024-09-15 UTC\) covers the whole time from the start to the deadline/);
});

test('run prints the warning on stderr before it runs, the summary on stdout, and exits 0', async () => {
  const r = await cli('run', 'scenarios/niger-2024.yaml', '--runs', '5', '--workers', '0', '--set', 'clearance.not_before=2024-09-15');
  assert.is(r.code, 0, r.err);
  assert.match(r.err, /^scenarios\/niger-2024\.yaml {2}warning: clearance\.not_before: 2024-09-15 UTC is at or after the deadline \(2024-09-15 UTC\).*\(from --set clearance\.not_before=2024-09-15\)\n/);
  assert.match(r.out, /P\(finish by deadline\) {3}0\.0%/);
});

test('sweep and sensitivity print the warning of the scenario as their --set leaves it, once, and run', async () => {
  for (const command of [['sweep', '--vary', 'fleet.C-17.count=2,3'], ['sensitivity']]) {
    const r = await cli(command[0]!, 'scenarios/niger-2024.yaml', ...command.slice(1), '--runs', '5', '--workers', '0', '--set', 'clearance.not_before=2024-10-01');
    assert.is(r.code, 0, r.err);
    assert.is(r.err.match(/warning: clearance\.not_before: 2024-10-01 UTC is at or after the deadline/g)?.length, 1, r.err);
    assert.match(r.out, /0\.0%/);
  }
});

test('sweep warns at a swept value that fixes the answer, naming the --vary, and not at the others', async () => {
  const r = await cli('sweep', 'scenarios/niger-2024.yaml', '--vary', 'clearance.not_before=2024-05-19,2024-09-20', '--runs', '5', '--workers', '0');
  assert.is(r.code, 0, r.err);
  const warnings = r.err.split('\n').filter((l) => l.includes('warning:'));
  assert.equal(warnings.length, 1, r.err);
  assert.match(warnings[0]!, /warning: clearance\.not_before: 2024-09-20 UTC is at or after the deadline .*\(from --vary clearance\.not_before=2024-09-20\)$/);
});

test('a valid file without such a problem gets no warning', async () => {
  const r = await cli('validate', 'scenarios/niger-2024.yaml');
  assert.is(r.err, 'scenarios/niger-2024.yaml: valid\n');
});

test('validate warns at a declared sensitivity value whose scenario would warn, and run does not', async () => {
  const file = variant('range.yaml', 'clearance.not_before: { low: 2024-05-19, high: 2024-06-07 }', 'clearance.not_before: { low: 2024-05-19, high: 2024-09-20 }');
  const v = await cli('validate', file);
  assert.is(v.code, 0, v.err);
  const n = line(readFileSync(file, 'utf8'), 'clearance.not_before: { low');
  assert.match(v.err, `${file}:${n}:`);
  assert.match(v.err, /warning: sensitivity\.clearance\.not_before\.high: at this value, 2024-09-20 UTC is at or after the deadline/);
  assert.not.match(v.err, /not_before\.low/);
  assert.ok(v.err.endsWith(`${file}: valid, with a warning (above)\n`), v.err);
  const r = await cli('run', file, '--runs', '5', '--workers', '0');
  assert.is(r.code, 0, r.err);
  assert.not.match(r.err, /warning/);
});

test.run();
