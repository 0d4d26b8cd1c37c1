import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderReport, topLevel, type VegaLiteSpec } from '../../reports/index.ts';

const line = topLevel({
  title: 'P(finish by deadline) against fleet size',
  data: { values: [{ n: 2, p: 0.1 }, { n: 4, p: 0.6 }] },
  mark: 'line',
  encoding: { x: { field: 'n', type: 'quantitative', axis: { title: 'C-17s' } }, y: { field: 'p', type: 'quantitative', axis: { title: 'P' } } },
});

test('renderReport turns Vega-Lite charts into a page with their compiled Vega specs (what a sweep report needs)', () => {
  const html = renderReport({
    title: 'Sweep',
    headline: { verdict: '6 C-17s reach 95%', tone: 'good', stats: [] },
    sections: [{ heading: 'Fleet', charts: [{ name: 'sweep', spec: line }] }],
    vegaRuntime: 'window.vega = {};',
  });
  const json = /<script type="application\/json" id="report-specs">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const specs = JSON.parse(json) as Record<string, { $schema?: string; marks?: unknown[] }>;
  assert.equal(Object.keys(specs), ['sweep']);
  assert.match(specs.sweep?.$schema ?? '', /schema\/vega\/v/);
  assert.ok(html.includes('data-chart="sweep"'));
});

test('renderReport names the chart that vega-lite rejects', () => {
  const bad = { mark: 'nonsense' } as unknown as VegaLiteSpec;
  assert.throws(
    () => renderReport({ title: 'x', headline: { verdict: 'v', tone: 'neutral', stats: [] }, sections: [{ heading: 'h', charts: [{ name: 'broken', spec: bad }] }], vegaRuntime: '' }),
    /chart "broken" does not compile/,
  );
});

test.run();
