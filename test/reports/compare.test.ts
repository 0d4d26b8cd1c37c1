/**
 * The comparison report as HTML and specs: self-contained, the headline naming the best course
 * of action in verdictFor's words, every figure as `retrograde compare` prints it, each variant's
 * changes listed whole, the reproducing command, and a table whose figures disagree refused.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareReportHtml, compareReportSpecs, compareCommandLine, vegaRuntimeSource, verdictFor } from '../../reports/index.ts';
import { compareReportHtml as fromLibrary } from '../../sim/index.ts';
import { formatComparison } from '../../sim/cli/sweep-commands.ts';
import { compareTables } from './compare-tables.ts';
import { plainCells } from './table-html.ts';

const { worse, better } = await compareTables();
const WORSE_HTML = compareReportHtml(worse);
const headerOf = (html: string): string => /<header class="headline[^"]*">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
/** The page's text with tags dropped and entities read, for matching what a reader sees. */
const textOf = (html: string): string => plainCells(html).replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

test('the report is one self-contained file: the vega runtime inlined, nothing loaded from a URL', () => {
  assert.is(fromLibrary, compareReportHtml);
  assert.ok(Buffer.byteLength(WORSE_HTML) <= 1.5 * 1024 * 1024);
  assert.ok(WORSE_HTML.includes(vegaRuntimeSource()));
  assert.not.match(WORSE_HTML, /<script[^>]+src=|<link[^>]+href=|<img|<iframe/i);
  assert.not.match(WORSE_HTML.replace(vegaRuntimeSource(), ''), /@import|url\(/i);
  // The only addresses left are the specs' schema names, which nothing fetches.
  const urls = WORSE_HTML.replace(vegaRuntimeSource(), '').match(/https?:\/\/[^\s"'<)]*/g) ?? [];
  assert.equal([...new Set(urls)], ['https://vega.github.io/schema/vega/v6.json']);
  assert.is(compareReportHtml(worse), WORSE_HTML, 'the same table gives the same bytes');
});

test('the headline names the best course of action in verdictFor\'s words, and the reference', () => {
  const best = worse.rows[0]!;
  const header = headerOf(WORSE_HTML);
  assert.ok(header.includes(`The reference, ${best.name}, is best for the deadline. ${verdictFor(best.p_by_deadline).words}: ${(best.p_by_deadline * 100).toFixed(1)}% chance to finish by 15 Sep 2024`), header);
  assert.match(header, /reference: Niger 2024 baseline</);
  // The thin fleet as reference: the baseline beats it beyond noise, the copy of it ties.
  const row = better.rows[1]!;
  assert.ok(row.delta_p_ci95[0] > 0, 'the fixture lost its better variant');
  const h = headerOf(compareReportHtml(better));
  assert.ok(h.includes(`${row.name} is best for the deadline. ${verdictFor(row.p_by_deadline).words}: ${(row.p_by_deadline * 100).toFixed(1)}% chance`), h);
  assert.match(h, /\+\d+\.\d points over the reference/);
});

test('a higher estimate within noise is not called best, and a tie is said as a tie', () => {
  const t = structuredClone(better);
  t.rows = [t.rows[0]!, t.rows[2]!];
  assert.match(headerOf(compareReportHtml(t)), /Every course of action tie for the deadline/);
  // One replication more on time in the variant: higher, but within noise.
  const n = t.runs;
  const v = t.rows[1]!;
  v.p_by_deadline = Math.round((t.rows[0]!.p_by_deadline + 1 / n) * 1e6) / 1e6;
  v.p_by_deadline_ci95 = [Math.max(0, v.p_by_deadline - 0.1), Math.min(1, v.p_by_deadline + 0.05)];
  v.delta_p = Math.round((1 / n) * 1e6) / 1e6;
  v.delta_p_ci95 = [-0.05, 0.1];
  v.discordant_runs = { variant_only: 1, reference_only: 0 };
  assert.match(headerOf(compareReportHtml(t)), new RegExp(`No course of action beats the reference, ${t.rows[0]!.name}, beyond noise\\. Highest estimate: ${v.name}`));
  // One replication fewer: the reference is higher, but only within noise, so it is not called best either.
  v.p_by_deadline = Math.round((t.rows[0]!.p_by_deadline - 1 / n) * 1e6) / 1e6;
  v.p_by_deadline_ci95 = [Math.max(0, v.p_by_deadline - 0.1), Math.min(1, v.p_by_deadline + 0.05)];
  v.delta_p = -Math.round((1 / n) * 1e6) / 1e6;
  v.delta_p_ci95 = [-0.1, 0.05];
  v.discordant_runs = { variant_only: 0, reference_only: 1 };
  const h = headerOf(compareReportHtml(t));
  assert.match(h, new RegExp(`No course of action beats the reference, ${t.rows[0]!.name}, beyond noise, and the reference has the highest estimate`));
  assert.not.match(h, /is best for the deadline/);
});

test('the table gives every figure `retrograde compare` prints, and each variant\'s changes whole', () => {
  const text = textOf(WORSE_HTML).replace(/−/g, '-');
  const printed = formatComparison(worse, '--seed', '--runs');
  const rows = printed.split('\n').filter((l) => /^\s{2}Niger 2024/.test(l) && /\d%/.test(l));
  assert.is(rows.length, 3, printed);
  for (const line of rows) {
    const [p, lo, hi] = /(\d+\.\d%)\s+(\d+\.\d%)-(\d+\.\d%)/.exec(line)!.slice(1);
    assert.ok(text.includes(`${p} ${lo} – ${hi}`.replace(/ +/g, ' ')) || (text.includes(p!) && text.includes(`${lo} – ${hi}`)), `${p} ${lo}–${hi} not in the page`);
    const change = /([+-]\d+\.\d) pts\s+([+-]\d+\.\d) to ([+-]\d+\.\d)/.exec(line);
    if (change) assert.ok(text.includes(`${change[2]} to ${change[3]}`), `change interval ${change[2]} to ${change[3]} not in the page`);
  }
  for (const r of worse.rows) assert.ok(printed.includes(r.main_constraint) && text.includes(r.main_constraint), r.main_constraint);
  for (const r of worse.rows.slice(1)) assert.ok(text.includes(r.differs.join(', ')), `${r.name}: ${r.differs.join(', ')}`);
});

test('changes within noise are marked so in the table and the change chart', () => {
  const html = compareReportHtml(better);
  assert.match(textOf(html), /\+0\.0 to \+0\.0|−?\d+\.\d to \+\d+\.\d \(within noise\)/);
  const spec = JSON.stringify(compareReportSpecs(better).change);
  assert.match(spec, /copy-of-thin-fleet\.yaml/);
  assert.match(spec, /\(within noise\)/);
  assert.not.match(JSON.stringify(compareReportSpecs(worse).change), /\(within noise\)/);
});

test('the reproducing command lists every file, the runs, seed and overrides of the table', () => {
  const t = structuredClone(worse);
  t.overrides = ['clearance.validity=3d'];
  assert.is(compareCommandLine(t), 'retrograde compare scenarios/niger-2024.yaml scenarios/niger-2024-clearance-freeze.yaml scenarios/niger-2024-thin-fleet.yaml --runs 40 --seed compare-report-tests --set clearance.validity=3d --report compare.html');
  assert.ok(WORSE_HTML.includes(`<pre><code>${compareCommandLine(worse)}</code></pre>`));
  assert.ok(compareReportHtml(worse, { command: 'retrograde compare a.yaml b.yaml' }).includes('<pre><code>retrograde compare a.yaml b.yaml</code></pre>'));
});

test('a table whose figures disagree is refused, naming each problem by its path', () => {
  const t = structuredClone(worse);
  t.rows[1]!.delta_p = 0.25;
  t.rows[1]!.delta_p_ci95 = [-1, 1];
  t.rows[2]!.p_by_deadline_ci95 = [0.99, 1];
  assert.throws(() => compareReportHtml(t), (e: Error) => /compareReportHtml: not a consistent comparison table \(\d+ problems\)/.test(e.message) && /table: rows\[1\]\.delta_p: expected p_by_deadline minus the reference's/.test(e.message) && /rows\[2\]\.p_by_deadline_ci95/.test(e.message));
  assert.throws(() => compareReportSpecs({ ...worse, rows: [] }), /rows: expected at least 2 rows/);
});

test.run();
