/**
 * A two-parameter sweep as a heatmap: one cell per point, coloured and labelled with the chance
 * of finishing by the deadline, the interval and the dates in its tooltip. Red is unlikely, blue
 * likely (a diverging scale that colour-blind readers tell apart).
 */
import type { SweepTable } from '../../sim/sweep/sweep.ts';
import type { VegaLiteSpec } from '../types.ts';
import { PLOT_WIDTH, emptyChart, topLevel } from '../theme.ts';
import { paramAxis, sweepDatum, sweepTooltip } from './sweep-data.ts';

/** The heatmap of P(by deadline) over the first two parameters (the first across, the second up). */
export function heatmapSpec(table: SweepTable): VegaLiteSpec {
  const title = 'Chance of finishing by the deadline at each point';
  const axes = table.parameters.map((p) => paramAxis(table, p));
  const [first, second] = axes;
  if (first === undefined || second === undefined || table.rows.length === 0) return emptyChart(title, 'A heatmap needs a sweep of two parameters.');
  const rows = table.rows.map((r, i) => sweepDatum(r, i, axes));
  const cellW = Math.max(24, Math.min(150, Math.floor((PLOT_WIDTH - 260) / first.display.length)));
  const cellH = Math.max(16, Math.min(56, Math.floor(440 / second.display.length)));
  const labelled = cellW >= 36 && cellH >= 18;
  const longest = Math.max(0, ...first.display.map((l) => l.length));
  const slanted = longest * 6.5 > cellW - 6;
  const x = {
    field: 'x',
    type: 'ordinal',
    sort: first.display,
    axis: { title: first.path, labelLimit: 220, labelAngle: slanted ? -25 : 0, ...(slanted ? { labelAlign: 'right' } : {}) },
  };
  // Vega keeps an axis title within 200 px of the axis unless told (maxExtent), over long labels.
  // Numbers grow upwards, as on any plot; other values read top to bottom in the listed order.
  const y = { field: 'seriesKey', type: 'ordinal', sort: second.numeric ? [...second.display].reverse() : second.display, axis: { title: second.path, labelLimit: 260, maxExtent: 290 } };
  const tooltip = sweepTooltip(axes.slice(0, 2));
  return topLevel({
    title: {
      text: title,
      subtitle: `Each cell is one point of the sweep (${table.runs.toLocaleString('en-US')} replications on common random numbers); hover it for the 95% interval and the dates.`,
    },
    width: { step: cellW },
    height: { step: cellH },
    data: { values: rows },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1.5 },
        encoding: {
          x,
          y,
          color: {
            field: 'p',
            type: 'quantitative',
            scale: { scheme: 'redblue', domain: [0, 1] },
            legend: { title: 'Chance to finish by the deadline', format: '.0%', gradientLength: 260, titleLimit: 400 },
          },
          tooltip,
        },
      },
      ...(labelled
        ? [
            {
              mark: { type: 'text', fontSize: 12, fontWeight: 600 },
              encoding: {
                x,
                y,
                text: { field: 'pText' },
                // Dark cells at both ends of the scale take white text.
                color: { condition: { test: 'datum.p < 0.18 || datum.p > 0.82', value: '#ffffff' }, value: '#1d2330' },
                tooltip,
              },
            },
          ]
        : []),
    ],
  });
}
