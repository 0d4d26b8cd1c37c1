import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../sim/scenario/index.ts';
import { differingPaths } from '../../sim/scenario/differences.ts';

const file = 'scenarios/niger-2024.yaml';
const text = readFileSync(file, 'utf8');

/** The parsed document of `text` with `edit` applied to it as text (a variant file). */
function doc(edit: (t: string) => string = (t) => t): unknown {
  const r = parseScenario(edit(text), 'variant.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.doc;
}

/** `text` with the first match of `pattern` replaced, failing when nothing matched (the edit would test nothing). */
function replaced(t: string, pattern: RegExp, by: string): string {
  if (!pattern.test(t)) throw new Error(`no match for ${pattern}`);
  return t.replace(pattern, by);
}

test('a scenario differs from itself nowhere', () => {
  assert.equal(differingPaths(doc(), doc()), []);
});

test('each changed value is named by its file path, mappings followed down to the value', () => {
  const variant = doc((t) =>
    replaced(replaced(replaced(t, /^( {4}count: )2\b/m, '$13'), /^( {4}ramp_spots: )4\b/m, '$15'), /^( {2}approval_delay: ).*$/m, '$1{ lognormal: { median: 36h, p90: 96h } }'),
  );
  assert.equal(differingPaths(doc(), variant), ['fleet.C-17.count', 'bases.AB101.ramp_spots', 'clearance.approval_delay']);
});

test('what only looks different, and what the runs never read, is not a difference', () => {
  const variant = doc((t) =>
    // The same delay in other units, a new name and another batch seed.
    replaced(replaced(replaced(t, /^( {2}approval_delay: ).*$/m, '$1{ lognormal: { median: 1d, p90: 3d } }'), /^name: .*$/m, 'name: renamed'), /^( {2}seed: ).*$/m, '$1other'),
  );
  assert.equal(differingPaths(doc(), variant), []);
});

test('a list is one value, and an entry only one side has is named whole', () => {
  const variant = doc((t) => replaced(t, /^( {2}freezes: )\[\].*$/m, '$1[{ from: 2024-06-24, to: 2024-07-15 }]'));
  assert.equal(differingPaths(doc(), variant), ['clearance.freezes']);
  const thin = parseScenario(readFileSync('scenarios/niger-2024-thin-fleet.yaml', 'utf8'), 'thin.yaml');
  assert.ok(thin.ok);
  if (thin.ok) assert.equal(differingPaths(doc(), thin.doc), ['fleet.C-17.count', 'fleet.C-130J']);
});

test('an invalid document is refused, naming which', () => {
  assert.throws(() => differingPaths(doc(), { name: 'x' }), /differingPaths: the second document is not a valid scenario/);
});

test.run();
