/**
 * The completion ECDF's quantile labels ("P50 14 Sep") stay readable when a quantile falls next
 * to the deadline: each has a white halo drawn after the deadline's rule, so the rule passes
 * behind the words.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runReportSpecs } from '../../reports/index.ts';
import { sampleSummary } from './fixture.ts';
import type { Json } from '../support/json-walk.ts';

const markOf = (l: Json): Json => (typeof l.mark === 'string' ? { type: l.mark } : (l.mark as Json));
const rowsOf = (l: Json): Json[] => (((l.data as Json | undefined)?.values ?? []) as Json[]);

test('the ECDF quantile labels have a white halo over the deadline rule, under the label itself', () => {
  const layers = ((runReportSpecs(sampleSummary()).ecdf as unknown as Json).layer ?? []) as Json[];
  const quantile = (l: Json): boolean => markOf(l).type === 'text' && rowsOf(l).some((r) => /^P\d0 /.test(String(r.label)));
  const deadline = layers.findIndex((l) => markOf(l).type === 'rule' && rowsOf(l).some((r) => String(r.label).startsWith('Deadline')));
  const halo = layers.findIndex((l) => quantile(l) && markOf(l).stroke === '#ffffff');
  const label = layers.findIndex((l, i) => i > halo && quantile(l) && markOf(l).stroke === undefined);
  assert.ok(deadline >= 0 && halo > deadline && label > halo, `deadline rule ${deadline}, halo ${halo}, label ${label}`);
  assert.equal(rowsOf(layers[halo]!).map((r) => r.label), rowsOf(layers[label]!).map((r) => r.label), 'one halo per label');
});

test.run();
