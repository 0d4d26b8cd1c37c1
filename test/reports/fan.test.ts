/**
 * The fan chart's closure lines and labels: no rule runs through a label. Each base's dotted rule
 * starts at its own label's row (earliest closure on top), so later rules pass below earlier
 * labels and none crosses the deadline's label at the top; the labels have a white halo drawn
 * over the deadline's rule, which a closure just before the deadline reaches.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runReportSpecs } from '../../reports/index.ts';
import { sampleSummary } from './fixture.ts';
import type { Json } from '../support/json-walk.ts';

/** The layers of the fan's cargo panel, in drawing order. */
function cargoLayers(): Json[] {
  const s = sampleSummary();
  // The second base closes first: the rows must follow the dates, not the scenario's order.
  const [a, b] = Object.keys(s.bases);
  s.bases[a!]!.closed.p50 = '2024-09-10T00:00:00Z';
  s.bases[b!]!.closed.p50 = '2024-09-07T00:00:00Z';
  const fan = runReportSpecs(s).fan as unknown as Json;
  return ((fan.vconcat as Json[])[0]!.layer ?? []) as Json[];
}

const markOf = (l: Json): Json => (typeof l.mark === 'string' ? { type: l.mark } : (l.mark as Json));
const rowsOf = (l: Json): Json[] => (((l.data as Json | undefined)?.values ?? []) as Json[]);

test('each closure rule starts at its label\'s row, earliest closure on top, and reaches the plot\'s bottom', () => {
  const layers = cargoLayers();
  const rule = layers.find((l) => markOf(l).type === 'rule' && rowsOf(l).some((r) => 'base' in r))!;
  const encoding = rule.encoding as Json;
  assert.is((encoding.y as Json | undefined)?.field, 'py', 'the rule starts at the label row');
  assert.is((encoding.y2 as Json | undefined)?.field, 'bottom');
  const rows = rowsOf(rule);
  assert.equal(rows.map((r) => r.label), ['AB201 closes 7 Sep', 'AB101 closes 10 Sep']);
  const label = layers.find((l) => markOf(l).type === 'text' && markOf(l).stroke === undefined && rowsOf(l).some((r) => 'base' in r))!;
  assert.equal(rowsOf(label).map((r) => r.py), rows.map((r) => r.py), 'labels sit at the top of their rules');
  assert.ok(rows.every((r) => (r.py as number) >= 20), 'below the deadline label');
});

test('closure labels have a white halo, drawn after the deadline rule and before the label itself', () => {
  const layers = cargoLayers();
  const deadline = layers.findIndex((l) => markOf(l).type === 'rule' && rowsOf(l).some((r) => String(r.label).startsWith('Deadline')));
  const halo = layers.findIndex((l) => markOf(l).type === 'text' && markOf(l).stroke === '#ffffff');
  const label = layers.findIndex((l, i) => i > halo && markOf(l).type === 'text' && rowsOf(l).some((r) => 'base' in r));
  assert.ok(deadline >= 0 && halo > deadline && label > halo, `deadline rule ${deadline}, halo ${halo}, label ${label}`);
});

test.run();
