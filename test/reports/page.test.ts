import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { renderPage, type Page } from '../../reports/page.ts';

const page = (over: Partial<Page> = {}): Page => ({
  title: 'T <1>',
  headline: { verdict: 'V & W', tone: 'neutral', stats: [{ label: 'L', value: '<v>' }] },
  sections: [{ heading: 'H', charts: [{ name: 'one', vega: { marks: [] } }], tables: [{ title: 'Tab', columns: ['a'], rows: [['<td>']] }] }],
  vegaRuntime: 'window.vega = {};',
  ...over,
});

test('renderPage escapes every text it is given', () => {
  const html = renderPage(page());
  assert.ok(html.includes('<title>T &lt;1&gt;</title>'));
  assert.ok(html.includes('V &amp; W'));
  assert.ok(html.includes('&lt;v&gt;'));
  assert.ok(html.includes('<td class="code">&lt;td&gt;</td>'));
});

test('renderPage allows exactly its two inline scripts by hash in its Content Security Policy', () => {
  const html = renderPage(page());
  const attr = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  const csp = attr.replaceAll('&#39;', "'");
  assert.match(csp, /default-src 'none'/);
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  assert.is(scripts.length, 2);
  for (const s of scripts) {
    const hash = createHash('sha256').update(s, 'utf8').digest('base64');
    assert.ok(csp.includes(`'sha256-${hash}'`), 'a running script is missing from the CSP');
  }
  assert.not.match(csp, /script-src[^;]*'unsafe-inline'/);
});

test('a diagnosis label is a caption line above the sentence, not "label: sentence"', () => {
  const text = 'Main constraint: clearances.';
  const labelled = renderPage(page({ headline: { verdict: 'V', tone: 'neutral', stats: [], diagnosis: { label: 'At 4 C-17s', text } } }));
  assert.ok(labelled.includes(`<p class="diagnosis"><span class="label">At 4 C-17s</span>${text}</p>`));
  const bare = renderPage(page({ headline: { verdict: 'V', tone: 'neutral', stats: [], diagnosis: { text } } }));
  assert.ok(bare.includes(`<p class="diagnosis">${text}</p>`));
});

test('renderPage refuses a chart name that is not [a-z0-9-]+ or appears twice', () => {
  assert.throws(() => renderPage(page({ sections: [{ heading: 'H', charts: [{ name: 'a"b', vega: {} }] }] })), /chart name must match/);
  assert.throws(
    () => renderPage(page({ sections: [{ heading: 'H', charts: [{ name: 'a', vega: {} }, { name: 'a', vega: {} }] }] })),
    /"a" is used twice/,
  );
});

test('renderPage refuses a runtime that would end its <script> element early', () => {
  assert.throws(() => renderPage(page({ vegaRuntime: 'x = "</script>"' })), /vega runtime contains/);
});

test.run();
