/**
 * Spans without landing approvals (clearance freezes, the time before `not_before`) are shaded
 * on the time charts. The summary carries them only as inputs-table rows, so these tests tie the
 * report's reading of those rows to what the scenario's describer writes, and check that a
 * summary without them (saved before, or no freeze) draws no band.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseScenario, describeInputs } from '../../sim/scenario/index.ts';
import { runReportSpecs } from '../../reports/index.ts';
import { runFacts } from '../../reports/facts.ts';
import { clearanceBlockLayers, clearanceBlocks } from '../../reports/charts/clearance-blocks.ts';
import { sampleSummary } from './fixture.ts';
import type { Json } from '../support/json-walk.ts';

const FREEZE = 'scenarios/niger-2024-clearance-freeze.yaml';

/** The sample summary with the inputs rows of the freeze scenario, `sets` applied. */
function withFreezeInputs(sets: string[] = []): ReturnType<typeof sampleSummary> {
  const r = parseScenario(readFileSync(FREEZE, 'utf8'), FREEZE, sets);
  if (!r.ok) throw new Error(`${FREEZE} does not load: ${JSON.stringify(r.issues)}`);
  const s = sampleSummary();
  s.inputs = describeInputs(r.scenario);
  return s;
}

const markOf = (l: Json): Json => (typeof l.mark === 'string' ? { type: l.mark } : (l.mark as Json));
const rowsOf = (l: Json): Json[] => (((l.data as Json | undefined)?.values ?? []) as Json[]);
const iso = (ms: number): string => new Date(ms).toISOString();

test('the freeze and the not_before that the inputs table names are read back as blocks, in time order', () => {
  const s = withFreezeInputs(['clearance.not_before=2024-05-26T06:00:00Z']);
  const blocks = clearanceBlocks(s, runFacts(s));
  assert.equal(
    blocks.map((b) => [b.label, iso(b.fromMs), iso(b.toMs), b.when]),
    [
      ['No clearance yet', '2024-05-19T00:00:00.000Z', '2024-05-26T06:00:00.000Z', 'until 26 May'],
      ['Clearance freeze', '2024-06-24T00:00:00.000Z', '2024-07-15T00:00:00.000Z', '24 Jun – 15 Jul 2024'],
    ],
  );
});

test('a summary whose inputs name no freeze (or were saved before bands existed) draws no band', () => {
  const s = sampleSummary();
  assert.equal(clearanceBlocks(s, runFacts(s)), []);
  const specs = runReportSpecs(s) as unknown as Record<string, Json>;
  const cargo = ((specs.fan!.vconcat as Json[])[0]!.layer ?? []) as Json[];
  assert.not.ok(cargo.some((l) => markOf(l).type === 'rect'), 'a band was drawn');
});

test('the fan, the ramp chart and the sample run shade the freeze under their data, and their subtitles say what the band is', () => {
  const specs = runReportSpecs(withFreezeInputs()) as unknown as Record<string, Json>;
  const firstLayers = (chart: string): Json[] => ((specs[chart]!.vconcat as Json[]).map((p) => ((p.layer ?? []) as Json[])[0]!));
  for (const chart of ['fan', 'ramp', 'gantt']) {
    const band = firstLayers(chart)[0]!;
    assert.is(markOf(band).type, 'rect', `${chart}: the first layer is the band, under the data`);
    assert.equal(rowsOf(band).map((r) => [r.date, r.blockEnd]), [['2024-06-24T00:00Z', '2024-07-15T00:00Z']], chart);
    const subtitle = ((specs[chart]!.title as Json).subtitle as string[]).join(' ');
    assert.match(subtitle, 'Grey bands: no landing approved (a clearance freeze 24 Jun – 15 Jul 2024).', chart);
  }
  for (const chart of ['fan', 'ramp']) {
    const layers = (specs[chart]!.vconcat as Json[])[0]!.layer as Json[];
    const labels = layers.map((l, i) => [l, i] as const).filter(([l]) => markOf(l).type === 'text' && rowsOf(l).some((r) => 'blockLabel' in r));
    assert.is(labels.length, 2, `${chart}: the label and its halo`);
    assert.ok(labels.every(([, i]) => i >= layers.length - 2), `${chart}: the labels are drawn last, over the data`);
  }
});

test('labels of blocks close together go on separate rows; blocks far apart share one', () => {
  const day = 86_400_000;
  const t0 = Date.parse('2024-05-19T00:00:00Z');
  const x = { field: 'date', type: 'temporal', scale: { type: 'utc', domain: [t0, t0 + 100 * day] } };
  const block = (from: number, to: number) => ({ fromMs: t0 + from * day, toMs: t0 + to * day, label: 'Clearance freeze', when: '' });
  const rowsOfLabels = (layers: Json[]): Json[][] => layers.filter((l) => markOf(l).type === 'text' && markOf(l).stroke === undefined).map(rowsOf);
  const near = rowsOfLabels(clearanceBlockLayers([block(0, 5), block(6, 9)], x, 'top').over as Json[]);
  assert.is(near.length, 2, 'two rows for blocks 6 days apart on a 100-day axis');
  const far = rowsOfLabels(clearanceBlockLayers([block(0, 5), block(50, 60)], x, 'top').over as Json[]);
  assert.is(far.length, 1, 'one row for blocks 50 days apart');
  assert.is(far[0]!.length, 2);
});

test.run();
