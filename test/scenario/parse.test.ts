import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseScenario } from '../../sim/scenario/index.ts';
import { edit, issueAt, issuesOf, pathsOf, SMALL } from './helpers.ts';

const parsed = (text: string) => {
  const r = parseScenario(text, 'test.yaml');
  if (!r.ok) throw new Error(`expected a valid scenario, got:\n${r.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return r.scenario;
};

test('a valid file resolves into model units: hours from start, ST, nm, knots', () => {
  const s = parsed(SMALL);
  assert.is(s.start, '2024-05-19T00:00:00.000Z');
  assert.is(s.deadlineH, 119 * 24);
  const c17 = s.fleet['C-17'];
  assert.ok(c17);
  assert.equal(c17.payloadST, { kind: 'triangular', min: 20, mode: 45, max: 65 });
  assert.is(c17.blockSpeedKt, 430);
  assert.equal(c17.groundTimeH, { kind: 'fixed', value: 2.25 });
  assert.equal(c17.hubTurnaroundH, { kind: 'uniform', min: 16.5, max: 20 });
  assert.equal(c17.availability, { kind: 'always' });
  const ab101 = s.bases.AB101;
  assert.ok(ab101);
  assert.is(ab101.name, 'AB101');
  assert.equal(ab101.cargo, { sensitiveST: 100, equipmentST: 400, personnel: 300 });
  assert.equal(ab101.hours, { open: 0, close: 24 });
  assert.is(ab101.hubDistanceNm, 1590);
  assert.is(s.clearance.approvalDelayH.kind, 'lognormal');
});

test('defaults fill what the file leaves out', () => {
  const s = parsed(SMALL);
  assert.equal(s.loadOrder, ['sensitive', 'equipment', 'personnel']);
  assert.is(s.rampPriority, 'first-come');
  assert.is(s.assignment, 'most-ready');
  assert.equal(s.closureOrder, []);
  assert.equal(s.russian, {});
  assert.equal(s.commercial, {});
  assert.is(s.clearance.denialProb, 0);
  assert.is(s.clearance.dailyCap, null);
  assert.is(s.clearance.notBeforeH, 0);
  assert.equal(s.batch, { runs: 1000, seed: 'retrograde' });
  assert.is(s.horizonH, s.deadlineH + 90 * 24);
  assert.is(s.fleet['C-17']!.seatsWithFullPallets, 0, 'no seat beside full pallets unless the file says so');
});

test('a declared sensitivity value that is valid alone but leaves the scenario invalid is reported at that value', () => {
  const text = `${SMALL}sensitivity:\n  bases.AB101.ramp_spots: { low: 0, high: 6 }\n`;
  const issues = issuesOf(text);
  assert.equal(pathsOf(issues), ['sensitivity.bases.AB101.ramp_spots.low']);
  const issue = issueAt(issues, 'sensitivity.bases.AB101.ramp_spots.low');
  assert.match(issue.message, /^with bases.AB101.ramp_spots at this value the scenario is invalid: bases.AB101.ramp_spots: AB101 has cargo or personnel to move but no ramp spots/);
  assert.is(issue.line, 27);
  assert.ok(parseScenario(`${SMALL}sensitivity:\n  bases.AB101.ramp_spots: { low: 1, high: 6 }\n`, 'x').ok);
  // A one-off override is judged alone: the declared ranges are not in use then.
  const held = `${SMALL}russian:\n  AB101: { ground_time: 6h, arrivals_per_day: 0.5, permanent_spots: 1 }\nsensitivity:\n  bases.AB101.ramp_spots: { low: 2, high: 6 }\n`;
  assert.ok(parseScenario(held, 'x').ok);
  assert.ok(parseScenario(held, 'x', ['russian.AB101.permanent_spots=2']).ok);
});

test('seats beside full pallets are read, and more of them than seats is an error at that key', () => {
  const s = parsed(edit('    seats: 102\n', '    seats: 102\n    seats_with_full_pallets: 54\n'));
  assert.is(s.fleet['C-17']!.seatsWithFullPallets, 54);
  const issue = issueAt(issuesOf(edit('    seats: 102\n', '    seats: 102\n    seats_with_full_pallets: 103\n')), 'fleet.C-17.seats_with_full_pallets');
  assert.is(issue.message, "expected at most the aircraft's seats (102), got 103");
  assert.is(issue.line, 12);
});

test('dates in the file become hours from the start', () => {
  const s = parsed(
    edit('  validity: 48h\n', `  validity: 48h
  not_before: 2024-05-21T12:00Z
  freezes: [{ from: 2024-06-01, to: 2024-06-08 }]
commercial:
  AB101: { seats_per_day: 5, from: 2024-05-20 }
russian:
  AB101: { arrivals_per_day: 0.1, schedule: [2024-05-25T06:00Z], ground_time: 6h }
horizon: 200d
`),
  );
  assert.is(s.clearance.notBeforeH, 60);
  assert.equal(s.clearance.freezes, [{ fromH: 13 * 24, toH: 20 * 24 }]);
  assert.equal(s.commercial.AB101, { seatsPerDay: 5, fromH: 24, toH: s.deadlineH });
  assert.equal(s.russian.AB101?.scheduleH, [6 * 24 + 6]);
  assert.is(s.horizonH, 200 * 24);
});

test('every distribution form reads into its DistSpec', () => {
  const cases: Array<[string, unknown]> = [
    ['12h', { kind: 'fixed', value: 12 }],
    ['{ fixed: 2d }', { kind: 'fixed', value: 48 }],
    ['{ exponential: 12h }', { kind: 'exponential', mean: 12 }],
    ['{ exponential: { mean: 90m } }', { kind: 'exponential', mean: 1.5 }],
    ['{ uniform: { min: 1h, max: 4h } }', { kind: 'uniform', min: 1, max: 4 }],
    ['{ triangular: { min: 1h, mode: 2h, max: 4h } }', { kind: 'triangular', min: 1, mode: 2, max: 4 }],
    ['{ normal: { mean: 3h, sd: 1h, min: 0h, max: 8h } }', { kind: 'normal', mean: 3, sd: 1, min: 0, max: 8 }],
    ['{ lognormal: { mu: 3, sigma: 0.5 } }', { kind: 'lognormal', mu: 3, sigma: 0.5 }],
    ['{ gamma: { shape: 2, scale: 6h } }', { kind: 'gamma', shape: 2, scale: 6 }],
    ['{ gamma: { mean: 12h, sd: 6h } }', { kind: 'gamma', shape: 4, scale: 3 }],
    ['{ weibull: { shape: 1.5, scale: 10h } }', { kind: 'weibull', shape: 1.5, scale: 10 }],
    ['{ empirical: [2h, 3h, 8h] }', { kind: 'empirical', values: [2, 3, 8] }],
    ['{ empirical: { values: [2h, 3h], weights: [3, 1] } }', { kind: 'empirical', values: [2, 3], weights: [3, 1] }],
  ];
  for (const [text, spec] of cases) {
    const s = parsed(edit('  approval_delay: { lognormal: { median: 24h, p90: 72h } }', `  approval_delay: ${text}`));
    assert.equal(s.clearance.approvalDelayH, spec, text);
  }
  const ln = parsed(SMALL).clearance.approvalDelayH;
  assert.ok(ln.kind === 'lognormal' && Math.abs(Math.exp(ln.mu) - 24) < 1e-9, 'lognormal median 24h');
});

test('every problem is listed at once, each with its path, line and column', () => {
  const text = SMALL.replace('    count: 2', '    count: -3')
    .replace('    ramp_spots: 4', '    ramp_spots: four')
    .replace('  validity: 48h', '  validity: soon');
  const issues = issuesOf(text);
  assert.equal(pathsOf(issues), ['bases.AB101.ramp_spots', 'clearance.validity', 'fleet.C-17.count']);
  const count = issueAt(issues, 'fleet.C-17.count');
  assert.is(count.message, 'expected an integer >= 0, got -3');
  assert.is(count.line, 6);
  assert.is(count.column, 5);
  assert.is(issueAt(issues, 'bases.AB101.ramp_spots').line, 17);
  assert.is(issueAt(issues, 'clearance.validity').line, 25);
});

test('an unknown key is an error with a did-you-mean, at the key', () => {
  const issues = issuesOf(edit('    seats: 102', '    seats: 102\n    saets: 100'));
  const i = issueAt(issues, 'fleet.C-17.saets');
  assert.is(i.message, 'unknown key "saets"; did you mean "seats"?');
  assert.is(i.line, 12);
  assert.is(i.column, 5);
});

test('an unknown key far from any known one lists the keys there are', () => {
  const i = issueAt(issuesOf(SMALL + 'weather: bad\n'), 'weather');
  assert.match(i.message, /unknown key "weather" \(expected one of: name, description, start/);
});

test('a missing key points at the map that should hold it', () => {
  const i = issueAt(issuesOf(edit('    loading_teams: 2\n', '')), 'bases.AB101.loading_teams');
  assert.is(i.message, 'missing: expected an integer >= 0');
  assert.is(i.line, 16);
});

test('a choice out of a list suggests the closest one', () => {
  const i = issueAt(issuesOf(SMALL + 'ramp_priority: russian-frist\n'), 'ramp_priority');
  assert.is(i.message, 'unknown choice "russian-frist"; did you mean "russian-first"?');
});

test('problems inside a distribution point into it', () => {
  const issues = issuesOf(edit('median: 24h, p90: 72h', 'median: 24h, p09: 72h'));
  assert.equal(pathsOf(issues), ['clearance.approval_delay.lognormal.p09', 'clearance.approval_delay.lognormal.p90']);
  assert.match(issueAt(issues, 'clearance.approval_delay.lognormal.p09').message, /did you mean "p90"/);
});

test('a YAML syntax error is reported with its line and column, and nothing else', () => {
  const issues = issuesOf('name: x\nfleet: [1, 2\nbases: {}\n');
  assert.is(issues.length, 1);
  assert.equal(issues[0]?.path, []);
  assert.match(issues[0]?.message ?? '', /^YAML syntax: /);
  assert.ok(issues[0]?.line !== undefined && issues[0].line >= 2);
});

test('a mis-indented key says to check the indentation there, keeping the yaml text and the place', () => {
  // loading_teams one space deeper than its siblings: the yaml package reports two errors at the value above it.
  const issues = issuesOf(edit('    loading_teams: 2\n', '     loading_teams: 2\n'));
  assert.is(issues.length, 1, JSON.stringify(issues));
  assert.equal([issues[0]?.line, issues[0]?.column], [17, 17]); // ramp_spots: 4, the line above
  assert.is(
    issues[0]?.message,
    'YAML syntax: check the indentation at and around this line (keys of one mapping start in the same column; a nested mapping goes on its own lines, indented with spaces): Nested mappings are not allowed in compact mappings; Implicit keys need to be on a single line',
  );
  // A mapping written on its key's line is the same mistake.
  assert.match(issuesOf('name: x\nstart: 2024-05-19 deadline: 2024-09-15\n')[0]?.message ?? '', /^YAML syntax: check the indentation at and around this line/);
  // A key a space shallower than its siblings: the yaml package reports later siblings too, the
  // same message line after line; each message comes once, at its first place, listing the others.
  const shallow = issuesOf(edit('    loading_teams: 2\n', '   loading_teams: 2\n'));
  assert.is(new Set(shallow.map((i) => i.message)).size, shallow.length, JSON.stringify(shallow));
  const items = shallow.find((i) => /All mapping items must start at the same column/.test(i.message));
  assert.match(items?.message ?? '', / \(the same at lines 21, 22\)$/);
  assert.equal([items?.line, items?.column], [18, 1]);
  // An unclosed flow list is not an indentation mistake.
  assert.not.match(issuesOf('name: x\nfleet: [1, 2\nbases: {}\n')[0]?.message ?? '', /indentation/);
});

test('utc_offset is hours from UTC, and the error for "UTC+1" says so', () => {
  const issues = issuesOf(edit('    loading_teams: 2\n', '    loading_teams: 2\n    utc_offset: UTC+1\n'));
  assert.is(issueAt(issues, 'bases.AB101.utc_offset').message, 'expected hours from UTC, e.g. 1 for UTC+1 (a number >= -12 and <= 14), got "UTC+1"');
  assert.is(parsed(edit('    loading_teams: 2\n', '    loading_teams: 2\n    utc_offset: 1\n')).bases.AB101?.utcOffsetH, 1);
});

test('a duplicate key is a YAML error, named by its path even at the top of the file', () => {
  const issues = issuesOf(edit('name: small\n', 'name: small\nname: again\n'));
  assert.equal(pathsOf(issues), ['name']);
  assert.match(issues[0]?.message ?? '', /^YAML syntax: the key "name" appears twice in one map \(first at line 1\)/);
});

test('a duplicate key is named by its path, at the repeated key, with the line of the first', () => {
  const issues = issuesOf(edit('    count: 2\n', '    count: 2\n    count: 3\n'));
  assert.is(issues.length, 1);
  const dup = issueAt(issues, 'fleet.C-17.count');
  assert.equal([dup.line, dup.column], [7, 5]);
  assert.is(dup.message, 'YAML syntax: the key "count" appears twice in one map (first at line 6); keep one');
  assert.equal(pathsOf(issuesOf(edit('validity: 48h', 'validity: 48h\n  freezes: [{ from: 2024-06-01, from: 2024-06-02 }]'))), ['clearance.freezes.0.from']);
});

test('distribution parameters out of order are stated in the file\'s own units', () => {
  const tri = issuesOf(edit('ground_time: 2.25h', 'ground_time: { triangular: [18h, 16h, 20h] }'));
  assert.is(issueAt(tri, 'fleet.C-17.ground_time.triangular.1').message, 'expected a duration >= min (18h), got 16h');
  const uni = issuesOf(edit('[16.5h, 20h]', '[1d, 20h]'));
  assert.is(issueAt(uni, 'fleet.C-17.hub_turnaround.uniform.1').message, 'expected a duration >= min (1d), got 20h');
  const tons = issuesOf(edit('[20 ST, 45 ST, 65 ST]', '[20 ST, 70 ST, 65 ST]'));
  assert.is(issueAt(tons, 'fleet.C-17.payload.triangular.2').message, 'expected a tonnage in ST >= mode (70 ST), got 65 ST');
  const named = issuesOf(edit('[16.5h, 20h]', '{ min: 20h, max: 90m }'));
  assert.is(issueAt(named, 'fleet.C-17.hub_turnaround.uniform.max').message, 'expected a duration >= min (20h), got 90m');
  const normal = issuesOf(edit('ground_time: 2.25h', 'ground_time: { normal: { mean: 100h, sd: 1h, min: 0h, max: 2d } }'));
  assert.match(issueAt(normal, 'fleet.C-17.ground_time.normal.min').message, /^truncation \[0h, 2d\] keeps only /);
  const zero = issuesOf(edit('ground_time: 2.25h', 'ground_time: { exponential: 0m }'));
  assert.is(issueAt(zero, 'fleet.C-17.ground_time.exponential').message, 'expected a duration > 0, got 0m');
});

test('a document that is not a map says so', () => {
  assert.equal(pathsOf(issuesOf('- 1\n- 2\n')), ['(file)']);
  assert.match(issuesOf('- 1\n')[0]?.message ?? '', /expected a mapping \(key: value\), got \[1\]/);
});

test('JSON reads like YAML, with lines', () => {
  const json = JSON.stringify({ name: 'j', start: '2024-05-19', deadline: '2024-06-19', fleet: {}, bases: {}, clearance: { approval_delay: '24h', validity: '48h' } }, null, 2);
  const ok = parseScenario(json.replace('"fleet": {}', '"fleet": {"C-17": {"count": 0}}'), 'x.json');
  assert.ok(!ok.ok);
  if (!ok.ok) assert.equal([issueAt(ok.issues, 'fleet.C-17.count').line, issueAt(ok.issues, 'fleet.C-17.count').column], [5, 22]);
});

const issuesIn = (text: string, file: string) => {
  const r = parseScenario(text, file);
  if (r.ok) throw new Error(`expected ${file} to be rejected`);
  return r.issues;
};

test('a .json file must be strict JSON: a trailing comma or a bare date is a JSON syntax error at its line', () => {
  const json = JSON.stringify({ name: 'j', start: '2024-05-19' }, null, 2);
  const comma = issuesIn(json.replace('"2024-05-19"', '"2024-05-19",'), 'x.json');
  assert.equal([comma.length, comma[0]?.line, comma[0]?.column], [1, 4, 1]);
  assert.match(comma[0]?.message ?? '', /^JSON syntax: Expected double-quoted property name$/);
  const bare = issuesIn(json.replace('"2024-05-19"', '2024-05-19'), 'x.json');
  assert.equal([bare[0]?.line, bare[0]?.message], [3, "JSON syntax: Expected ',' or '}' after property value"]);
  assert.match(issuesIn('', 'x.JSON')[0]?.message ?? '', /^JSON syntax: Unexpected end of the file$/);
  // The same text as YAML is read by YAML's rules (a bare date is a string there).
  assert.not.match(issuesIn(json.replace('"2024-05-19"', '2024-05-19'), 'x.yaml').map((i) => i.message).join(), /syntax/);
});

test('a bad value hints with a distribution of its own kind, and that hint is itself valid there', () => {
  for (const path of ['clearance.approval_delay', 'fleet.C-17.payload', 'bases.AB101.readiness.prep_rate']) {
    const message = issuesOf(SMALL, [`${path}=-5`])[0]?.message ?? '';
    const hint = /or give a distribution like (\{.*\}) \(from override/.exec(message)?.[1];
    assert.ok(hint !== undefined, message);
    const r = parseScenario(SMALL, 'test.yaml', [`${path}=${hint}`]);
    assert.ok(r.ok, `${path}=${hint}: ${r.ok ? '' : r.issues.map((i) => i.message).join('; ')}`);
  }
});

test('an empty file says it is empty and what a scenario needs', () => {
  const issues = issuesOf('# just a comment\n');
  assert.equal(pathsOf(issues), ['(file)']);
  assert.match(issues[0]?.message ?? '', /^the file is empty; a scenario needs at least name, start, deadline, fleet, bases, clearance$/);
});

test.run();
