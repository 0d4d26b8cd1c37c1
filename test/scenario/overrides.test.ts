import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { labelled, parseScenario, resolveScenario, setPath } from '../../sim/scenario/index.ts';
import { issueAt, issuesOf, pathsOf, SMALL } from './helpers.ts';

const scenarioWith = (overrides: string[]) => {
  const r = parseScenario(SMALL, 'test.yaml', overrides);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return r;
};

test('an override sets a value by path before validation', () => {
  const r = scenarioWith(['fleet.C-17.count=4', 'clearance.approval_delay=48h']);
  assert.is(r.scenario.fleet['C-17']?.count, 4);
  assert.equal(r.scenario.clearance.approvalDelayH, { kind: 'fixed', value: 48 });
});

test('override values are read as YAML: flow maps, lists, nulls', () => {
  const r = scenarioWith(['clearance.approval_delay={ exponential: { mean: 12h } }', 'load_order=[personnel, sensitive, equipment]', 'clearance.daily_cap=null']);
  assert.equal(r.scenario.clearance.approvalDelayH, { kind: 'exponential', mean: 12 });
  assert.equal(r.scenario.loadOrder, ['personnel', 'sensitive', 'equipment']);
  assert.is(r.scenario.clearance.dailyCap, null);
});

test('an override may reach inside a distribution the file already has', () => {
  const r = scenarioWith(['clearance.approval_delay.lognormal.p90=96h']);
  const d = r.scenario.clearance.approvalDelayH;
  assert.ok(d.kind === 'lognormal' && Math.abs(Math.exp(d.mu + 1.2815515655446004 * d.sigma) - 96) < 1e-9);
});

test('an override may set an optional key the file leaves out, and a whole new map entry', () => {
  const r = scenarioWith(['bases.AB101.closure_team=5', 'russian.AB101={ ground_time: 6h, arrivals_per_day: 0.5 }']);
  assert.is(r.scenario.bases.AB101?.closureTeam, 5);
  assert.is(r.scenario.russian.AB101?.arrivalsPerDay, 0.5);
});

test('an invalid override value is reported at its path, saying which --set it came from, without a line', () => {
  const issues = issuesOf(SMALL, labelled(['fleet.C-17.count=-3'], '--set'));
  const i = issueAt(issues, 'fleet.C-17.count');
  assert.is(i.message, 'expected an integer >= 0, got -3 (from --set fleet.C-17.count=-3)');
  assert.is(i.line, undefined);
});

test('an override naming an unknown path is an issue, with a did-you-mean', () => {
  const issues = issuesOf(SMALL, ['fleet.C-17.cuont=4', 'fleet.C-5.count=2', 'bases.AB101.cargo.tons=3', 'clearance.validity.hours=3']);
  assert.is(issues.length, 4);
  const messages = issues.map((i) => i.message).join('\n');
  assert.match(messages, /fleet\.C-17\.cuont: unknown key "cuont"; did you mean "count"\?/);
  assert.match(messages, /fleet\.C-5\.count: no entry "C-5" in fleet; did you mean "C-17"\?/);
  assert.match(messages, /bases\.AB101\.cargo\.tons: unknown key "tons" \(expected one of: sensitive, equipment, personnel\)/);
  assert.match(messages, /clearance\.validity\.hours: clearance\.validity has no "hours"; set clearance\.validity whole instead/);
  assert.equal(pathsOf(issues), ['override', 'override', 'override', 'override']);
});

test('overrides are filed under the option they came from: "override" from a script, --set when the CLI labels them', () => {
  const plain = issuesOf(SMALL, ['fleet.C-17.count=0']);
  assert.match(plain[0]?.message ?? '', /\(from override fleet\.C-17\.count=0\)$/);
  const cli = issuesOf(SMALL, labelled(['fleet.C-17.count=0', 'fleet.C-17.cuont=4'], '--set'));
  assert.match(cli.map((i) => i.message).join('\n'), /\(from --set fleet\.C-17\.count=0\)/);
  assert.equal(pathsOf(cli.filter((i) => i.line === undefined && i.path.length === 1)), ['--set']);
});

test('an override into an item of an empty or missing list says to set the list whole', () => {
  const empty = issuesOf(`${SMALL}  freezes: []\n`, ['clearance.freezes.0.from=2024-06-01']);
  assert.match(empty[0]?.message ?? '', /^clearance\.freezes\.0\.from: clearance\.freezes is an empty list, so it has no item 0 to change: set the whole list, e\.g\. clearance\.freezes=\[\.\.\.\]/);
  const missing = issuesOf(SMALL, ['clearance.freezes.0.from=2024-06-01']);
  assert.match(missing[0]?.message ?? '', /^clearance\.freezes\.0\.from: clearance\.freezes is not in the file, so it has no item 0/);
});

test('a problem with a list an override changed an item of keeps its line and names the override', () => {
  const issues = issuesOf(`${SMALL}load_order: [sensitive, equipment, personnel]\n`, ['load_order.0=personnel']);
  const i = issueAt(issues, 'load_order');
  assert.match(i.message, /exactly once.*\(after override load_order\.0=personnel\)$/);
  assert.is(typeof i.line, 'number');
});

test('a flow map without spaces after colons gets a hint, not a riddle', () => {
  const issues = issuesOf(SMALL, ['clearance.approval_delay={ exponential: {mean:12h} }']);
  assert.match(issues.map((i) => i.message).join('\n'), /unknown key "mean:12h"; YAML needs a space after the colon: "mean: 12h"/);
});

test('an override without "=" or with unreadable YAML is an issue', () => {
  const issues = issuesOf(SMALL, ['fleet.C-17.count', 'batch.runs=[1,']);
  assert.is(issues.length, 2);
  assert.match(issues[0]?.message ?? '', /expected path=value/);
  assert.match(issues[1]?.message ?? '', /batch\.runs: cannot read the value "\[1,"/);
});

test('problems the file has keep their lines when overrides are also given', () => {
  const issues = issuesOf(SMALL.replace('    seats: 102', '    seats: -1'), ['fleet.C-17.count=3']);
  assert.is(issueAt(issues, 'fleet.C-17.seats').line, 11);
});

test('setPath returns a modified deep copy and leaves the original alone', () => {
  const doc = { fleet: { 'C-17': { count: 2, payload: { uniform: [1, 2] } } } };
  const before = structuredClone(doc);
  const out = setPath(doc, 'fleet.C-17.count', 5);
  assert.equal(doc, before);
  assert.is(out.fleet['C-17'].count, 5);
  const out2 = setPath(doc, ['fleet', 'C-17', 'payload', 'uniform', 1], 9);
  assert.equal(out2.fleet['C-17'].payload.uniform, [1, 9]);
  assert.equal(setPath({}, 'a.b', 1), { a: { b: 1 } });
  assert.throws(() => setPath(doc, 'fleet.C-17.count.x', 1), /fleet\.C-17\.count is 2, not a map or list/);
});

test('resolveScenario validates an in-memory document (for sweeps)', () => {
  const r = parseScenario(SMALL, 'test.yaml');
  assert.ok(r.ok);
  if (!r.ok) return;
  const more = resolveScenario(setPath(r.doc, 'fleet.C-17.count', 7));
  assert.ok(more.ok && more.scenario.fleet['C-17']?.count === 7);
  const bad = resolveScenario(setPath(r.doc, 'fleet.C-17.count', 0));
  assert.ok(!bad.ok);
  if (!bad.ok) {
    assert.equal(pathsOf(bad.issues), ['fleet.C-17.count']);
    assert.is(bad.issues[0]?.line, undefined);
  }
});

test('with_cargo_share is a share in [0, 1]; with any-seat it is accepted and has no effect, so an override can switch the drawdown', () => {
  const ok = scenarioWith(['personnel_drawdown=with-cargo', 'with_cargo_share=0.25']);
  assert.is(ok.scenario.withCargoShare, 0.25);
  assert.is(scenarioWith(['personnel_drawdown=with-cargo']).scenario.withCargoShare, undefined, 'absent means all of them');
  assert.ok(parseScenario(SMALL, 'test.yaml', ['with_cargo_share=0.5', 'personnel_drawdown=any-seat']).ok);
  const big = parseScenario(SMALL, 'test.yaml', ['personnel_drawdown=with-cargo', 'with_cargo_share=1.5']);
  assert.ok(!big.ok && big.issues.some((i) => i.path.join('.') === 'with_cargo_share' && /a share between 0 and 1/.test(i.message)));
});

test('sensitive_priority is per-sortie unless set, and takes only its two values', () => {
  assert.is(scenarioWith([]).scenario.sensitivePriority, 'per-sortie');
  assert.is(scenarioWith(['sensitive_priority=across-bases']).scenario.sensitivePriority, 'across-bases');
  const bad = parseScenario(SMALL, 'test.yaml', ['sensitive_priority=across']);
  assert.ok(!bad.ok && bad.issues.some((i) => i.path.join('.') === 'sensitive_priority' && /across-bases/.test(i.message)), JSON.stringify(bad));
});

test.run();
