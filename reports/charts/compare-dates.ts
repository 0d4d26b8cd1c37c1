/**
 * When each course of action finishes: per scenario, the 10th to 90th percentile of the
 * completion date as a bar, the median as a dot, and the scenario's own deadline as a red mark
 * on its row (deadlines may differ between scenarios). A quantile past the horizon runs the bar
 * to the right edge, which stands for "after the horizon", and ends it with a triangle.
 */
import type { CompareRow, CompareTable } from '../../sim/sweep/compare.ts';
import type { Layer, VegaLiteSpec } from '../types.ts';
import { COLORS, PLOT_WIDTH, timeAxisFor, topLevel } from '../theme.ts';
import { DAY_MS, isoMinute, parseInstant, shortDayLabel } from '../time.ts';
import { dateText } from './sweep-data.ts';
import { ROW_PX, TOOLTIP, nameLayer, rowsY, scenarioDatum, scenarioLabels, scenarioRows } from './compare-rows.ts';

const WIDTH = PLOT_WIDTH - 60;

/** P10, median and P90 of the completion date per scenario, with each scenario's own deadline. */
export function compareDatesSpec(table: CompareTable): VegaLiteSpec {
  const labels = scenarioLabels(table);
  const ms = (iso: string | null, what: string): number | null => (iso === null ? null : parseInstant(iso, what));
  const dated = table.rows.map((r, i) => ({
    r,
    i,
    p10: ms(r.completion.p10, `rows[${i}].completion.p10`),
    p50: ms(r.completion.p50, `rows[${i}].completion.p50`),
    p90: ms(r.completion.p90, `rows[${i}].completion.p90`),
    deadline: parseInstant(r.deadline, `rows[${i}].deadline`),
  }));
  const known = dated.flatMap((d) => [d.p10, d.p50, d.p90, d.deadline]).filter((x): x is number => x !== null);
  const [lo, hi] = [Math.min(...known), Math.max(...known)];
  const margin = Math.max(2 * DAY_MS, (hi - lo) * 0.05);
  const beyond = dated.some((d) => d.p90 === null);
  // The right edge stands for "after the horizon": a little past the latest date reached.
  const right = hi + (beyond ? 2 : 1) * margin;
  const left = lo - margin;
  const edge = isoMinute(right);
  const rows = scenarioRows(
    dated.map((d) => d.i),
    (i) => {
      const r = table.rows[i] as CompareRow;
      const median = r.completion.p50 === null ? 'median after the horizon' : `median ${dateText(r.completion.p50, `rows[${i}].completion.p50`)}`;
      return `${labels[i]} · ${median}${table.deadlines_differ ? ` · deadline ${shortDayLabel(dated[i]?.deadline ?? 0)}` : ''}`;
    },
  );
  const values = dated.map((d) => ({
    ...scenarioDatum(table, d.r, d.i, labels[d.i] as string),
    row: rows.bar(d.i),
    from: d.p10 === null ? null : isoMinute(d.p10),
    to: d.p90 === null ? edge : isoMinute(d.p90),
    p50: d.p50 === null ? null : isoMinute(d.p50),
    dl: isoMinute(d.deadline),
    edge,
    range: d.p10 === null ? 'after the horizon' : `${dateText(d.r.completion.p10, 'p10')} – ${dateText(d.r.completion.p90, 'p90')}`,
    late: d.p90 === null,
  }));
  const y = rowsY(rows.keys);
  const x = { field: 'p50', type: 'temporal', scale: { type: 'utc', domain: [Math.round(left), Math.round(right)] }, axis: { ...timeAxisFor(left, right, 'Completion date'), grid: true } };
  // Only one layer carries the domain; vega-lite would merge the same domain from each and warn.
  const xPlain = { ...x, scale: { type: 'utc' } };
  const tooltip = [...TOOLTIP.slice(0, 2), { field: 'range', title: 'P10 – P90 completion' }, ...TOOLTIP.slice(2)];
  const shared = [...new Set(values.map((v) => v.dl))];
  const layers: Layer[] = [
    // One deadline for all: a faint dashed line down the plot joins their red marks.
    ...(shared.length === 1 ? [{ data: { values: [{ dl: shared[0] }] }, mark: { type: 'rule', color: COLORS.deadline, strokeWidth: 1, strokeDash: [4, 4], opacity: 0.6 }, encoding: { x: { ...xPlain, field: 'dl' } } }] : []),
    { data: { values: values.filter((v) => v.from !== null) }, mark: { type: 'rule', color: COLORS.band, strokeWidth: 6 }, encoding: { y, x: { ...xPlain, field: 'from' }, x2: { field: 'to' }, tooltip } },
    { data: { values: values.filter((v) => v.p50 !== null) }, mark: { type: 'point', filled: true, size: 80, color: COLORS.median, opacity: 1 }, encoding: { y, x, tooltip } },
    {
      data: { values: values.filter((v) => v.late) },
      mark: { type: 'point', shape: 'triangle-right', filled: true, size: 110, color: COLORS.late, opacity: 1 },
      encoding: { y, x: { ...xPlain, field: 'edge' }, tooltip },
    },
    {
      data: { values },
      // A vertical stroke in unit coordinates scaled by `size` (an area): about 14 px tall.
      mark: { type: 'point', shape: 'M 0 -1 L 0 1', size: 200, filled: false, color: COLORS.deadline, strokeWidth: 3, opacity: 1 },
      encoding: { y, x: { ...xPlain, field: 'dl' }, tooltip: [{ field: 'scenario', title: 'Scenario' }, { field: 'deadline', title: 'Its deadline' }] },
    },
    ...nameLayer(rows),
  ];
  const subtitle = [
    `Bar: 10th to 90th percentile of the completion date over ${table.runs.toLocaleString('en-US')} replications; dot: the median; red mark: the scenario's own deadline${table.deadlines_differ ? ' (they differ)' : ''}.`,
    ...(beyond ? ['Triangle at the right edge: the 90th percentile, or more, is after the simulation horizon.'] : []),
  ];
  return topLevel({ title: { text: 'When each course of action finishes', subtitle }, width: WIDTH, height: { step: ROW_PX }, layer: layers });
}
