/**
 * Sweep and sensitivity reports in Node: which charts each sweep shape gets, that they compile
 * without a vega-lite warning and draw the table's numbers, the headline and the target's
 * answer, the reproducing command, and escaping of scenario names and parameter values.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileSpecs, vegaRuntimeSource } from '../../reports/index.ts';
import { sensitivityCommand, sensitivityReportHtml, sensitivityReportSpecs, sweepCommand, sweepReportHtml, sweepReportSpecs } from '../../reports/sweep.ts';
import { parseVary, valueText, type SweepTable, type TargetAnswer } from '../../sim/sweep/index.ts';
import { percent } from '../../reports/run-headline.ts';
import { tables, withThirdParameter } from './sweep-tables.ts';
import { walk, type Json } from '../support/json-walk.ts';
import { plainCells } from './table-html.ts';


/** The layers of a spec whose mark type is `mark`. */
function layers(spec: unknown, mark: string): Json[] {
  return [...walk(spec)].map(([, o]) => o).filter((o) => {
    const m = o.mark as Json | string | undefined;
    return (typeof m === 'string' ? m : m?.type) === mark;
  });
}

/** The inline rows a layer draws: its own data, or the spec's top-level data. */
function rowsOf(spec: unknown, layer: Json): Json[] {
  return (((layer.data as Json | undefined) ?? ((spec as Json).data as Json)).values ?? []) as Json[];
}

const header = (html: string): string => /<header class="headline[^"]*">[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
const RUNTIME = vegaRuntimeSource();
const MAX_BYTES = 1.5 * 1024 * 1024;

test('each sweep shape gets its charts, and every chart compiles without a vega-lite warning', async () => {
  const { one, target, two, sens } = await tables();
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['one parameter', sweepReportSpecs(one, target), ['p-by-value', 'dates-by-value']],
    ['two parameters', sweepReportSpecs(two), ['heatmap', 'p-lines']],
    ['three parameters', sweepReportSpecs(withThirdParameter(two)), ['p-lines']],
    ['sensitivity', sensitivityReportSpecs(sens), ['tornado-p', 'tornado-days']],
  ];
  for (const [what, specs, names] of cases) {
    assert.equal(Object.keys(specs), names, what);
    const { warnings } = compileSpecs(specs as never);
    assert.equal(warnings, [], what);
    for (const [name, spec] of Object.entries(specs)) {
      assert.ok((spec as Json).title, `${what}: ${name} has no title`);
      for (const [path, o] of walk(spec)) {
        if (o.type === 'temporal') assert.is((o.scale as Json | undefined)?.type, 'utc', `${what}: ${name} ${path} must be on a UTC scale`);
        // No parameter path becomes a field name: vega-lite would read its dots as nested fields.
        if (typeof o.field === 'string') assert.not.ok(o.field.includes('.'), `${what}: ${name} ${path} uses the field ${o.field}`);
      }
    }
  }
});

test('the one-parameter chart draws each point\'s chance and interval as a band, with the target and both answers', async () => {
  const { one, target } = await tables();
  assert.ok(target.confident && target.estimate && target.confident.value !== target.estimate.value, 'fixture: the estimate and the whole interval should answer differently');
  const spec = sweepReportSpecs(one, target)['p-by-value']!;
  const band = layers(spec, 'area')[0];
  assert.ok(band, 'a numeric parameter gets a band');
  assert.equal(
    rowsOf(spec, band!).map((r) => [r.x, r.p, r.lo, r.hi]),
    one.rows.map((r) => [r.values['fleet.C-17.count'], r.p_by_deadline, ...r.p_by_deadline_ci95]),
  );
  const rules = layers(spec, 'rule').flatMap((l) => rowsOf(spec, l));
  assert.ok(rules.some((r) => r.target === 0.8), 'no rule at the target');
  // A ring on each answer, at its value and chance.
  const rings = layers(spec, 'point').filter((l) => (l.mark as Json).filled === false).map((l) => rowsOf(spec, l)[0]!);
  assert.equal(rings.map((r) => [r.x, r.p]), [
    [target.confident!.value, target.confident!.row.p_by_deadline],
    [target.estimate!.value, target.estimate!.row.p_by_deadline],
  ]);
  const notes = layers(spec, 'text').flatMap((l) => rowsOf(spec, l)).map((r) => r.note);
  assert.ok(notes.includes('3: whole 95% interval ≥ 80.0%'), JSON.stringify(notes));
  assert.ok(notes.includes('2: estimate ≥ 80.0%, interval not yet'), JSON.stringify(notes));
});

test('an answer reached with the whole interval is marked once; no target draws no target marks', async () => {
  const { one, target } = await tables();
  const same: TargetAnswer = { ...target, estimate: target.confident };
  const spec = sweepReportSpecs(one, same)['p-by-value']!;
  assert.is(layers(spec, 'point').filter((l) => (l.mark as Json).filled === false).length, 1);
  const plain = sweepReportSpecs(one)['p-by-value']!;
  assert.is(layers(plain, 'point').filter((l) => (l.mark as Json).filled === false).length, 0);
  assert.not.ok(layers(plain, 'rule').flatMap((l) => rowsOf(plain, l)).some((r) => 'target' in r));
});

test('non-numeric values get error bars on an ordinal axis in the listed order, shown without braces', async () => {
  const { two } = await tables();
  const path = 'clearance.approval_delay';
  const single: SweepTable = { ...two, parameters: [path], rows: two.rows.filter((r) => r.values['fleet.C-17.count'] === 2) };
  const spec = sweepReportSpecs(single)['p-by-value']!;
  assert.is(layers(spec, 'area').length, 0);
  const bars = layers(spec, 'rule').find((l) => (l.encoding as Json).y2);
  assert.ok(bars, 'no error bar');
  const x = (bars!.encoding as Json).x as Json;
  assert.is(x.type, 'ordinal');
  assert.equal(x.sort, ['lognormal: median: 12h, p90: 36h', 'lognormal: median: 24h, p90: 72h', 'lognormal: median: 48h, p90: 144h']);
  // Tooltips keep the value as written.
  assert.equal(rowsOf(spec, bars!).map((r) => r.label), single.rows.map((r) => valueText(r.values[path]!)));
});

test('the dates chart draws P10-P50-P90 against the parameter, the deadline, and a marker where a quantile is past the horizon', async () => {
  const { one } = await tables();
  assert.is(one.rows[0]!.completion.p90, null, 'fixture: one aircraft should not reach P90 inside the horizon');
  const spec = sweepReportSpecs(one)['dates-by-value']!;
  const medians = layers(spec, 'point').find((l) => (l.mark as Json).filled === true && !(l.mark as Json).shape)!;
  assert.equal(rowsOf(spec, medians).map((r) => r.p50 === null ? null : Date.parse(r.p50 as string)), one.rows.map((r) => r.completion.p50 === null ? null : Math.round(Date.parse(r.completion.p50) / 60_000) * 60_000));
  const deadline = layers(spec, 'rule').flatMap((l) => rowsOf(spec, l)).find((r) => 'deadline' in r);
  assert.is(Date.parse(deadline!.deadline as string), Date.parse(one.deadline));
  const past = layers(spec, 'point').filter((l) => (l.mark as Json).shape === 'triangle-up').flatMap((l) => rowsOf(spec, l));
  assert.equal(past.map((r) => r.x), [1]);
  const band = rowsOf(spec, layers(spec, 'area')[0]!);
  assert.is(band[0]!.to, past[0]!.edge, 'the range of a point past the horizon runs to the top edge');
});

test('the heatmap has one labelled cell per point, with the interval and the median date in its tooltip', async () => {
  const { two } = await tables();
  const spec = sweepReportSpecs(two).heatmap!;
  const rect = layers(spec, 'rect')[0]!;
  const cells = rowsOf(spec, rect);
  assert.is(cells.length, two.rows.length);
  assert.equal(cells.map((c) => c.pText), two.rows.map((r) => percent(r.p_by_deadline)));
  const tooltip = ((rect.encoding as Json).tooltip as Json[]).map((t) => t.field);
  for (const f of ['ci', 'median', 'label', 'series']) assert.ok(tooltip.includes(f), `tooltip lacks ${f}`);
  assert.is(layers(spec, 'text').length, 1, 'cells are labelled');
  const lines = sweepReportSpecs(two)['p-lines']!;
  assert.equal(((layers(lines, 'line')[0]!.encoding as Json).color as Json).sort, ['lognormal: median: 12h, p90: 36h', 'lognormal: median: 24h, p90: 72h', 'lognormal: median: 48h, p90: 144h']);
});

test('series that coincide stay visible: each has its own point shape, size and dash, and one legend shows colour and shape together', async () => {
  const { two } = await tables();
  const spec = sweepReportSpecs(two)['p-lines']!;
  const points = layers(spec, 'point')[0]!;
  const enc = points.encoding as Json;
  assert.is((enc.shape as Json).field, 'seriesKey');
  assert.is((enc.size as Json).field, 'seriesKey');
  assert.is((points.mark as Json).filled, false, 'open shapes, so a smaller one inside a larger one shows');
  assert.is((((layers(spec, 'line')[0]!.encoding as Json).strokeDash) as Json).field, 'seriesKey');
  const legends = (compileSpecs({ lines: spec }).vega.lines as unknown as Json).legends as Json[];
  assert.is(legends.length, 1, `${legends.length} legends`);
  assert.ok(legends[0]!.shape !== undefined && (legends[0]!.stroke ?? legends[0]!.fill) !== undefined, JSON.stringify(legends[0]));
});

test('every swept parameter\'s column of the points table is set alike, in code type, and the results are not', async () => {
  const { two } = await tables();
  const html = sweepReportHtml(two, undefined, { vegaRuntime: '' });
  const rows = [...html.matchAll(/<tr>(<td[\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td( class="code")?>/g)].map((c) => c[1] !== undefined));
  assert.is(rows.length, two.rows.length);
  for (const r of rows) assert.equal(r.slice(0, 3), [true, true, false]);
});

test('more than two parameters: one panel per combination of the others, and a note instead of a wall of panels', async () => {
  const { two } = await tables();
  const spec = sweepReportSpecs(withThirdParameter(two))['p-lines'] as unknown as Json;
  assert.equal((spec.facet as Json).sort, ['bases.AB101.ramp_spots=2', 'bases.AB101.ramp_spots=4']);
  const many: SweepTable = { ...two, parameters: [...two.parameters, 'x'], rows: Array.from({ length: 13 }, (_, k) => two.rows.map((r) => ({ ...r, values: { ...r.values, x: k } }))).flat() };
  const note = sweepReportSpecs(many)['p-lines'] as unknown as Json;
  assert.match(JSON.stringify(note.data), /13 combinations/);
});

test('the P tornado ranks the inputs largest first, each bar from the baseline to the chance at the low or high value', async () => {
  const { sens } = await tables();
  const spec = sensitivityReportSpecs(sens)['tornado-p'];
  const bar = layers(spec, 'bar')[0]!;
  // Rows top to bottom: each input's name (marked when its change is within noise), then its
  // low and high value (the axis shows what is before the separator).
  const rows = (((bar.encoding as Json).y as Json).sort as string[]).map((k) => k.split('\u001f')[0]);
  const noisy = (r: (typeof sens.rows)[number]) => r.delta_p_ci95[0] <= 0 && r.delta_p_ci95[1] >= 0;
  assert.equal(rows, sens.rows.flatMap((r) => [noisy(r) ? `${r.path} (within noise)` : r.path, valueText(r.low), valueText(r.high)]));
  const bars = rowsOf(spec, bar);
  assert.equal(
    bars.map((b) => [b.input, b.side, b.from, b.to]),
    sens.rows.flatMap((r) => [
      [r.path, 'low', sens.baseline.p_by_deadline, r.low_row.p_by_deadline],
      [r.path, 'high', sens.baseline.p_by_deadline, r.high_row.p_by_deadline],
    ]),
  );
  assert.equal(bars.slice(0, 2).map((b) => b.label), [percent(sens.rows[0]!.low_row.p_by_deadline), percent(sens.rows[0]!.high_row.p_by_deadline)]);
  // The axis never shows a chance below 0% or above 100%, even where the labels need room.
  const ticks = ((((bar.encoding as Json).x as Json).axis as Json).values as number[]);
  assert.ok(ticks.length >= 3 && ticks.every((t) => t >= 0 && t <= 1), JSON.stringify(ticks));
});

test('inputs whose change in the chance has a 95% interval including 0 are marked within noise, in the chart, the table and the headline', async () => {
  const { sens } = await tables();
  // In this run the fleet moves the chance beyond doubt and the ramp spots not at all.
  const fleet = sens.rows.find((r) => r.path === 'fleet.C-17.count')!;
  const ramp = sens.rows.find((r) => r.path === 'bases.AB201.ramp_spots')!;
  assert.ok(fleet.delta_p_ci95[0] > 0 && ramp.delta_p_ci95[0] < 0 && ramp.delta_p_ci95[1] > 0, JSON.stringify([fleet.delta_p_ci95, ramp.delta_p_ci95]));
  const spec = sensitivityReportSpecs(sens)['tornado-p'];
  // The subtitle comes wrapped into lines of the chart's width.
  const sub = (((spec as unknown as Json).title as Json).subtitle as string[]).join(' ');
  assert.match(sub, /\(within noise\): the 95% interval of the change from low to high includes 0, so 40 replications cannot tell/);
  const bars = rowsOf(spec, layers(spec, 'bar')[0]!);
  assert.match(String(bars.find((b) => b.input === ramp.path)!.lowToHigh), /\(95% interval −\d+\.\d to \+\d+\.\d \(within noise\)\)/);
  assert.not.match(String(bars.find((b) => b.input === fleet.path)!.lowToHigh), /within noise/);
  const page = sensitivityReportHtml(sens, { vegaRuntime: RUNTIME });
  assert.ok(page.includes('>95% interval of the change</th>'));
  assert.match(page, /<td>−\d+\.\d to \+\d+\.\d \(within noise\)<\/td>/);
  assert.match(header(page), /paired 95% interval shows what is left\. \d+ of the 3 changes (is|are) within noise/);
  // When no change is beyond noise the headline names none as the one that matters most.
  const flat = structuredClone(sens);
  for (const r of flat.rows) r.delta_p_ci95 = [-0.01, 0.02];
  assert.match(header(sensitivityReportHtml(flat, { vegaRuntime: RUNTIME })), /No input moves the chance to finish by 15 Sep 2024, 00:00 UTC beyond noise/);
});

test('the sweep headline says common random numbers remove most of the noise between points, not all of it', async () => {
  const { one } = await tables();
  const text = header(sweepReportHtml(one, undefined, { vegaRuntime: RUNTIME }));
  assert.match(text, /removes most of the noise from the differences between points, but not all of it\. The 95% intervals show what is left/);
  assert.not.match(text, /not from noise/);
});

test('the date tornado shows each median\'s shift in days from the baseline, and says so when the baseline has no median', async () => {
  const { sens } = await tables();
  const spec = sensitivityReportSpecs(sens)['tornado-days'];
  const bars = rowsOf(spec, layers(spec, 'bar')[0]!);
  const base = Date.parse(sens.baseline.completion.p50!);
  for (const r of sens.rows) {
    const low = bars.find((b) => b.input === r.path && b.side === 'low')!;
    assert.ok(Math.abs((low.to as number) - (Date.parse(r.low_row.completion.p50!) - base) / 86_400_000) < 1e-3, r.path);
    assert.is(low.from, 0);
  }
  const none = structuredClone(sens);
  none.baseline.completion.p50 = null;
  assert.match(JSON.stringify(sensitivityReportSpecs(none)['tornado-days']), /no median date to shift/);
});

test('the sensitivity table and the tornado charts write a negative change with the same minus sign (U+2212), never a hyphen', async () => {
  const { sens } = await tables();
  const t = structuredClone(sens);
  t.rows[0]!.delta_p = -0.25;
  t.rows[0]!.delta_p50_days = -3.5;
  const table = /<table>[\s\S]*?<\/table>/.exec(sensitivityReportHtml(t, { vegaRuntime: RUNTIME }))![0];
  assert.ok(table.includes('<td>−25.0</td>') && table.includes('<td>−3.5</td>'), 'the table writes no U+2212 minus');
  assert.not.match(table, /<td>-\d/);
  // The date tornado's labels of the inputs that finish earlier than the baseline.
  const spec = sensitivityReportSpecs(sens)['tornado-days'];
  const texts = rowsOf(spec, layers(spec, 'bar')[0]!).filter((b) => (b.to as number) < 0).map((b) => String(b.change));
  assert.ok(texts.length > 0 && texts.every((c) => c.startsWith('−')), JSON.stringify(texts));
});

test('the sweep headline answers the target: good with the whole interval, warn by the estimate alone, bad when none', async () => {
  const { one, target } = await tables();
  const good = header(sweepReportHtml(one, target, { vegaRuntime: RUNTIME }));
  assert.match(good, /tone-good/);
  assert.match(good, /The number of C-17s needed to be 80.0% sure of finishing by 15 Sep 2024, 00:00 UTC: 3/);
  assert.match(good, /Reached by the estimate alone/);
  assert.match(good, /40 replications each \(seed report-tests\), on common random numbers/);
  const warn = header(sweepReportHtml(one, { ...target, confident: null }, { vegaRuntime: RUNTIME }));
  assert.match(warn, /tone-warn/);
  assert.match(warn, /the estimate alone reaches it/);
  const bad = header(sweepReportHtml(one, { ...target, confident: null, estimate: null }, { vegaRuntime: RUNTIME }));
  assert.match(bad, /tone-bad/);
  assert.match(bad, /No swept fleet.C-17.count is 80.0% sure/);
  const plain = header(sweepReportHtml(one, undefined, { vegaRuntime: RUNTIME }));
  assert.match(plain, /0.0% to 100.0% chance to finish by 15 Sep 2024/);
});

test('a target about another parameter, or on a grid, throws naming the parameters', async () => {
  const { one, two, target } = await tables();
  assert.throws(() => sweepReportHtml(one, { ...target, parameter: 'fleet.C-130J.count' }), /target answers parameter "fleet.C-130J.count", but the sweep varies "fleet.C-17.count"/);
  assert.throws(() => sweepReportSpecs(two, target), /the sweep varies "fleet.C-17.count", "clearance.approval_delay"/);
});

test('the rebuilt command gives back the same grid, runs, seed and target; a given command is shown as is', async () => {
  const { one, two, target } = await tables();
  assert.is(sweepCommand(one, target, 'scenarios/niger-2024.yaml'), 'retrograde sweep scenarios/niger-2024.yaml --vary fleet.C-17.count=1..4 --runs 40 --seed report-tests --target 0.8 --report sweep.html');
  const cmd = sweepCommand({ ...two, seed: "it's" }, undefined, 'my scenarios/n.yaml');
  assert.match(cmd, /^retrograde sweep 'my scenarios\/n.yaml' --vary fleet.C-17.count=2,3 --vary 'clearance.approval_delay=/);
  assert.match(cmd, /--seed 'it'\\''s'/);
  // Unquote the shell words and read the --vary back as the CLI does.
  const vary = /--vary '([^']+)'/.exec(cmd)![1]!;
  assert.equal(parseVary(vary).values, two.rows.slice(0, 3).map((r) => r.values['clearance.approval_delay']));
  assert.is(sweepCommand({ ...one, rows: one.rows.map((r) => ({ ...r, values: { 'fleet.C-17.count': Number(((r.values['fleet.C-17.count'] as number) * 0.1).toFixed(1)) } })) }).split(' ')[4], 'fleet.C-17.count=0.1..0.4:0.1');
  assert.is(sensitivityCommand({ seed: 's', runs: 5 } as never, 'a.yaml'), 'retrograde sensitivity a.yaml --runs 5 --seed s --report sensitivity.html');
  const html = sweepReportHtml(one, target, { command: 'retrograde sweep x.yaml --vary fleet.C-17.count=1..4 --target 0.8', vegaRuntime: RUNTIME });
  assert.ok(html.includes('<pre><code>retrograde sweep x.yaml --vary fleet.C-17.count=1..4 --target 0.8</code></pre>'));
});

test('the tables list every point and every input, and the pages are one file under 1.5 MB, the same bytes each time', async () => {
  const { one, target, sens } = await tables();
  const html = plainCells(sweepReportHtml(one, target));
  assert.ok(Buffer.byteLength(html) <= MAX_BYTES, `${Buffer.byteLength(html)} bytes`);
  assert.is(plainCells(sweepReportHtml(one, target)), html);
  assert.ok(html.includes(`<tr><td>2</td><td>${percent(one.rows[1]!.p_by_deadline)}</td>`), 'row of two aircraft missing');
  assert.ok(html.includes('<td>yes, whole interval</td>') && html.includes('<td>estimate only</td>'));
  const page = plainCells(sensitivityReportHtml(sens));
  assert.ok(Buffer.byteLength(page) <= MAX_BYTES);
  for (const r of sens.rows) assert.ok(page.includes(`<tr><td>${r.path}</td><td>${valueText(r.low)} → ${valueText(r.high)}</td>`), r.path);
  // The headline names the input in words and gives its path; the table keeps the path.
  assert.match(header(page), /The number of C-17s matters most/);
  assert.match(header(page), /The number of C-17s \(fleet\.C-17\.count\) was moved from 1 to 4\./);
  assert.match(page, /retrograde sensitivity &lt;scenario.yaml&gt; --runs 40 --seed report-tests/);
});

test('markup in the scenario name, parameter paths and values stays text: no extra script, tag or attribute', async () => {
  const { two, sens } = await tables();
  const evil = '</script><script>alert(1)</script>';
  const t = structuredClone(two);
  t.scenario = evil;
  t.parameters = ['"><svg onload=alert(3)>', ...t.parameters.slice(1)];
  for (const r of t.rows) {
    r.values = { '"><svg onload=alert(3)>': r.values['fleet.C-17.count']!, 'clearance.approval_delay': `<img src=x onerror=alert(2)>${valueText(r.values['clearance.approval_delay']!)}` };
  }
  const s = structuredClone(sens);
  s.scenario = evil;
  s.rows[0]!.path = '<b>bold</b>';
  s.rows[0]!.low = '<img src=y onerror=alert(4)>';
  for (const html of [sweepReportHtml(t, undefined, { vegaRuntime: RUNTIME }), sensitivityReportHtml(s, { vegaRuntime: RUNTIME })]) {
    assert.is((html.match(/<script/g) ?? []).length, 3, 'only the specs JSON, the runtime and the bootstrap are scripts');
    assert.not.ok(html.includes('<script>alert(1)'));
    assert.not.ok(/<img src=[xy]/.test(html));
    assert.not.ok(html.includes('<svg onload'));
    assert.not.ok(html.includes('<b>bold'));
    assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
  }
});

test('sweep and sensitivity headlines name the overrides applied at every point, shell-quoted', async () => {
  const { one, sens } = await tables();
  assert.not.match(header(sweepReportHtml(one, undefined, { vegaRuntime: '' })), /overrides:/);
  const sets = ['assignment=staged', 'clearance.approval_delay={ lognormal: { median: 48h, p90: 144h } }'];
  // As the shell would need them, and escaped for HTML (' is &#39;).
  const quoted = 'overrides: assignment=staged &#39;clearance.approval_delay={ lognormal: { median: 48h, p90: 144h } }&#39;';
  assert.ok(header(sweepReportHtml({ ...one, overrides: sets }, undefined, { vegaRuntime: '' })).includes(quoted));
  const h = header(sensitivityReportHtml({ ...sens, overrides: ['assignment=staged'] }, { vegaRuntime: '' }));
  assert.match(h, /Sensitivity of scenario: [^<]* · overrides: assignment=staged/);
});

test.run();
