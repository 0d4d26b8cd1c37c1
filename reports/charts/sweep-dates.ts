/**
 * When the withdrawal finishes, against a one-parameter sweep: the median completion date and
 * the P10-P90 range at each swept value, with the deadline as a horizontal rule. When the deadline
 * is what is swept, each point has its own: a short red dash at each value instead of one rule,
 * which would hold the first point's deadline up against all of them. A quantile past the
 * horizon is drawn as a triangle on the top edge, and its range runs up to that edge.
 */
import type { SweepTable } from '../../sim/sweep/sweep.ts';
import type { Layer, VegaLiteSpec } from '../types.ts';
import { COLORS, PLOT_WIDTH, emptyChart, timeAxisFor, topLevel } from '../theme.ts';
import { DAY_MS, dayLabel, isoMinute, parseInstant, shortDayLabel } from '../time.ts';
import { paramAxis, paramX, pointDeadlines, sweepDatum, sweepTooltip } from './sweep-data.ts';

/** Completion P10/P50/P90 dates against the single swept parameter, with the deadline. */
export function datesByValueSpec(table: SweepTable): VegaLiteSpec {
  const title = 'When the withdrawal finishes, by swept value';
  const path = table.parameters[0];
  if (path === undefined || table.rows.length === 0) return emptyChart(title, 'The sweep has no points.');
  const axis = paramAxis(table, path);
  const rows = table.rows.map((r, i) => sweepDatum(r, i, [axis]));
  const deadlineMs = parseInstant(table.deadline, 'sweep deadline');
  // Each point's own deadline when the deadline is the swept parameter, else null.
  const own = pointDeadlines(table);
  const deadlines = own ?? [deadlineMs];
  const known = rows.flatMap((r) => [r.p10, r.p50, r.p90]).filter((d): d is string => d !== null).map(Date.parse);
  const lo = Math.min(...deadlines, ...known);
  const hi = Math.max(...deadlines, ...known);
  const margin = Math.max(3 * DAY_MS, (hi - lo) * 0.06);
  const beyond = rows.some((r) => r.p10 === null || r.p50 === null || r.p90 === null);
  // The top edge stands for "after the horizon": a little above the latest date reached.
  const top = hi + (beyond ? 2 : 1) * margin;
  const bottom = lo - margin;
  const edge = isoMinute(top);
  const width = PLOT_WIDTH - 80;
  const x = paramX(axis, width);
  const y = { field: 'p50', type: 'temporal', scale: { type: 'utc', domain: [Math.round(bottom), Math.round(top)] }, axis: timeAxisFor(bottom, top, 'Completion date') };
  // One layer carries the domain; vega-lite would merge the same domain from each layer and warn.
  const yPlain = { ...y, scale: { type: 'utc' } };
  const ranged = rows.filter((r) => r.p10 !== null).map((r) => ({ ...r, to: r.p90 ?? edge }));
  const tooltip = sweepTooltip([axis]);
  const range: Layer[] = axis.numeric
    ? [{ data: { values: ranged }, mark: { type: 'area', color: COLORS.band, opacity: 0.28 }, encoding: { x, y: { ...yPlain, field: 'p10' }, y2: { field: 'to' } } }]
    : [{ data: { values: ranged }, mark: { type: 'rule', color: COLORS.band, strokeWidth: 3 }, encoding: { x, y: { ...yPlain, field: 'p10' }, y2: { field: 'to' }, tooltip } }];
  const medians = rows.filter((r) => r.p50 !== null);
  const past = rows.flatMap((r) =>
    (['p10', 'p50', 'p90'] as const).filter((q) => r[q] === null).slice(0, 1).map((q) => ({ ...r, edge, note: `${q.toUpperCase()} and later quantiles after the horizon` })),
  );
  const deadline = [{ deadline: isoMinute(deadlineMs), label: `Deadline ${shortDayLabel(deadlineMs)}` }];
  const how = axis.numeric ? 'Line and dots: the median completion date; band' : 'Dot: the median completion date; bar';
  const subtitle = [`${how}: 10th to 90th percentile of ${table.runs.toLocaleString('en-US')} replications per value.`];
  if (own !== null) subtitle.push("Red dash at each value: that point's own deadline (the deadline is what is swept).");
  if (past.length > 0) subtitle.push('Triangle on the top edge: that quantile is not reached before the simulation horizon.');
  return topLevel({
    title: { text: title, subtitle },
    width,
    height: 320,
    layer: [
      ...range,
      ...(axis.numeric ? [{ data: { values: medians }, mark: { type: 'line', color: COLORS.median, strokeWidth: 2 }, encoding: { x, y: yPlain } }] : []),
      { data: { values: medians }, mark: { type: 'point', filled: true, size: 70, color: COLORS.median }, encoding: { x, y, tooltip } },
      {
        data: { values: past },
        mark: { type: 'point', shape: 'triangle-up', filled: true, size: 110, color: COLORS.late },
        encoding: { x, y: { ...yPlain, field: 'edge' }, tooltip: [...tooltip, { field: 'note', title: 'Note' }] },
      },
      ...(own === null ? deadlineRule(deadline, yPlain) : deadlineDashes(rows.map((r, i) => ({ x: r.x, label: r.label, deadline: isoMinute(own[i] as number), day: dayLabel(own[i] as number) })), x, yPlain)),
    ],
  });
}

/** The one deadline every point shares: a dashed rule across the plot, labelled at its left end. */
function deadlineRule(deadline: Array<Record<string, string>>, y: Layer): Layer[] {
  return [
    {
      data: { values: deadline },
      mark: { type: 'rule', color: COLORS.deadline, strokeWidth: 2, strokeDash: [6, 4] },
      encoding: { y: { ...y, field: 'deadline' }, tooltip: [{ field: 'label', title: 'Deadline' }] },
    },
    {
      data: { values: deadline },
      mark: { type: 'text', color: COLORS.deadline, align: 'left', baseline: 'bottom', x: 4, dy: -3, fontWeight: 600, fontSize: 12 },
      encoding: { y: { ...y, field: 'deadline' }, text: { field: 'label' } },
    },
  ];
}

/** Each point's own deadline, the swept one: a short horizontal red dash centred on its value. */
function deadlineDashes(points: Array<Record<string, unknown>>, x: Layer, y: Layer): Layer[] {
  return [
    {
      data: { values: points },
      // A path in unit coordinates, scaled by `size` (an area): about 56 px wide.
      mark: { type: 'point', shape: 'M -1 0 L 1 0', size: 800, filled: false, color: COLORS.deadline, strokeWidth: 3, opacity: 1 },
      encoding: { x, y: { ...y, field: 'deadline' }, tooltip: [{ field: 'label', title: 'Point' }, { field: 'day', title: 'Its deadline' }] },
    },
  ];
}
