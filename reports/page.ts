/**
 * The page shell every report uses (run, sweep, sensitivity): a headline block, sections of
 * compiled charts, tables and code, the vega runtime inlined, and a small script that draws the
 * charts as SVG with hover tooltips. The page makes no network request: its Content Security
 * Policy allows only its own inline scripts (by hash), and nothing is ever loaded from a URL.
 */
import { createHash } from 'node:crypto';
import type { VegaSpec } from './types.ts';
import { assertInlineScript, escapeHtml, jsonForScript } from './escape.ts';
import { PAGE_CSS } from './page-style.ts';
import { BOOTSTRAP_JS } from './page-script.ts';

export interface PageStat {
  label: string;
  value: string;
  note?: string;
}

export interface PageHeadline {
  /** Small line above the verdict, e.g. the scenario name. */
  kicker?: string;
  /** The one big sentence, e.g. "87% chance to finish by 15 Sep 2024". */
  verdict: string;
  /** A line under the verdict, e.g. the interval and the number of runs. */
  detail?: string;
  /** Colours the verdict: good (likely), warn (uncertain), bad (unlikely), neutral. */
  tone: 'good' | 'warn' | 'bad' | 'neutral';
  stats: PageStat[];
  /**
   * The why, e.g. { text: summary.diagnosis }. The diagnosis sentence names its own kind ("Main
   * constraint: ..."), so a label, when given, is a caption line above it, never "label: text".
   */
  diagnosis?: { label?: string; text: string };
}

export interface PageChart {
  /** Lower-case id (`[a-z0-9-]+`), unique in the page; the chart's container is `[data-chart=name]`. */
  name: string;
  /** The compiled Vega spec (see `compileSpecs`). */
  vega: VegaSpec;
  caption?: string;
}

export interface PageTable {
  title: string;
  caption?: string;
  columns: string[];
  rows: string[][];
  /**
   * How many leading columns hold paths or values as written (`fleet.C-17.count`, `12h`), shown
   * in code type; 1 when absent (the key column). A sweep's table has one per swept parameter.
   */
  codeColumns?: number;
}

export interface PageCode {
  title: string;
  text: string;
}

export interface PageSection {
  heading: string;
  intro?: string;
  charts?: PageChart[];
  tables?: PageTable[];
  code?: PageCode[];
}

export interface Page {
  /** The document title (browser tab). */
  title: string;
  headline: PageHeadline;
  sections: PageSection[];
  /** The vega runtime's source, inlined as is (see `vegaRuntimeSource`). */
  vegaRuntime: string;
  /** A last line, e.g. what made the report. */
  footer?: string;
}

const CHART_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Renders a self-contained HTML page; throws when a chart name is not `[a-z0-9-]+` or is used twice. */
export function renderPage(page: Page): string {
  const specs: Record<string, VegaSpec> = {};
  for (const section of page.sections) {
    for (const chart of section.charts ?? []) {
      if (!CHART_NAME.test(chart.name)) throw new Error(`Report: chart name must match [a-z0-9-]+, got ${JSON.stringify(chart.name)}`);
      if (chart.name in specs) throw new Error(`Report: chart name "${chart.name}" is used twice`);
      specs[chart.name] = chart.vega;
    }
  }
  const runtime = assertInlineScript(page.vegaRuntime, 'the vega runtime');
  const bootstrap = assertInlineScript(BOOTSTRAP_JS, 'the report bootstrap script');
  // Only these two scripts may run; vega compiles its expressions with Function(), hence 'unsafe-eval'.
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(runtime)} ${sha256(bootstrap)} 'unsafe-eval'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    renderHeadline(page.headline),
    renderNav(page.sections),
    ...page.sections.map(renderSection),
    page.footer === undefined ? '' : `<footer>${escapeHtml(page.footer)}</footer>`,
    '</main>',
    `<script type="application/json" id="report-specs">${jsonForScript(specs)}</script>`,
    `<script>${runtime}</script>`,
    `<script>${bootstrap}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sha256(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

function renderHeadline(h: PageHeadline): string {
  const stats = h.stats
    .map(
      (s) =>
        `<div class="stat"><dt>${escapeHtml(s.label)}</dt><dd>${escapeHtml(s.value)}${s.note === undefined ? '' : `<span class="note">${escapeHtml(s.note)}</span>`}</dd></div>`,
    )
    .join('');
  return [
    `<header class="headline tone-${h.tone}">`,
    h.kicker === undefined ? '' : `<p class="kicker">${escapeHtml(h.kicker)}</p>`,
    `<h1>${escapeHtml(h.verdict)}</h1>`,
    h.detail === undefined ? '' : `<p class="detail">${escapeHtml(h.detail)}</p>`,
    stats === '' ? '' : `<dl class="stats">${stats}</dl>`,
    h.diagnosis === undefined
      ? ''
      : `<p class="diagnosis">${h.diagnosis.label === undefined ? '' : `<span class="label">${escapeHtml(h.diagnosis.label)}</span>`}${escapeHtml(h.diagnosis.text)}</p>`,
    '</header>',
  ].join('\n');
}

function sectionId(index: number): string {
  return `section-${index + 1}`;
}

function renderNav(sections: PageSection[]): string {
  if (sections.length < 2) return '';
  const links = sections.map((s, i) => `<li><a href="#${sectionId(i)}">${escapeHtml(s.heading)}</a></li>`).join('');
  return `<nav><ol>${links}</ol></nav>`;
}

function renderSection(section: PageSection, index: number): string {
  const charts = (section.charts ?? []).map(
    (c) =>
      `<figure class="chart"><div class="vega" data-chart="${c.name}" role="img" aria-label="${escapeHtml(c.caption ?? c.name)}"></div>${
        c.caption === undefined ? '' : `<figcaption>${escapeHtml(c.caption)}</figcaption>`
      }</figure>`,
  );
  const tables = (section.tables ?? []).map(renderTable);
  const code = (section.code ?? []).map((c) => `<div class="code"><h3>${escapeHtml(c.title)}</h3><pre><code>${escapeHtml(c.text)}</code></pre></div>`);
  return [
    `<section id="${sectionId(index)}">`,
    `<h2>${escapeHtml(section.heading)}</h2>`,
    section.intro === undefined ? '' : `<p class="intro">${escapeHtml(section.intro)}</p>`,
    ...charts,
    ...tables,
    ...code,
    '</section>',
  ].join('\n');
}

/**
 * A cell's text as HTML, each word with a hyphen or a dash kept on one line: browsers break lines
 * after a hyphen, which cut `fleet.C-17.count` and `2024-08-15` in two in a narrow window.
 */
function cellHtml(text: string): string {
  return escapeHtml(text).replace(/[^\s]*[-\u2013][^\s]*/g, (word) => `<span class="nobr">${word}</span>`);
}

function renderTable(t: PageTable): string {
  const code = t.codeColumns ?? 1;
  const head = t.columns.map((c) => `<th scope="col">${cellHtml(c)}</th>`).join('');
  const body = t.rows.map((r) => `<tr>${r.map((cell, i) => `<td${i < code ? ' class="code"' : ''}>${cellHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return [
    '<div class="table">',
    `<h3>${escapeHtml(t.title)}</h3>`,
    t.caption === undefined ? '' : `<p class="caption">${escapeHtml(t.caption)}</p>`,
    `<table><thead><tr>${head}</tr></thead><tbody>`,
    body,
    '</tbody></table>',
    '</div>',
  ].join('\n');
}
