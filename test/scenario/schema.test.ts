import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { describeInputs, parseScenario, scenarioJsonSchema } from '../../sim/scenario/index.ts';
import { SMALL } from './helpers.ts';

type Json = { type?: string; properties?: Record<string, Json>; required?: string[]; additionalProperties?: Json | boolean; anyOf?: Json[]; pattern?: string; description?: string };

test('the JSON Schema lists the top-level keys, requires the essential ones, and refuses unknown keys', () => {
  const s = scenarioJsonSchema() as Json;
  assert.is(s.type, 'object');
  assert.is(s.additionalProperties, false);
  for (const k of ['name', 'start', 'deadline', 'horizon', 'fleet', 'bases', 'clearance', 'russian', 'ramp_priority', 'commercial', 'load_order', 'assignment', 'sensitive_priority', 'closure_order', 'batch', 'sensitivity']) {
    assert.ok(s.properties?.[k], `no property ${k}`);
  }
  assert.equal([...(s.required ?? [])].sort(), ['bases', 'clearance', 'deadline', 'fleet', 'name', 'start']);
});

test('the JSON Schema documents aircraft fields, durations and distributions', () => {
  const s = scenarioJsonSchema() as Json;
  const aircraft = (s.properties?.fleet?.additionalProperties as Json).properties ?? {};
  assert.equal(aircraft.count, { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
  const delay = s.properties?.clearance?.properties?.approval_delay;
  assert.match(delay?.description ?? '', /lognormal: \{ median: 24h, p90: 72h \}/);
  const kinds = (delay?.anyOf ?? []).flatMap((a) => Object.keys(a.properties ?? {}));
  for (const k of ['fixed', 'exponential', 'uniform', 'triangular', 'normal', 'lognormal', 'gamma', 'weibull', 'empirical', 'bernoulli']) assert.ok(kinds.includes(k), k);
  const pattern = new RegExp(s.properties?.start?.pattern ?? '^$');
  assert.ok(pattern.test('2024-05-19') && pattern.test('2024-05-19T06:00Z') && !pattern.test('19/05/2024'));
});

test('the JSON Schema is plain JSON', () => {
  const s = scenarioJsonSchema();
  assert.equal(JSON.parse(JSON.stringify(s)), s);
});

test('describeInputs gives a row for every part of the scenario, in readable units', () => {
  const r = parseScenario(readFileSync('scenarios/niger-2024.yaml', 'utf8'), 'scenarios/niger-2024.yaml');
  assert.ok(r.ok);
  if (!r.ok) return;
  const rows = new Map(describeInputs(r.scenario));
  assert.is(rows.get('Deadline'), '2024-09-15 UTC (119 days after start)');
  assert.match(rows.get('Fleet C-17') ?? '', /^2 aircraft; payload triangular 20 ST \/ 60 ST \/ 80 ST/);
  assert.match(rows.get('Base AB201') ?? '', /open 05:30-17:30 local \(UTC\+1\)/);
  assert.is(rows.get('Clearance approval delay'), 'lognormal, median 24h, p90 3d');
  assert.match(rows.get('Russian traffic AB101') ?? '', /0\.1 arrivals\/day/);
  assert.is(rows.get('Closure order'), 'AB101 before AB201');
  for (const [label, value] of rows) assert.ok(label.length > 0 && value.length > 0 && !value.includes('undefined') && !value.includes('NaN'), `${label}: ${value}`);
});

test('describeInputs lists freezes and caps when there are some', () => {
  const r = parseScenario(SMALL, 't.yaml', ['clearance.freezes=[{ from: 2024-06-01, to: 2024-06-15 }]', 'clearance.daily_cap=4']);
  assert.ok(r.ok);
  if (!r.ok) return;
  const rows = describeInputs(r.scenario);
  assert.ok(rows.some(([k, v]) => k === 'Clearance freeze' && v === '2024-06-01 UTC to 2024-06-15 UTC'));
  assert.ok(rows.some(([k, v]) => k === 'Clearance daily cap' && v === '4 landings per UTC day'));
});

test.run();
