/**
 * The fan chart: what is left at the bases each day, cargo (ST) and personnel, as the P10-P90
 * band across runs and the median, with the deadline and the bases' median closure dates marked.
 */
import type { Summary } from '../../sim/batch/types.ts';
import { runsText } from '../words.ts';
import type { Layer, VegaLiteSpec } from '../types.ts';
import { baseLabel, type RunFacts } from '../facts.ts';
import { COLORS, PLOT_WIDTH, deadlineLayers, emptyChart, timeAxisFor, topLevel, withHalo } from '../theme.ts';
import { DAY_MS, dayLabel, isoMinute, parseInstant, shortDayLabel } from '../time.ts';
import { columns } from '../columns.ts';
import { clearanceBlockLayers, clearanceBlocks, clearanceBlocksText } from './clearance-blocks.ts';

const PANEL_HEIGHT = 200;
const BASE_COLORS = ['#1f4e89', '#d1495b', '#2a9d8f', '#e9a03b', '#6a4c93', '#5c5c5c'];

interface Panel {
  key: 'cargoST' | 'personnel';
  title: string;
  unit: string;
}

const PANELS: Panel[] = [
  { key: 'cargoST', title: 'Cargo still at the bases (ST)', unit: 'ST' },
  { key: 'personnel', title: 'Personnel still at the bases', unit: 'people' },
];

/** The fan chart of cargo and personnel remaining per day; all bases together when the summary has them. */
export function fanSpec(summary: Summary, facts: RunFacts): VegaLiteSpec {
  const title = 'What is left at the bases, day by day';
  const hasAll = summary.fan.some((p) => p.base === 'all');
  const points = summary.fan.filter((p) => (hasAll ? p.base === 'all' : true));
  if (points.length === 0) return emptyChart(title, 'The summary has no daily fan data.');
  const series = [...new Set(points.map((p) => p.base))];
  const seriesLabel = (b: string): string => (b === 'all' ? 'All bases' : baseLabel(summary, b));
  const times = points.map((p, i) => parseInstant(p.date, `summary.fan[${i}].date`));
  const lo = Math.min(facts.startMs, ...times);
  const hi = Math.max(facts.deadlineMs, ...times) + 3 * DAY_MS;
  const x = { field: 'date', type: 'temporal', scale: { type: 'utc', domain: [Math.round(lo), Math.round(hi)] }, axis: timeAxisFor(lo, hi) };
  const closing = facts.baseIds.flatMap((id) => {
    const iso = summary.bases[id]?.closed.p50 ?? null;
    return iso === null ? [] : [{ id, t: parseInstant(iso, `summary.bases.${id}.closed.p50`) }];
  });
  // Earliest on top: each rule starts at its own label's row, so a later base's rule passes below
  // the earlier labels, and no closure rule runs through the deadline's label at the very top.
  const closures = closing
    .sort((a, b) => a.t - b.t)
    .map(({ id, t }, i) => ({ date: isoMinute(t), label: `${id} closes ${shortDayLabel(t)}`, py: 20 + 15 * i, bottom: PANEL_HEIGHT, day: dayLabel(t), base: baseLabel(summary, id) }));
  const blocks = clearanceBlocks(summary, facts);
  const multi = series.length > 1;
  const color = multi
    ? { field: 'series', type: 'nominal', scale: { domain: series.map(seriesLabel), range: BASE_COLORS }, legend: { title: null, columns: 2 } }
    : undefined;
  // Labelled at the bottom: in a block nothing leaves, so the curves stay high above the label.
  const bands = clearanceBlockLayers(blocks, x, 'bottom');
  const panel = (p: Panel): Layer => {
    const cols = columns(
      points.map((f, i) => ({ date: isoMinute(times[i] ?? 0), series: seriesLabel(f.base), lo: f[p.key].p10, mid: f[p.key].p50, hi: f[p.key].p90 })),
      ['date', 'series', 'lo', 'mid', 'hi'],
      ['date'],
    );
    const unit = JSON.stringify(` ${p.unit}`);
    const transform = [
      ...cols.transform,
      { calculate: "utcFormat(datum.date, '%-d %b %Y')", as: 'day' },
      { calculate: `format(datum.mid, ',.0f') + ${unit}`, as: 'median' },
      { calculate: `format(datum.lo, ',.0f') + ' – ' + format(datum.hi, ',.0f') + ${unit}`, as: 'range' },
    ];
    const tooltip = [
      { field: 'day', title: 'End of day (UTC)' },
      ...(multi ? [{ field: 'series', title: 'Base' }] : []),
      { field: 'median', title: 'Median run' },
      { field: 'range', title: 'P10 – P90 of runs' },
    ];
    return {
      width: PLOT_WIDTH,
      height: PANEL_HEIGHT,
      title: { text: p.title, fontSize: 13 },
      // One copy of the data for the band, the median and its hover targets.
      data: { values: cols.values },
      transform,
      layer: [
        ...bands.under,
        {
          mark: { type: 'area', opacity: multi ? 0.2 : 0.3, color: COLORS.band },
          encoding: { x, y: { field: 'lo', type: 'quantitative', axis: { title: `Remaining (${p.unit})` } }, y2: { field: 'hi' }, ...(color ? { color } : {}) },
        },
        {
          mark: { type: 'line', strokeWidth: 2, color: COLORS.median },
          encoding: { x, y: { field: 'mid', type: 'quantitative' }, ...(color ? { color } : {}) },
        },
        {
          mark: { type: 'point', opacity: 0, size: 60 },
          encoding: { x, y: { field: 'mid', type: 'quantitative' }, tooltip },
        },
        ...deadlineLayers(facts.deadlineMs, x),
        ...closureLayers(closures, x),
        ...bands.over,
      ],
    };
  };
  return topLevel({
    title: {
      text: title,
      subtitle: `Line: the median of ${runsText(summary.runs)}; shaded band: 10th to 90th percentile. ${closureLinesText(summary, facts, closures.length)} ${clearanceBlocksText(blocks)}`.trim(),
    },
    vconcat: PANELS.map(panel),
    resolve: { scale: { x: 'shared' } },
  });
}

/**
 * Dotted rules at the bases' median closure dates, each from its label's row (`py`, px) down to
 * the plot's bottom (`bottom`, px),
 * labelled below the deadline's label. The labels have a white halo, so the deadline's rule, which
 * a late closure's label can reach, passes behind the words rather than through them.
 */
function closureLayers(closures: Array<Record<string, unknown>>, x: { field: string } & Layer): Layer[] {
  if (closures.length === 0) return [];
  // At the top, right of the rule: when a base closes, what is left is near zero, so the top is free.
  const text = { type: 'text', align: 'left', baseline: 'top', dx: 4, fontSize: 11 };
  const y = { field: 'py', type: 'quantitative', scale: null };
  return [
    {
      data: { values: closures },
      mark: { type: 'rule', color: COLORS.closure, strokeDash: [2, 3], strokeWidth: 1.5 },
      encoding: { x, y, y2: { field: 'bottom' }, tooltip: [{ field: 'base', title: 'Base' }, { field: 'day', title: 'Median closure' }] },
    },
    ...withHalo({ data: { values: closures }, mark: { ...text, color: COLORS.closure }, encoding: { x, y, text: { field: 'label' } } }),
  ];
}

/** What the grey lines are, naming the bases that have none because fewer than half their runs closed them by the horizon. */
function closureLinesText(summary: Summary, facts: RunFacts, drawn: number): string {
  const open = facts.baseIds.filter((id) => (summary.bases[id]?.closed.p50 ?? null) === null);
  if (open.length === 0) return 'Grey lines: median closure date of each base.';
  if (drawn === 0) return 'No closure lines: every base was still open at the horizon in at least half the runs.';
  return `Grey lines: median closure date of each base; ${open.join(', ')} ${open.length === 1 ? 'has' : 'have'} none: still open at the horizon in at least half the runs.`;
}
