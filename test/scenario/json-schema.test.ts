/**
 * The JSON Schema that `retrograde schema` prints, checked by a real validator (ajv, draft
 * 2020-12) against the scenario parser itself. Editors use the schema to mark a file's
 * mistakes: a schema that refuses what the parser accepts paints valid files red, and one that
 * accepts what the parser refuses hides mistakes. The leaves whose JSON Schema is written by hand
 * (durations, dates, hours, quantities with units, distributions) are where the two can drift,
 * so each is probed with values on both sides of its rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { parseScenario, scenarioJsonSchema, setPath } from '../../sim/scenario/index.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(scenarioJsonSchema());
const schemaErrors = (doc: unknown): string =>
  (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`).join('; ');

const BASELINE = 'scenarios/niger-2024.yaml';
const baselineText = readFileSync(BASELINE, 'utf8');
const baselineDoc = parseYaml(baselineText) as unknown;

test('every shipped scenario validates against the JSON Schema', () => {
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml') || f.endsWith('.json'));
  assert.ok(files.length >= 4, `only ${files.length} scenarios found`);
  for (const f of files) {
    const doc = parseYaml(readFileSync(`scenarios/${f}`, 'utf8')) as unknown;
    assert.ok(validate(doc), `${f}: ${schemaErrors(doc)}`);
  }
});

test('the JSON Schema refuses unknown keys and wrong kinds, as the parser does', () => {
  for (const [path, value] of [
    ['fleet.C-17.cont', 3],
    ['bases.AB101.ramp_spots', 'four'],
    ['fleet.C-17.count', 1.5],
    ['ramp_priority', 'russian-last'],
  ] as const) {
    const doc = setPath(baselineDoc, path, value);
    assert.not.ok(validate(doc), `${path}=${JSON.stringify(value)} passed the JSON Schema`);
    assert.not.ok(parseScenario(JSON.stringify(doc), 'probe.json').ok, `${path}=${JSON.stringify(value)} passed the parser`);
  }
});

/**
 * Values for each hand-written leaf, at a path of the baseline that has that leaf, and for the
 * rules of whole lists and maps that the JSON Schema states beside the parser. Each is set
 * into the document and given to both the parser and the JSON Schema, which must agree. The
 * parser's refusals that need more than the value itself (a cross-field rule) are avoided by
 * choosing values that the rest of the baseline accepts.
 */
const PROBES: ReadonlyArray<{ path: string; values: unknown[] }> = [
  { path: 'clearance.validity', values: ['48h', '2d', '300m', '1.5d', 36, '0h', 0, '0d0h', '10.5h', 36.5, '36 h', '36', 'h', '48hours', '-2h', '2w', '', null, true] },
  { path: 'clearance.resubmit_delay', values: ['24h', 0, '0h', '1d', '-1h', 'tomorrow'] },
  { path: 'start', values: ['2024-05-19', '2024-05-19T06:00Z', '2024-05-19T06:00:00+01:00', '2024-05-19 06:00', '19/05/2024', '2024-5-19', '2024-05-19T06', 20240519, 'May 19'] },
  { path: 'bases.AB201.hours', values: ['05:30-17:30', 'always', '00:00-24:00', '5:30-17:30', '05:30 - 17:30', '17:30-05:30', '05:30', 'never', 24] },
  { path: 'bases.AB101.hub_distance', values: ['1590 nm', '1590nm', 1590, '1,590 nm', '1590 km', 'far', -5, '0 nm'] },
  { path: 'fleet.C-17.max_payload', values: ['85 ST', '85ST', 85, '85 t', '85 tons', '-85 ST', 'ST'] },
  { path: 'bases.AB101.readiness.prep_rate', values: ['20 ST/d', '20 ST/day', 20, { triangular: ['10 ST/d', '20 ST/d', '30 ST/d'] }, '20 ST', '20/d', { uniform: ['10 ST/d', '30 ST/d'] }, { triangular: ['10 ST/d', '20 ST/d'] }] },
  // Rules the parser states in its own words after the schema (alsoInJsonSchema in schema.ts).
  { path: 'load_order', values: [['personnel', 'sensitive', 'equipment'], ['sensitive', 'sensitive', 'personnel'], ['sensitive', 'personnel'], [], ['sensitive', 'equipment', 'personnel', 'cargo']] },
  { path: 'closure_order', values: [['AB101', 'AB201'], ['AB201'], [], ['AB101', 'AB101']] },
  { path: 'clearance.daily_cap', values: [null, 1, 2, 0, -1, 1.5] },
  { path: 'clearance.request', values: ['when-ready', 'during-turnaround', 'during', ''] },
  { path: 'fleet', values: [{}] },
  { path: 'bases', values: [{}] },
  {
    path: 'clearance.approval_delay',
    values: [
      { lognormal: { median: '24h', p90: '72h' } },
      { lognormal: { mu: 3, sigma: 0.5 } },
      { exponential: '12h' },
      { exponential: { mean: '12h' } },
      { triangular: ['1h', '2h', '3h'] },
      { uniform: ['1h', '3h'] },
      { fixed: '24h' },
      '24h',
      { gamma: { shape: 2, scale: '12h' } },
      { weibull: { shape: 1.5, scale: '24h' } },
      { normal: { mean: '24h', sd: '6h' } },
      { empirical: ['12h', '24h', '48h'] },
      { lognormal: { median: '24h' } },
      { poisson: 3 },
      { exponential: '12h', uniform: ['1h', '2h'] },
      ['12h', '24h'],
      { lognormal: { median: '24h', p90: '12h' } },
      { lognormal: { median: '-24h', p90: '72h' } },
      { uniform: ['3h', '1h'] },
      { triangular: ['1h', '5h', '3h'] },
      { normal: { mean: '24h', sd: '-6h' } },
      { normal: { mean: '24h', sd: '6h', min: '0h' } },
      { gamma: { shape: -2, scale: '12h' } },
      { weibull: { shape: 0, scale: '24h' } },
      { empirical: [] },
      { bernoulli: 0.5 },
      { fixed: -3 },
      { exponential: 0 },
    ],
  },
];

/**
 * Where the JSON Schema knowingly accepts more than the parser: rules a JSON Schema cannot state
 * (an order between two parts of one string, or between two parameters). Each is a probe value that must still disagree, so
 * that this list stays exact.
 */
const BEYOND_JSON_SCHEMA = [
  'bases.AB201.hours="17:30-05:30"',
  'clearance.approval_delay={"lognormal":{"median":"24h","p90":"12h"}}',
  'clearance.approval_delay={"uniform":["3h","1h"]}',
  'clearance.approval_delay={"triangular":["1h","5h","3h"]}',
];

test('the JSON Schema accepts exactly what the parser accepts, probe by probe', () => {
  let accepted = 0;
  let refused = 0;
  const disagreements: string[] = [];
  for (const { path, values } of PROBES) {
    for (const value of values) {
      const doc = setPath(baselineDoc, path, value);
      const parser = parseScenario(JSON.stringify(doc), 'probe.json');
      const schema = validate(doc);
      const probe = `${path}=${JSON.stringify(value)}`;
      if (BEYOND_JSON_SCHEMA.includes(probe)) {
        assert.ok(schema && !parser.ok, `${probe} is listed as beyond the JSON Schema but the two agree`);
      } else if (parser.ok !== schema) {
        const why = parser.ok ? schemaErrors(doc) : parser.issues.map((i) => i.message).join('; ');
        disagreements.push(`${probe}: parser ${parser.ok ? 'accepts' : 'refuses'}, JSON Schema ${schema ? 'accepts' : 'refuses'} (${why})`);
      }
      if (parser.ok) accepted++;
      else refused++;
    }
  }
  // Both sides of the rules were probed, so agreement is not one side only.
  assert.ok(accepted >= 20 && refused >= 20, `probes accepted ${accepted}, refused ${refused}`);
  assert.equal(disagreements, []);
});

test('the schema describes what a user would otherwise guess: the cap, the freeze, utc_offset, foreign traffic, availability', () => {
  type Node = { description?: string; properties?: Record<string, Node>; additionalProperties?: Node };
  const root = scenarioJsonSchema() as Node;
  const at = (...keys: string[]): string => {
    let n: Node | undefined = root;
    for (const k of keys) n = k === '*' ? n?.additionalProperties : n?.properties?.[k];
    return n?.description ?? '(no description)';
  };
  assert.match(at('clearance', 'daily_cap'), /per UTC day.*all bases together/);
  assert.match(at('clearance', 'freezes'), /given at its end, all at once/);
  assert.match(at('clearance', 'not_before'), /given at it, all at once/);
  assert.match(at('bases', '*', 'utc_offset'), /hours from UTC, e\.g\. 1 for UTC\+1/);
  assert.match(at('russian'), /Foreign \(non-US\) traffic.*the name is historical/);
  assert.match(at('russian', '*', 'schedule'), /list of ISO dates/);
  assert.match(at('fleet', '*', 'availability'), /mission_capable .*down_time.*breakdowns_per_sortie .*repair_time/);
});

test.run();
