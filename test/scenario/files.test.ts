// Every scenario in scenarios/ validates; every file in scenarios/broken/ fails with exactly the
// issue paths its `# expect:` line lists. (Tests may read files; sim/scenario never does.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssues, parseScenario } from '../../sim/scenario/index.ts';
import { pathsOf } from './helpers.ts';
import { overrideText, sensitivityInputs, valueText } from '../../sim/sweep/index.ts';

const DIR = 'scenarios';
const BROKEN = join(DIR, 'broken');
const yamls = (dir: string) => readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();

test('scenarios/ holds the baseline, at least three variants, and at least five broken files', () => {
  const good = yamls(DIR);
  assert.ok(good.includes('niger-2024.yaml'));
  for (const v of ['niger-2024-clearance-freeze.yaml', 'niger-2024-russian-surge.yaml', 'niger-2024-thin-fleet.yaml']) assert.ok(good.includes(v), v);
  assert.ok(yamls(BROKEN).length >= 5);
});

for (const file of yamls(DIR)) {
  test(`${file} validates`, () => {
    const path = join(DIR, file);
    const r = parseScenario(readFileSync(path, 'utf8'), path);
    assert.ok(r.ok, r.ok ? '' : `\n${formatIssues(r.issues, path)}`);
  });
}

for (const file of yamls(DIR)) {
  test(`${file}: every low and high value its sensitivity section declares gives a valid scenario`, () => {
    const path = join(DIR, file);
    const text = readFileSync(path, 'utf8');
    const r = parseScenario(text, path);
    if (!r.ok) return; // reported by the test above
    const bad: string[] = [];
    for (const input of sensitivityInputs(r.scenario).filter((i) => i.source === 'declared')) {
      for (const value of [input.low, input.high]) {
        const at = parseScenario(text, path, [overrideText(input.path, value)]);
        if (!at.ok) bad.push(`${input.path}=${valueText(value)}:\n${formatIssues(at.issues, path)}`);
      }
    }
    assert.equal(bad, [], bad.join('\n'));
  });
}

for (const file of yamls(BROKEN)) {
  test(`broken/${file} fails with exactly the paths it expects`, () => {
    const path = join(BROKEN, file);
    const text = readFileSync(path, 'utf8');
    const line = /^# expect: (.+)$/m.exec(text);
    assert.ok(line, `${path} has no "# expect:" line`);
    const expected = (line?.[1] ?? '').split(',').map((s) => s.trim()).sort();
    const r = parseScenario(text, path);
    assert.not.ok(r.ok, `${path} parsed`);
    if (r.ok) return;
    assert.equal(pathsOf(r.issues), expected, `\n${formatIssues(r.issues, path)}`);
    for (const i of r.issues) assert.ok(i.line !== undefined && i.column !== undefined, `no line for ${i.path.join('.')}`);
  });
}

test('formatIssues prints one line per problem as file:line:column  path: message', () => {
  const path = join(BROKEN, 'bad-numbers.yaml');
  const r = parseScenario(readFileSync(path, 'utf8'), path);
  assert.not.ok(r.ok);
  if (r.ok) return;
  const lines = formatIssues(r.issues, path).split('\n');
  assert.is(lines.length, r.issues.length);
  assert.ok(lines.includes('scenarios/broken/bad-numbers.yaml:8:5  fleet.C-17.count: expected an integer >= 0, got -3'), lines.join('\n'));
  for (const l of lines) assert.match(l, /^scenarios\/broken\/bad-numbers\.yaml:\d+:\d+  [\w.-]+: \S/);
});

test('in the baseline, every value under fleet, bases, clearance and russian says where it comes from', () => {
  const lines = readFileSync(join(DIR, 'niger-2024.yaml'), 'utf8').split('\n');
  let section = '';
  const missing: string[] = [];
  lines.forEach((l, i) => {
    if (/^\S/.test(l)) section = l.split(':')[0] ?? '';
    if (!['fleet', 'bases', 'clearance', 'russian'].includes(section)) return;
    const m = /^\s+([\w-]+):\s*([^\s#][^#]*)?(#.*)?$/.exec(l);
    if (m === null || m[2] === undefined || m[1] === 'name') return; // map openers, comments, names
    const next = lines[i + 1] ?? '';
    if (m[3] === undefined && !/^\s+#/.test(next)) missing.push(`${i + 1}: ${l.trim()}`);
  });
  assert.equal(missing, [], `values without a source or ESTIMATE comment:\n${missing.join('\n')}`);
});

test('parsing does not mutate the document it returns for sweeps', () => {
  const path = join(DIR, 'niger-2024.yaml');
  const r = parseScenario(readFileSync(path, 'utf8'), path, ['fleet.C-17.count=2']);
  assert.ok(r.ok);
  if (!r.ok) return;
  const before = JSON.stringify(r.doc);
  parseScenario(readFileSync(path, 'utf8'), path);
  assert.is(JSON.stringify(r.doc), before);
  assert.is((r.doc as { fleet: Record<string, { count: number }> }).fleet['C-17']?.count, 2);
});

test.run();
