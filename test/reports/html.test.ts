import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeHtml, runReportHtml, runReportSpecs, vegaRuntimeSource } from '../../reports/index.ts';
import { formatSummary } from '../../sim/cli/format.ts';
import type { Summary } from '../../sim/batch/types.ts';
import { largeSummary, sampleSummary } from './fixture.ts';
import { realSummary } from './real.ts';
import { plainCells } from './table-html.ts';

const MAX_BYTES = 1.5 * 1024 * 1024;

// Built once and only read: each build costs a few hundred milliseconds on a busy machine.
const FIXTURE_HTML = runReportHtml(sampleSummary());

test('the report is one file under 1.5 MB that inlines the vega runtime', () => {
  const html = FIXTURE_HTML;
  assert.ok(Buffer.byteLength(html) <= MAX_BYTES, `report is ${Buffer.byteLength(html)} bytes`);
  assert.ok(html.includes(vegaRuntimeSource()), 'the vega runtime is not inlined verbatim');
  assert.not.match(html, /<script[^>]+src=|<link[^>]+href=|<img|<iframe/i);
});

test('a large batch (5 bases, a year of days, 2,000 runs, 600 sorties in the sample) still gives a report under 1.5 MB', () => {
  const html = runReportHtml(largeSummary());
  assert.ok(Buffer.byteLength(html) <= MAX_BYTES, `report is ${Buffer.byteLength(html)} bytes`);
});

test('the same summary gives the same bytes', () => {
  assert.is(runReportHtml(sampleSummary()), FIXTURE_HTML);
});

test('the headline states the chance, its interval, the deadline, the dates and the diagnosis', () => {
  const summary = sampleSummary();
  const html = FIXTURE_HTML;
  const header = /<header class="headline[^"]*">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
  assert.match(header, /87.0% chance to finish by the deadline, 15 Sep 2024/);
  assert.match(header, /95% confidence interval 81.6% – 91.0%/);
  assert.match(header, /31 Aug 2024/);
  assert.match(header, /18 Aug – 17 Sep 2024/);
  assert.ok(header.includes(summary.diagnosis));
  assert.match(header, /Scenario: Niger 2024 withdrawal \(fixture\)/);
});

/** The headline of a report, as HTML. */
const headerOf = (html: string): string => /<header class="headline[^"]*">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';

test('the headline and the ECDF give the chance, its interval and the sensitive share with the figures `retrograde run` prints', async () => {
  // 500 runs of niger-2024 is the walkthrough's case: the terminal said 98.8% (97.4% to 99.4%), the page 99% (97% – 99.4%).
  for (const summary of [sampleSummary(), await realSummary({ runs: 500 })] as Summary[]) {
    const text = formatSummary(summary);
    const [, p, lo, hi] = /P\(finish by deadline\)\s+(\S+)\s+\(95% CI (\S+) to (\S+)\)/.exec(text) ?? [];
    const [, sensitive] = /Sensitive equipment out .*\((\S+) by deadline\)/.exec(text) ?? [];
    assert.ok(p && lo && hi && sensitive, `the CLI summary changed its wording:\n${text}`);
    const header = headerOf(runReportHtml(summary));
    assert.ok(header.includes(`${p} chance to finish by the deadline`), `headline lacks ${p}: ${header}`);
    assert.ok(header.includes(`95% confidence interval ${lo} – ${hi}`), `headline lacks ${lo} – ${hi}: ${header}`);
    assert.ok(header.includes(`<dd>${sensitive}<`), `headline lacks the sensitive share ${sensitive}`);
    assert.ok(JSON.stringify(runReportSpecs(summary).ecdf).includes(`${p} by the deadline`), 'the ECDF gives another figure');
  }
});

test('the headline gives the diagnosis once, without a label that repeats what the sentence says', async () => {
  const summary = await realSummary({ runs: 40 });
  assert.match(summary.diagnosis, /^Main constraint: /, 'the diagnosis no longer opens with its kind: revisit this test');
  const diagnosis = /<p class="diagnosis">([\s\S]*?)<\/p>/.exec(headerOf(runReportHtml(summary)))?.[1];
  assert.is(diagnosis, escapeHtml(summary.diagnosis));
});

test('the inputs table and the reproducing command are in the page', () => {
  const summary = sampleSummary();
  const html = plainCells(FIXTURE_HTML);
  for (const [k, v] of summary.inputs) assert.ok(html.includes(`<tr><td>${k}</td><td>${v}</td></tr>`), `input ${k} missing`);
  assert.ok(html.includes(`<pre><code>${summary.command}</code></pre>`));
  assert.ok(html.includes(`<pre><code>${summary.seed}</code></pre>`));
});

test('the inputs table gives the runs and seed the summary was made with, not the scenario file\'s batch defaults', async () => {
  // niger-2024.yaml says 1000 runs, seed niger-2024; --runs/--seed (here the batch options) override both.
  const summary = await realSummary({ runs: 40, seed: 'walkthrough' });
  assert.ok(summary.inputs.some(([k, v]) => k === 'Batch' && v.includes('1000 runs')), 'the scenario no longer says 1000 runs: pick other numbers');
  const rows = [...plainCells(runReportHtml(summary)).matchAll(/<tr><td>Batch<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => m[1]);
  assert.equal(rows, ['40 runs, seed &quot;walkthrough&quot;']);
});

test('a one-run report speaks of one run, and large counts get separators', () => {
  // A one-run summary keeps at most one value in each sample, or the report refuses it.
  const s = sampleSummary();
  const bases = Object.fromEntries(Object.entries(s.bases).map(([id, b]) => [id, { ...b, closed_days_sample: b.closed_days_sample.slice(0, 1) }]));
  const one = runReportHtml({ ...s, runs: 1, unfinished: { runs: 0, cause: '' }, completion_days_sample: s.completion_days_sample.slice(0, 1), bases });
  assert.match(plainCells(one), /<tr><td>Batch<\/td><td>1 run, seed/);
  assert.match(one, /The one run simulates/);
  assert.match(one, /from 1 run, seed/);
  assert.not.match(one, /\b1 runs\b/);
  assert.match(runReportHtml({ ...sampleSummary(), runs: 20000 }), /Each of the 20,000 runs simulates/);
});

test('a scenario string with markup stays text: no extra script, tag or attribute reaches the HTML', () => {
  const summary = sampleSummary();
  const evil = '</script><script>alert(1)</script>';
  summary.scenario = evil;
  summary.diagnosis = '<img src=x onerror=alert(2)>';
  summary.inputs.push(['<b>key</b>', '"><svg onload=alert(3)>']);
  summary.command = `retrograde run '${evil}'`;
  const html = runReportHtml(summary);
  assert.is((html.match(/<script/g) ?? []).length, 3, 'only the specs JSON, the runtime and the bootstrap are scripts');
  assert.not.ok(html.includes('<script>alert(1)'));
  assert.not.ok(html.includes('<img src=x'));
  assert.not.ok(html.includes('<svg onload'));
  assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
});

test('runReportHtml refuses a summary whose figures disagree, naming each problem by its path', () => {
  const s = sampleSummary();
  assert.throws(() => runReportHtml({ ...s, p_by_deadline: 1.7 }), (err: Error) => /runReportHtml: not a consistent batch summary/.test(err.message) && /p_by_deadline/.test(err.message));
  assert.throws(() => runReportHtml({ ...s, completion: { ...s.completion, p10: '2030-01-01T00:00:00Z' } }), /completion\.p10/);
});

test.run();
