import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatWarnings, parseScenario, pathText, type ScenarioIssue } from '../../sim/scenario/index.ts';
import { edit, SMALL } from './helpers.ts';

/** The warnings of a text that must parse (throws listing its problems if it does not). */
const warningsOf = (text: string, overrides: string[] = []): ScenarioIssue[] => {
  const r = parseScenario(text, 'test.yaml', overrides);
  if (!r.ok) throw new Error(`expected a valid scenario, got:\n${r.issues.map((i) => `${pathText(i.path)}: ${i.message}`).join('\n')}`);
  return r.warnings;
};

const clearance = '  validity: 48h\n';

test('a valid scenario whose clearances can finish in time has no warnings', () => {
  assert.equal(warningsOf(SMALL), []);
  assert.equal(warningsOf(edit(clearance, `${clearance}  not_before: 2024-09-14\n`)), []);
});

test('not_before at or after the deadline is a warning at its line, with both dates, not an error', () => {
  const text = edit(clearance, `${clearance}  not_before: 2024-10-01\n`);
  const [w, ...rest] = warningsOf(text);
  assert.equal(rest, []);
  assert.ok(w);
  assert.equal(w.path, ['clearance', 'not_before']);
  assert.is(w.line, 26);
  assert.match(w.message, /2024-10-01 UTC is at or after the deadline \(2024-09-15 UTC\)/);
  assert.match(w.message, /nothing can finish in time/);
  assert.is(formatWarnings([w], 'x.yaml').split('\n')[0], `x.yaml:26:3  warning: clearance.not_before: ${w.message}`);
  // At the deadline exactly: an approval at the deadline is already late.
  assert.is(warningsOf(edit(clearance, `${clearance}  not_before: 2024-09-15\n`)).length, 1);
});

test('a freeze from the start (or before) to the deadline (or after) is a warning at that freeze', () => {
  const text = edit(clearance, `${clearance}  freezes:\n    - { from: 2024-05-01, to: 2024-09-20 }\n`);
  const [w, ...rest] = warningsOf(text);
  assert.equal(rest, []);
  assert.ok(w);
  assert.equal(w.path, ['clearance', 'freezes', 0]);
  assert.match(w.message, /covers the whole time from the start to the deadline \(2024-09-15 UTC\)/);
  // A freeze that ends before the deadline leaves time: no warning.
  assert.equal(warningsOf(edit(clearance, `${clearance}  freezes:\n    - { from: 2024-05-01, to: 2024-09-01 }\n`)), []);
});

test('not_before and freezes that chain on to the deadline together are one warning at the freezes', () => {
  const text = edit(clearance, `${clearance}  not_before: 2024-06-01\n  freezes:\n    - { from: 2024-08-01, to: 2024-10-01 }\n    - { from: 2024-05-25, to: 2024-08-02 }\n`);
  const ws = warningsOf(text);
  assert.equal(ws.map((w) => pathText(w.path)), ['clearance.freezes']);
  assert.match(ws[0]!.message, /^not_before and the freezes together allow no approval until 2024-10-01 UTC, at or after the deadline/);
  // Without not_before, the freezes alone chain on from the start: the message says so.
  const alone = warningsOf(edit(clearance, `${clearance}  freezes:\n    - { from: 2024-05-01, to: 2024-07-01 }\n    - { from: 2024-06-15, to: 2024-10-01 }\n`));
  assert.equal(alone.map((w) => pathText(w.path)), ['clearance.freezes']);
  assert.match(alone[0]!.message, /^the freezes, one after another from the start, together allow no approval until 2024-10-01 UTC/);
});

test('no warning when only personnel with commercial seats are left to move (they need no clearance)', () => {
  const text = edit('cargo: { sensitive: 100, equipment: 400, personnel: 300 }', 'cargo: { sensitive: 0, equipment: 0, personnel: 300 }', SMALL)
    .replace('    closure_team: 20\n', '')
    .replace(clearance, `${clearance}  not_before: 2024-10-01\ncommercial:\n  AB101: { seats_per_day: 10 }\n`);
  assert.equal(warningsOf(text), []);
  // A closure team still needs an aircraft, and so a clearance: the warning stands.
  const withTeam = edit('cargo: { sensitive: 100, equipment: 400, personnel: 300 }', 'cargo: { sensitive: 0, equipment: 0, personnel: 300 }', SMALL)
    .replace(clearance, `${clearance}  not_before: 2024-10-01\ncommercial:\n  AB101: { seats_per_day: 10 }\n`);
  assert.equal(warningsOf(withTeam).map((w) => pathText(w.path)), ['clearance.not_before']);
});

test('a warning brought in by an override names it, like a problem would', () => {
  const [w] = warningsOf(SMALL, ['clearance.not_before=2024-12-01']);
  assert.ok(w);
  assert.match(w.message, /is at or after the deadline.*\(from override clearance\.not_before=2024-12-01\)$/);
});

test.run();
