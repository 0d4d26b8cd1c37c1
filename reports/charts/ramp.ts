/**
 * Ramp occupancy: per base, the mean number of ramp spots held each day by US and by Russian
 * aircraft (stacked), against the number of spots.
 */
import type { Summary } from '../../sim/batch/types.ts';
import type { Layer, VegaLiteSpec } from '../types.ts';
import { baseLabel, type RunFacts } from '../facts.ts';
import { COLORS, PLOT_WIDTH, deadlineLayers, emptyChart, timeAxisFor, topLevel } from '../theme.ts';
import { DAY_MS, isoMinute, parseInstant } from '../time.ts';
import { columns } from '../columns.ts';

export const OWNERS = ['US aircraft', 'Russian aircraft'] as const;

/** Turns per-day `us` and `ru` columns into stacked rows: `owner` (label), `n` (aircraft), `order`. */
export const OWNER_FOLD: Layer[] = [
  { fold: ['us', 'ru'], as: ['who', 'n'] },
  { calculate: `datum.who === 'us' ? '${OWNERS[0]}' : '${OWNERS[1]}'`, as: 'owner' },
  { calculate: "datum.who === 'us' ? 0 : 1", as: 'order' },
];

/** A colour scale for US vs Russian aircraft, the same in every chart that shows both. */
export const OWNER_COLOR = { field: 'owner', type: 'nominal', scale: { domain: [...OWNERS], range: [COLORS.us, COLORS.ru] }, legend: { title: null } };

/** Per-base stacked areas of mean ramp occupancy, US vs Russian, with the ramp's spots as a line. */
export function rampSpec(summary: Summary, facts: RunFacts): VegaLiteSpec {
  const title = 'Ramp occupancy: US vs Russian aircraft';
  if (summary.ramp.length === 0) return emptyChart(title, 'The summary has no ramp occupancy data.');
  const times = summary.ramp.map((r, i) => parseInstant(r.date, `summary.ramp[${i}].date`));
  const lo = Math.min(...times);
  const hi = Math.max(facts.deadlineMs, ...times) + 3 * DAY_MS;
  const x = { field: 'date', type: 'temporal', scale: { type: 'utc', domain: [Math.round(lo), Math.round(hi)] }, axis: timeAxisFor(lo, hi) };
  const bases = facts.baseIds.filter((id) => summary.ramp.some((r) => r.base === id));
  const datasets: Record<string, unknown[]> = {};
  const panel = (id: string, index: number): Layer => {
    const rows = summary.ramp.map((r, i) => ({ r, t: times[i] ?? 0 })).filter(({ r }) => r.base === id);
    // One dataset per base, in columns, shared by the stacked areas, the spots line and the hover targets.
    const cols = columns(rows.map(({ r, t }) => ({ date: isoMinute(t), us: r.us, ru: r.ru, spots: r.spots })), ['date', 'us', 'ru', 'spots'], ['date']);
    const name = `ramp-${index}`;
    datasets[name] = cols.values;
    return {
      width: PLOT_WIDTH,
      height: 140,
      title: { text: baseLabel(summary, id), fontSize: 13 },
      layer: [
        {
          data: { name },
          transform: [...cols.transform, ...OWNER_FOLD],
          mark: { type: 'area', interpolate: 'step-after', opacity: 0.85 },
          encoding: {
            x,
            y: { field: 'n', type: 'quantitative', stack: 'zero', axis: { title: 'Aircraft on ramp', tickMinStep: 1 } },
            order: { field: 'order', type: 'quantitative' },
            color: OWNER_COLOR,
          },
        },
        {
          data: { name },
          transform: cols.transform,
          mark: { type: 'line', interpolate: 'step-after', color: COLORS.capacity, strokeDash: [4, 3], strokeWidth: 1.5 },
          encoding: { x, y: { field: 'spots', type: 'quantitative' } },
        },
        {
          data: { name },
          transform: [...cols.transform, { calculate: "utcFormat(datum.date, '%-d %b %Y')", as: 'day' }],
          mark: { type: 'rule', opacity: 0, strokeWidth: 6 },
          encoding: {
            x,
            tooltip: [
              { field: 'day', title: 'Day (UTC)' },
              { field: 'us', title: 'US aircraft (mean)', format: '.2f' },
              { field: 'ru', title: 'Russian aircraft (mean)', format: '.2f' },
              { field: 'spots', title: 'Ramp spots' },
            ],
          },
        },
        ...deadlineLayers(facts.deadlineMs, x),
      ],
    };
  };
  return topLevel({
    title: { text: title, subtitle: 'Mean number of aircraft holding a ramp spot each day, averaged over runs. Dashed line: ramp spots.' },
    vconcat: bases.map(panel),
    datasets,
    resolve: { scale: { x: 'shared' } },
  });
}
