import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { cli, bin, hasStack, refused } from './helpers.ts';

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
  for (const command of ['run', 'validate', 'schema', 'trace', 'report', 'sweep', 'sensitivity', 'compare']) {
    const r = await cli(command, '--help');
    assert.is(r.code, 0, r.err);
    // An undescribed entry is its name followed straight by yargs' type tag: "  --seed    [string]".
    const bare = r.out.split('\n').filter((l) => /^ {2}(--)?[\w-]+\s+\[(string|number|boolean|array|choices|required)/.test(l));
    assert.equal(bare, [], `${command}:\n${r.out}`);
  }
});

test('a command without its file says what it needs and shows the usage line', async () => {
  assert.is(await refused('run'), 'retrograde run needs a scenario file (YAML or JSON)\nUsage: retrograde run <scenario> [options]\nRun `retrograde run --help` for usage.\n');
  assert.match(await refused('validate'), /^retrograde validate needs at least one scenario file \(YAML or JSON\)\nUsage: retrograde validate <scenarios\.\.> \[options\]\n/);
  assert.match(await refused('report'), /^retrograde report needs a result file .*\nUsage: retrograde report <result> \[options\]\n/);
  assert.match(await refused('report', 'r.json'), /^retrograde report needs --out\n/);
});

test('an unknown command is named as one, with a did-you-mean when close and the list of commands', async () => {
  const list = '(commands: run, validate, schema, trace, report, sweep, sensitivity, compare)';
  assert.is(await refused('frobnicate', 'x.yaml'), `unknown command "frobnicate" ${list}\nRun \`retrograde --help\` for usage.\n`);
  assert.is(await refused('rn', 'x.yaml'), `unknown command "rn"; did you mean "run"? ${list}\nRun \`retrograde --help\` for usage.\n`);
  assert.match(await refused('sensitivty', 'x.yaml', '--runs', '3'), /^unknown command "sensitivty"; did you mean "sensitivity"\?/);
});

test('an unknown option gets a did-you-mean against the command\'s options, or their list', async () => {
  assert.is(await refused('run', 'scenarios/niger-2024.yaml', '--rnus', '100'), 'unknown option --rnus; did you mean --runs?\nRun `retrograde run --help` for usage.\n');
  assert.match(await refused('sweep', 'scenarios/niger-2024.yaml', '--vary', 'fleet.C-17.count=1,2', '--trget=0.9'), /^unknown option --trget; did you mean --target\?\n/);
  const far = await refused('trace', 'scenarios/niger-2024.yaml', '--frobnicate');
  assert.match(far, /^unknown option --frobnicate\nthe options of trace are --help, --seed, --replication, --format, --set\n/);
  assert.match(await refused('run', 'a.yaml', 'b.yaml'), /^unexpected argument "b\.yaml": the usage is retrograde run <scenario> \[options\]\n/);
});

test('--format outside its choices names the allowed values', async () => {
  assert.is(await refused('trace', 'scenarios/niger-2024.yaml', '--format', 'xml'), '--format must be jsonl or csv; got "xml"\nRun `retrograde trace --help` for usage.\n');
  const r = await cli('trace', 'scenarios/niger-2024.yaml', '--seed', '3');
  assert.is(r.code, 0, r.err);
  assert.ok(JSON.parse(r.out.split('\n')[0] as string).event, 'jsonl stays the default');
});

test('the real binary says an unknown command in one message, exit 2', () => {
  const r = bin('frobnicate', 'x.yaml');
  assert.is(r.code, 2, r.err);
  assert.match(r.err, /^unknown command "frobnicate"/);
  assert.not.ok(hasStack(r.err), r.err);
});

test.run();
