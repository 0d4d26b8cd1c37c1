import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RUN_CHARTS, compileSpecs, runReportSpecs } from '../../reports/index.ts';
import { specFiles } from '../../reports/specs-files.ts';
import { PHASES, PHASE_STYLE } from '../../reports/theme.ts';
import { rampScale } from '../../reports/charts/ramp.ts';
import { sampleSummary } from './fixture.ts';
import { walk, type Json } from '../support/json-walk.ts';


/** The `data.values` of the layer whose mark type is `mark`, found anywhere in the spec. */
function layerValues(spec: unknown, mark: string): Json[][] {
  const out: Json[][] = [];
  for (const [, o] of walk(spec)) {
    const m = o.mark as Json | string | undefined;
    const type = typeof m === 'string' ? m : m?.type;
    const values = (o.data as Json | undefined)?.values;
    if (type === mark && Array.isArray(values)) out.push(values as Json[]);
  }
  return out;
}

test('the run report has the seven named charts, and each compiles without a vega-lite warning', () => {
  const specs = runReportSpecs(sampleSummary());
  assert.equal(Object.keys(specs), [...RUN_CHARTS]);
  const { vega, warnings } = compileSpecs(specs);
  assert.equal(warnings, []);
  assert.equal(Object.keys(vega), [...RUN_CHARTS]);
});

test('building the specs leaves the summary unchanged', () => {
  const summary = sampleSummary();
  runReportSpecs(summary);
  assert.equal(summary, sampleSummary());
});

test('every chart has a title, and every time axis is in UTC and says so', () => {
  for (const [name, spec] of Object.entries(runReportSpecs(sampleSummary()))) {
    assert.ok((spec as unknown as Json).title, `${name} has no title`);
    for (const [path, o] of walk(spec)) {
      if (o.type !== 'temporal') continue;
      assert.is((o.scale as Json | undefined)?.type, 'utc', `${name} ${path}: a temporal scale must be utc`);
      const title = (o.axis as Json | undefined)?.title;
      if (typeof title === 'string') assert.match(title, /UTC/, `${name} ${path}: time axis title names no time zone`);
    }
  }
});

test('every quantitative axis has a title', () => {
  for (const [name, spec] of Object.entries(runReportSpecs(sampleSummary()))) {
    for (const [path, o] of walk(spec)) {
      for (const ch of ['x', 'y'] as const) {
        const enc = o[ch] as Json | undefined;
        if (path.endsWith('.encoding') && enc?.type === 'quantitative' && enc.axis !== null && enc.scale !== null && enc.axis !== undefined) {
          // A title of two lines (an array) is one too: a low panel has no room for one long line.
          const title = [(enc.axis as Json).title].flat();
          assert.ok(title.length > 0 && title.every((t) => typeof t === 'string' && t !== ''), `${name} ${path}.${ch} has no axis title`);
        }
      }
    }
  }
});

test('the ECDF climbs to the share of runs that finished, not to 100%', () => {
  const summary = sampleSummary();
  const curve = (runReportSpecs(summary).ecdf as unknown as { datasets: { curve: Array<{ share: number[] }> } }).datasets.curve[0]!;
  const shares = curve.share;
  assert.is(shares[shares.length - 1], (summary.runs - summary.unfinished.runs) / summary.runs);
  assert.ok(shares.every((s, i) => i === 0 || s >= shares[i - 1]!), 'ECDF must not fall');
});

test('the ECDF marks P10, P50 and P90 at the summary dates, and the deadline', () => {
  const summary = sampleSummary();
  const spec = runReportSpecs(summary).ecdf;
  const points = layerValues(spec, 'point')[0]!;
  assert.equal(points.map((p) => (p.label as string).slice(0, 3)), ['P10', 'P50', 'P90']);
  assert.equal(points.map((p) => Date.parse(p.date as string)), [summary.completion.p10, summary.completion.p50, summary.completion.p90].map((d) => Math.round(Date.parse(d!) / 60_000) * 60_000));
  const rule = layerValues(spec, 'rule')[0]!;
  assert.is(Date.parse(rule[0]!.date as string), Date.parse(summary.deadline));
});

test('histogram bins add up to the finished share and none straddles the deadline', () => {
  const summary = sampleSummary();
  const bins = layerValues(runReportSpecs(summary).histogram, 'bar')[0]!;
  const total = bins.reduce((s, b) => s + (b.share as number), 0);
  const finished = (summary.runs - summary.unfinished.runs) / summary.runs;
  assert.ok(Math.abs(total - finished) < bins.length * 0.00005 + 1e-9, `bins sum to ${total}, expected ${finished}`);
  const deadline = Date.parse(summary.deadline);
  for (const b of bins) {
    const from = Date.parse(b.from as string);
    const to = Date.parse(b.to as string);
    assert.ok(to <= deadline || from >= deadline, `bin ${b.from}..${b.to} straddles the deadline`);
    assert.is(b.when, to <= deadline ? 'By the deadline' : 'After the deadline');
  }
});

test('a summary where no run finished gives completion charts that say so instead of failing', () => {
  const summary = sampleSummary();
  summary.completion_days_sample = [];
  summary.unfinished = { runs: summary.runs, cause: 'AB201: 40 ST never became ready' };
  summary.completion = { p10: null, p50: null, p90: null, mean_days: null };
  const specs = runReportSpecs(summary);
  const text = JSON.stringify(specs.ecdf);
  assert.match(text, /No run finished inside the horizon \(AB201: 40 ST never became ready\)/);
  assert.equal(compileSpecs(specs).warnings, []);
});

test('the Gantt has a lane for every aircraft and covers each sortie from request to return, in order', () => {
  const summary = sampleSummary();
  const spec = runReportSpecs(summary).gantt as unknown as { datasets: { sorties: Json[] } };
  const rows = spec.datasets.sorties;
  assert.is(rows.length, summary.sample.sorties.length);
  assert.equal(new Set(rows.map((r) => r.aircraft)), new Set(summary.sample.sorties.map((s) => s.aircraft)));
  const order = ['requested', 'approved', 'arrived', 'spot', 'landed', 'loading', 'departed', 'returned'];
  rows.forEach((r, i) => {
    const t = order.map((k) => Date.parse(r[k] as string));
    assert.ok(t.every((v, j) => j === 0 || v >= t[j - 1]!), `sortie ${i}: phases out of order`);
    const s = summary.sample.sorties[i]!;
    // Closed hours before landing: the airfield wait not spent on the ground.
    const closedBefore = s.closedWaitH - (s.departedH - s.landedH - s.teamWaitH - s.groundH);
    const outbound = s.landedH - closedBefore - s.rampWaitH - s.approvedH;
    const hours = s.departedH - s.requestedH + Math.max(0, s.flyingH - outbound);
    // Instants are rounded to the minute.
    assert.ok(Math.abs((t[7]! - t[0]!) / 3_600_000 - hours) <= 1 / 60 + 1e-9, `sortie ${i} spans the wrong time`);
    assert.ok(Math.abs((t[2]! - t[0]!) / 3_600_000 - (Math.max(s.approvedH, s.landedH - closedBefore - s.rampWaitH) - s.requestedH)) <= 1 / 60 + 1e-9, `sortie ${i} arrives at the wrong time`);
    assert.ok(Math.abs((t[5]! - t[4]!) / 3_600_000 - s.teamWaitH) <= 1 / 60 + 1e-9, `sortie ${i}: team wait drawn wrong`);
  });
});

test('a malformed summary fails naming the field', () => {
  const summary = sampleSummary();
  summary.deadline = 'mid-September';
  assert.throws(() => runReportSpecs(summary), /summary\.deadline must be an ISO-8601 date, got "mid-September"/);
  const s2 = sampleSummary();
  s2.unfinished.runs = s2.runs + 1;
  assert.throws(() => runReportSpecs(s2), /summary\.unfinished\.runs must be between 0 and summary\.runs/);
});

test('specFiles gives one pretty <chart>.vl.json per chart with the same spec', () => {
  const summary = sampleSummary();
  const files = specFiles(summary);
  const specs = runReportSpecs(summary);
  assert.equal(files.map((f) => f.name), RUN_CHARTS.map((c) => `${c}.vl.json`));
  for (const f of files) {
    assert.ok(f.json.endsWith('}\n'));
    const chart = f.name.replace(/\.vl\.json$/, '') as keyof typeof specs;
    assert.equal(JSON.parse(f.json), JSON.parse(JSON.stringify(specs[chart])));
    assert.match(f.json, /"\$schema": "https:\/\/vega\.github\.io\/schema\/vega-lite\/v6\.json"/);
  }
});

test('the time budget draws every share of aircraft time, and its bars add up to 100%', () => {
  const summary = sampleSummary();
  const bars = layerValues(runReportSpecs(summary)['time-budget'], 'bar');
  const values = (runReportSpecs(summary)['time-budget'] as unknown as { data: { values: Json[] } }).data.values;
  assert.is(bars.length, 0, 'time budget data sits at the top level');
  assert.equal(new Set(values.map((v) => v.phase)), new Set(Object.values(PHASE_STYLE).map((p) => p.label)));
  assert.equal(PHASES.map((p) => p.key).sort(), Object.keys(summary.time).sort());
  for (const who of new Set(values.map((v) => v.who))) {
    const total = values.filter((v) => v.who === who).reduce((s, v) => s + (v.share as number), 0);
    assert.ok(Math.abs(total - 1) < 0.001, `${who} shares add up to ${total}`);
  }
});

interface RampPanel {
  title: { text: string; subtitle: string };
  layer: Array<{ mark: { type: string }; encoding: { y?: { scale?: { domain?: number[] } } }; data?: { values?: Json[] } }>;
}

/** The ramp chart's panels, one per base. */
const rampPanels = (summary: ReturnType<typeof sampleSummary>): RampPanel[] => (runReportSpecs(summary).ramp as unknown as { vconcat: RampPanel[] }).vconcat;

test('daily means far below the spots are drawn on a scale fitted to them, and the spots are named instead of drawn', () => {
  // What niger-2024 gives: about 0.02-0.2 aircraft on a ramp of 3-4 spots.
  const summary = sampleSummary();
  summary.ramp = summary.ramp.map((r, i) => ({ ...r, us: 0.02 + (i % 7) * 0.01, ru: 0.01, spots: 4 }));
  for (const panel of rampPanels(summary)) {
    const area = panel.layer.find((l) => l.mark.type === 'area');
    assert.equal(area?.encoding.y?.scale?.domain, [0, 0.09], 'the scale does not end at the busiest day');
    assert.not.ok(panel.layer.some((l) => l.mark.type === 'rule' && l.encoding.y !== undefined), 'the spots are drawn off the data');
    assert.match(panel.title.subtitle, 'Busiest day: 0.09 aircraft on average, 2.3% of the 4 spots. The 4 spots are far above this scale.');
  }
});

test('spots within reach of the data are a labelled dashed rule, and the scale reaches them', () => {
  const summary = sampleSummary(); // AB101: busiest day 4.26 aircraft, 6 spots
  const [panel] = rampPanels(summary);
  const area = panel!.layer.find((l) => l.mark.type === 'area');
  assert.equal(area?.encoding.y?.scale?.domain, [0, 6]);
  const rule = panel!.layer.find((l) => l.mark.type === 'rule' && l.encoding.y !== undefined);
  assert.equal(rule?.data?.values?.map((v) => v.n), [6]);
  const label = panel!.layer.find((l) => l.mark.type === 'text' && l.data?.values?.[0]?.n === 6);
  assert.equal(label?.data?.values?.map((v) => v.label), ['6 ramp spots (full ramp)']);
});

test('the ramp scale shows the spots from half of them up, and never collapses to zero height', () => {
  assert.equal(rampScale(2, 4), { top: 4, showSpots: true });
  assert.equal(rampScale(1.99, 4), { top: 1.99, showSpots: false });
  assert.equal(rampScale(5, 4), { top: 5, showSpots: true }, 'data above the spots (a malformed summary) are not cut off');
  assert.equal(rampScale(0, 4), { top: 1, showSpots: false });
});

test.run();
