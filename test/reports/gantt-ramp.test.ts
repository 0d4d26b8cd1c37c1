/**
 * The sample run's chart: its timeline's legend names the white between bars, and its ramp
 * panels have the same axis title as the batch's ramp chart (both are daily means), a labelled
 * line at the number of spots when the data come near it, and headroom above, so a full ramp
 * (the Russian surge) does not run into the panel's top.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runReportSpecs } from '../../reports/index.ts';
import { sampleSummary } from './fixture.ts';
import type { Json } from '../support/json-walk.ts';

const markOf = (l: Json): Json => (typeof l.mark === 'string' ? { type: l.mark } : (l.mark as Json));

/** The sample summary with AB101's ramp full (6 of its 6 spots) on one day of the sample run. */
function fullRampSummary() {
  const s = sampleSummary();
  const day = s.sample.daily.find((d) => d.base === 'AB101')!;
  day.usOnRamp = 2;
  day.ruOnRamp = 4;
  return s;
}

/** The sample run's ramp panels (every panel of the gantt chart after the timeline). */
function rampPanels(): Json[] {
  const gantt = runReportSpecs(fullRampSummary()).gantt as unknown as Json;
  return (gantt.vconcat as Json[]).slice(1);
}

const areaOf = (panel: Json): Json => ((panel.layer ?? []) as Json[]).find((l) => markOf(l).type === 'area')!;

test('the sample run\'s ramp panels title their y axis "Aircraft (daily mean)", as the ramp chart does', () => {
  const panels = rampPanels();
  assert.is(panels.length, 2);
  for (const p of panels) {
    const title = (((areaOf(p).encoding as Json).y as Json).axis as Json).title;
    assert.equal([title].flat().join(' '), 'Aircraft (daily mean)');
  }
});

test('a sample ramp panel whose ramp fills up draws the spots as a labelled line, with headroom above them', () => {
  const [ab101] = rampPanels();
  const layers = (ab101!.layer ?? []) as Json[];
  const rule = layers.find((l) => markOf(l).type === 'rule');
  assert.ok(rule, 'no spots line');
  assert.equal(((rule!.data as Json).values as Json[])[0], { n: 6, label: '6 ramp spots (full ramp)' });
  assert.ok(layers.some((l) => markOf(l).type === 'text' && markOf(l).stroke === undefined), 'no label on the spots line');
  const domain = ((((areaOf(ab101!).encoding as Json).y as Json).scale as Json).domain) as number[];
  assert.ok(domain[1]! >= 1.2 * 6, `the scale stops at ${domain[1]}, no room above the 6 spots`);
  assert.match(String((ab101!.title as Json).text), '(6 ramp spots)');
});

test('a sample ramp panel far below its spots says so in its title and draws no line', () => {
  const [, ab201] = rampPanels();
  assert.not.ok(((ab201!.layer ?? []) as Json[]).some((l) => markOf(l).type === 'rule'));
  assert.match(String((ab201!.title as Json).text), '(4 ramp spots, far above this scale)');
});

test('the timeline\'s legend has a white swatch for the gaps between bars, and the subtitle says what they are', () => {
  const gantt = runReportSpecs(sampleSummary()).gantt as unknown as Json;
  const bars = ((gantt.vconcat as Json[])[0]!.layer as Json[]).filter((l) => markOf(l).type === 'bar');
  const scale = (((bars[0]!.encoding as Json).color as Json).scale) as Json;
  const domain = scale.domain as string[];
  const range = scale.range as string[];
  const gap = domain.findIndex((d) => /at the hub or down/.test(d));
  assert.ok(gap >= 0, JSON.stringify(domain));
  assert.is(range[gap], '#ffffff');
  assert.match(((gantt.title as Json).subtitle as string[]).join(' '), 'White between bars: the aircraft is at the hub (turnaround, crew rest, waiting for ready cargo) or not mission-capable.');
});

test.run();
