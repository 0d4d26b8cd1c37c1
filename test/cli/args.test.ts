import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, bin, hasStack, refused } from './helpers.ts';
import { loadScenarioFile } from '../../sim/cli/files.ts';
import { runBatch } from '../../sim/batch/run.ts';

const baseline = 'scenarios/niger-2024.yaml';

test('a number option that is not a number quotes what was typed instead of saying NaN', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['run', baseline, '--runs', 'abc'], /--runs must be an integer >= 1, such as --runs \d+; got "abc"/],
    [['run', baseline, '--workers', 'abc'], /--workers must be an integer >= 0, such as --workers \d+; got "abc"/],
    [['trace', baseline, '--replication', 'abc'], /--replication must be an integer >= 0, such as --replication \d+; got "abc"/],
    [['run', baseline, '--precision', 'abc'], /--precision must be a number in \(0, 0\.5\), such as 0\.005; got "abc"/],
    [['sweep', baseline, '--vary', 'fleet.C-17.count=1,2', '--target', 'high'], /--target must be a probability in \(0, 1\], such as 0\.95; got "high"/],
    [['sensitivity', baseline, '--runs', '0x10'], /--runs must be .*; got "0x10"/],
  ];
  for (const [args, message] of cases) {
    const err = await refused(...args);
    assert.match(err, message);
    assert.not.match(err, /NaN/);
  }
});

test('a number option given without a value is an error, not the default', async () => {
  for (const args of [
    ['run', baseline, '--runs', '--workers', '0', '--json'],
    ['run', baseline, '--workers', '0', '--json', '--runs'],
    ['sweep', baseline, '--vary', 'fleet.C-17.count=1,2', '--workers', '0', '--runs'],
    ['trace', baseline, '--replication'],
  ]) {
    const flag = args.includes('--replication') ? 'replication' : 'runs';
    assert.match(await refused(...args), new RegExp(`--${flag} needs a value: an integer >= \\d`));
  }
});

test('integers must be whole and in range; every problem is listed at once', async () => {
  assert.match(await refused('run', baseline, '--runs', '2.5'), /--runs must be an integer >= 1.*got "2\.5"/);
  assert.match(await refused('run', baseline, '--workers', '-1'), /--workers must be an integer >= 0.*got "-1"/);
  assert.match(await refused('trace', baseline, '--replication', '1.5'), /--replication must be an integer >= 0.*got "1\.5"/);
  const err = await refused('run', baseline, '--runs', '0', '--workers', 'two', '--precision', '0.7');
  assert.match(err, /--runs .*got "0"/);
  assert.match(err, /--workers .*got "two"/);
  assert.match(err, /--precision .*got "0\.7"/);
});

test('an option given twice is refused naming both values', async () => {
  assert.match(await refused('run', baseline, '--runs', '10', '--runs', '20'), /--runs is given 2 times \("10", "20"\)/);
});

test('an integer written with an exponent is accepted', async () => {
  const r = await cli('trace', baseline, '--replication', '1e0', '--format', 'csv');
  assert.is(r.code, 0, r.err);
  assert.match(r.err, /^replication 1 /);
});

test('an empty --seed, or --seed without a value, is a usage error naming --seed in every command', async () => {
  const commands = [
    ['run', baseline, '--runs', '10'],
    ['run', baseline, '--runs', '10', '--workers', '0'],
    ['sweep', baseline, '--vary', 'fleet.C-17.count=1,2', '--runs', '10'],
    ['sensitivity', baseline, '--runs', '10'],
    ['trace', baseline],
  ];
  for (const args of commands) {
    assert.match(await refused(...args, '--seed', ''), /^--seed needs a value: any non-empty text/);
    assert.match(await refused(...args, '--seed'), /^--seed needs a value/);
  }
});

test('the real binary refuses --seed \'\' with exit 2 before starting a worker', () => {
  const r = bin('run', baseline, '--runs', '10', '--seed', '');
  assert.is(r.code, 2, r.err);
  assert.match(r.err, /--seed/);
  assert.not.match(r.err, /internal error|createStream/);
  assert.not.ok(hasStack(r.err), r.err);
});

test('runBatch rejects an empty seed with a plain error before any worker starts', async () => {
  const scenario = loadScenarioFile(baseline);
  for (const workers of [0, 1]) {
    try {
      await runBatch(scenario, { seed: '', runs: 10, workers });
      assert.unreachable('runBatch accepted an empty seed');
    } catch (err) {
      const e = err as Error;
      assert.match(e.message, /^runBatch: seed must be a non-empty string, got ""$/);
      // A check made inside a worker carries the worker's code in its stack.
      assert.not.match(e.stack ?? '', /worker|stream\.ts/);
    }
  }
});

test.run();
