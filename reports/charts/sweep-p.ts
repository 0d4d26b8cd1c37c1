/**
 * The chance of finishing by the deadline against the swept parameter: for one parameter, the
 * estimate with its 95% interval (a band over numbers, error bars over other values), the target
 * and the answer to it; for several, one line per value of the second parameter, in small
 * multiples over the others.
 */
import type { SweepTable, TargetAnswer } from '../../sim/sweep/sweep.ts';
import { valueText } from '../../sim/sweep/grid.ts';
import type { Layer, VegaLiteSpec } from '../types.ts';
import { COLORS, PLOT_WIDTH, emptyChart, topLevel } from '../theme.ts';
import { percent } from '../run-headline.ts';
import { P_Y, paramAxis, paramX, sweepDatum, sweepTooltip, type ParamAxis, type SweepDatum } from './sweep-data.ts';

/** Colours of the answer to a target: reached with the whole interval, or by the estimate alone. */
export const ANSWER_COLORS = { confident: '#2e7d32', estimate: '#e08a2c', target: '#333333' } as const;

/** Point shapes of the series in order (vega repeats them past the end). */
const SERIES_SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down'];
/** Line dashes of the series in order: the first solid, then ever shorter dashes. */
const SERIES_DASHES = [[1, 0], [8, 4], [3, 3], [1, 3], [12, 3, 3, 3], [6, 2, 2, 2]];

/** At most this many small multiples; past it the table says more than a wall of tiny charts. */
const MAX_FACETS = 12;

function data(table: SweepTable, axes: ParamAxis[]): SweepDatum[] {
  return table.rows.map((r, i) => sweepDatum(r, i, axes));
}

/** The target rule and the rings, rules and labels that mark its answer. */
function targetLayers(axis: ParamAxis, x: Record<string, unknown>, width: number, target: TargetAnswer, rows: SweepDatum[]): Layer[] {
  const goal = percent(target.target);
  const layers: Layer[] = [
    {
      data: { values: [{ target: target.target, label: `Target ${goal}` }] },
      mark: { type: 'rule', color: ANSWER_COLORS.target, strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { y: { field: 'target', type: 'quantitative' }, tooltip: [{ field: 'label', title: 'Target' }] },
    },
    {
      data: { values: [{ target: target.target, label: `Target ${goal}` }] },
      mark: { type: 'text', color: ANSWER_COLORS.target, align: 'left', baseline: 'bottom', x: 4, dy: -3, fontWeight: 600, fontSize: 12 },
      encoding: { y: { field: 'target', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
  const position = (label: string): number => {
    const i = axis.labels.indexOf(label);
    if (!axis.numeric) return (i + 0.5) / axis.labels.length;
    const xs = axis.values as number[];
    const span = (xs[xs.length - 1] as number) - (xs[0] as number);
    return span > 0 ? ((axis.values[i] as number) - (xs[0] as number)) / span : 0.5;
  };
  // Each label goes on its preferred side of its rule (the answer's to the right, the estimate's
  // to the left, where the curve is low) unless it would run out of the plot there.
  const fits = (frac: number, text: string, side: 'left' | 'right'): boolean => {
    const room = side === 'right' ? (1 - frac) * width : frac * width;
    return room >= text.length * 7 + 12;
  };
  const place = (label: string, text: string, prefer: 'left' | 'right'): 'left' | 'right' => {
    const other = prefer === 'right' ? 'left' : 'right';
    return fits(position(label), text, prefer) || !fits(position(label), text, other) ? prefer : other;
  };
  // A short value leads its label; a long one is on the axis under the rule already.
  const named = (label: string): string => (label.length <= 12 ? `${label}: ` : '');
  const marks: Array<{ kind: 'confident' | 'estimate'; label: string; text: string; side: 'left' | 'right' }> = [];
  const confident = target.confident === null ? undefined : valueText(target.confident.value);
  const estimate = target.estimate === null ? undefined : valueText(target.estimate.value);
  if (confident !== undefined) {
    const text = `${named(confident)}whole 95% interval ≥ ${goal}`;
    marks.push({ kind: 'confident', label: confident, text, side: place(confident, text, 'right') });
  }
  if (estimate !== undefined && estimate !== confident) {
    const text = `${named(estimate)}estimate ≥ ${goal}, interval not yet`;
    marks.push({ kind: 'estimate', label: estimate, text, side: place(estimate, text, 'left') });
  }
  marks.forEach((m, i) => {
    const row = rows.find((r) => r.label === m.label);
    if (row === undefined) return;
    const color = ANSWER_COLORS[m.kind];
    // Two labels on the same side of their rules go on two lines.
    const line = marks.slice(0, i).some((o) => o.side === m.side) ? 1 : 0;
    const values = [{ ...row, zero: 0, note: m.text }];
    layers.push(
      { data: { values }, mark: { type: 'rule', color, strokeWidth: 1.5, strokeDash: m.kind === 'estimate' ? [3, 3] : [] }, encoding: { x, y: { field: 'zero', type: 'quantitative' }, y2: { field: 'p' } } },
      {
        data: { values },
        mark: { type: 'point', shape: 'circle', size: 380, filled: false, color, strokeWidth: 3, ...(m.kind === 'estimate' ? { strokeDash: [3, 2] } : {}) },
        encoding: { x, y: P_Y, tooltip: [{ field: 'note', title: 'Answer' }, { field: 'pText', title: 'Chance by the deadline' }, { field: 'ci', title: '95% interval' }] },
      },
      {
        data: { values },
        mark: { type: 'text', color, fontWeight: 600, fontSize: 12, baseline: 'bottom', y: 'height', dy: -6 - 17 * line, align: m.side === 'right' ? 'left' : 'right', dx: m.side === 'right' ? 6 : -6, limit: 420 },
        encoding: { x, text: { field: 'note' } },
      },
    );
  });
  return layers;
}

/** P(by deadline) against a one-parameter sweep, with its 95% interval, and the target's answer when given. */
export function pByValueSpec(table: SweepTable, target?: TargetAnswer): VegaLiteSpec {
  const title = 'Chance of finishing by the deadline, by swept value';
  const path = table.parameters[0];
  if (path === undefined || table.rows.length === 0) return emptyChart(title, 'The sweep has no points.');
  const axis = paramAxis(table, path);
  const rows = data(table, [axis]);
  const width = PLOT_WIDTH - 80;
  const x = paramX(axis, width);
  const tooltip = sweepTooltip([axis]);
  const interval: Layer[] = axis.numeric
    ? [
        { mark: { type: 'area', color: COLORS.band, opacity: 0.28 }, encoding: { x, y: { ...P_Y, field: 'lo' }, y2: { field: 'hi' } } },
        // The interval is measured at the swept values only: a thin bar there (and the one visible mark of a single point).
        { mark: { type: 'rule', color: COLORS.band, strokeWidth: 1.5 }, encoding: { x, y: { ...P_Y, field: 'lo' }, y2: { field: 'hi' }, tooltip } },
        { mark: { type: 'line', color: COLORS.median, strokeWidth: 2 }, encoding: { x, y: P_Y } },
      ]
    : [
        { mark: { type: 'rule', color: COLORS.band, strokeWidth: 3 }, encoding: { x, y: { ...P_Y, field: 'lo' }, y2: { field: 'hi' }, tooltip } },
        { mark: { type: 'tick', color: COLORS.band, thickness: 2, size: 16 }, encoding: { x, y: { ...P_Y, field: 'lo' } } },
        { mark: { type: 'tick', color: COLORS.band, thickness: 2, size: 16 }, encoding: { x, y: { ...P_Y, field: 'hi' } } },
      ];
  const how = axis.numeric ? 'Line: the estimated chance at each swept value; band: its 95% confidence interval.' : 'Dot: the estimated chance at each swept value; bar: its 95% confidence interval.';
  const subtitle = [`${how} ${table.runs.toLocaleString('en-US')} replications per value, on common random numbers.`];
  if (target !== undefined) subtitle.push(`Dashed line: the ${percent(target.target)} target. Green ring: the smallest value whose whole interval reaches it; orange ring: reached by the estimate alone.`);
  return topLevel({
    title: { text: title, subtitle },
    width,
    height: 320,
    data: { values: rows },
    layer: [
      ...interval,
      { mark: { type: 'point', filled: true, size: 70, color: COLORS.median }, encoding: { x, y: P_Y, tooltip } },
      ...(target === undefined ? [] : targetLayers(axis, x, width, target, rows)),
    ],
  });
}

/**
 * P(by deadline) against the first parameter, one line per value of the second, in small
 * multiples over the combinations of the others (a note instead past 12 combinations).
 */
export function pLinesSpec(table: SweepTable): VegaLiteSpec {
  const title = 'Chance of finishing by the deadline, by swept values';
  const axes = table.parameters.map((p) => paramAxis(table, p));
  const [first, second] = axes;
  if (first === undefined || second === undefined || table.rows.length === 0) return emptyChart(title, 'This chart needs a sweep of two parameters or more.');
  const rows = data(table, axes);
  const facets = [...new Set(rows.map((r) => r.facet))];
  if (facets.length > MAX_FACETS) return emptyChart(title, `${facets.length} combinations of the other parameters are too many to draw; the table below lists every point.`);
  const faceted = axes.length > 2;
  const columns = faceted ? Math.min(2, facets.length) : 1;
  const width = faceted ? Math.floor((PLOT_WIDTH - 140) / columns) - 20 : PLOT_WIDTH - 140;
  const x = paramX(first, width);
  const color = {
    field: 'seriesKey',
    type: second.numeric ? 'ordinal' : 'nominal',
    sort: second.display,
    // The domain written out, not only sorted: vega-lite merges the colour and shape legends only
    // when their scales' domains are the same, and a sort makes each channel its own sort field.
    scale: { domain: second.display, ...(second.numeric ? { scheme: { name: 'viridis', extent: [0, 0.85] } } : { scheme: 'tableau10' }) },
    // One value a line: side by side, long values (lognormal maps) would run past a narrow window.
    legend: { title: second.path, labelLimit: 320, titleLimit: 600, direction: 'vertical' },
  };
  const tooltip = sweepTooltip(axes);
  // Series with the same values (two clearance validities that both always make it) would hide
  // one another: earlier series draw wider and solid, later ones narrower and dashed, and each
  // has its own open point shape, earlier ones larger, so coinciding points nest instead of
  // covering each other. The legend shows the shapes, merged with the colours (same field, type, domain and legend).
  const series = { field: 'seriesKey', type: 'ordinal', sort: second.display };
  const n = second.display.length;
  const layer: Layer[] = [
    {
      mark: { type: 'line' },
      encoding: {
        x,
        y: P_Y,
        color,
        strokeWidth: { ...series, scale: { range: [5, 1.5] }, legend: null },
        strokeDash: { ...series, scale: { range: SERIES_DASHES.slice(0, Math.max(1, n)) }, legend: null },
      },
    },
    {
      mark: { type: 'point', filled: false, strokeWidth: 2.5, opacity: 1 },
      encoding: {
        x,
        y: P_Y,
        color,
        shape: { ...series, type: color.type, scale: { domain: second.display, range: SERIES_SHAPES }, legend: color.legend },
        size: { ...series, scale: { range: [n > 1 ? 220 : 90, 50] }, legend: null },
        tooltip,
      },
    },
  ];
  const subtitle = `One line per value of ${second.path}, each with its own point shape: where lines coincide, the points nest. Hover a point for its 95% interval and dates. ${table.runs.toLocaleString('en-US')} replications per point, on common random numbers.`;
  if (!faceted) return topLevel({ title: { text: title, subtitle }, width, height: 300, data: { values: rows }, layer });
  return topLevel({
    title: { text: title, subtitle: [subtitle, `One panel per combination of ${axes.slice(2).map((a) => a.path).join(', ')}.`] },
    data: { values: rows },
    facet: { field: 'facet', type: 'nominal', sort: facets, header: { title: null, labelLimit: 440, labelFontWeight: 600 } },
    columns,
    spec: { width, height: 220, layer },
  });
}
