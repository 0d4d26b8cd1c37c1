/**
 * Ramp occupancy: per base, the mean number of ramp spots held each day by US and by Russian
 * aircraft (stacked), on a scale fitted to the data, with the number of spots when it is near.
 */
import type { Summary } from '../../sim/batch/types.ts';
import type { Layer, VegaLiteSpec } from '../types.ts';
import { baseLabel, type RunFacts } from '../facts.ts';
import { COLORS, PLOT_WIDTH, deadlineLayers, emptyChart, timeAxisFor, topLevel, withHalo } from '../theme.ts';
import { DAY_MS, isoMinute, parseInstant } from '../time.ts';
import { columns } from '../columns.ts';
import { percent } from '../run-headline.ts';
import { clearanceBlockLayers, clearanceBlocks, clearanceBlocksText } from './clearance-blocks.ts';

export const OWNERS = ['US aircraft', 'Russian aircraft'] as const;

/** Turns per-day `us` and `ru` columns into stacked rows: `owner` (label), `n` (aircraft), `order`. */
export const OWNER_FOLD: Layer[] = [
  { fold: ['us', 'ru'], as: ['who', 'n'] },
  { calculate: `datum.who === 'us' ? '${OWNERS[0]}' : '${OWNERS[1]}'`, as: 'owner' },
  { calculate: "datum.who === 'us' ? 0 : 1", as: 'order' },
];

/** A colour scale for US vs Russian aircraft, the same in every chart that shows both. */
export const OWNER_COLOR = { field: 'owner', type: 'nominal', scale: { domain: [...OWNERS], range: [COLORS.us, COLORS.ru] }, legend: { title: null } };

/**
 * How a panel's y scale is set. The data are daily means (24 h time-averages, averaged over the
 * runs), often a small fraction of an aircraft, so the scale follows the data; the number of
 * spots is drawn only when the busiest day comes within half of it, else it would flatten the
 * data to a line at zero.
 */
export function rampScale(peak: number, spots: number): { top: number; showSpots: boolean } {
  const showSpots = spots > 0 && spots <= 2 * peak;
  return { top: showSpots ? Math.max(spots, peak) : peak > 0 ? peak : 1, showSpots };
}

/** A dashed rule at the number of ramp spots, labelled at its left end (white halo: it may sit over the areas). */
export function spotsRuleLayers(spots: number): Layer[] {
  const data = { values: [{ n: spots, label: `${spots} ramp spots (full ramp)` }] };
  const y = { field: 'n', type: 'quantitative' };
  return [
    { data, mark: { type: 'rule', color: COLORS.capacity, strokeDash: [4, 3], strokeWidth: 1.5 }, encoding: { y } },
    ...withHalo({ data, mark: { type: 'text', color: COLORS.capacity, align: 'left', baseline: 'bottom', x: 4, dy: -3, fontSize: 11 }, encoding: { y, text: { field: 'label' } } }),
  ];
}

/** Per-base stacked areas of mean ramp occupancy, US vs Russian, each on a scale fitted to its data. */
export function rampSpec(summary: Summary, facts: RunFacts): VegaLiteSpec {
  const title = 'Ramp occupancy: US vs Russian aircraft';
  if (summary.ramp.length === 0) return emptyChart(title, 'The summary has no ramp occupancy data.');
  const times = summary.ramp.map((r, i) => parseInstant(r.date, `summary.ramp[${i}].date`));
  const lo = Math.min(...times);
  const hi = Math.max(facts.deadlineMs, ...times) + 3 * DAY_MS;
  const x = { field: 'date', type: 'temporal', scale: { type: 'utc', domain: [Math.round(lo), Math.round(hi)] }, axis: timeAxisFor(lo, hi) };
  const bases = facts.baseIds.filter((id) => summary.ramp.some((r) => r.base === id));
  const blocks = clearanceBlocks(summary, facts);
  // Labelled at the top: in a block no US aircraft lands, so the areas are low there.
  const bands = clearanceBlockLayers(blocks, x, 'top');
  const datasets: Record<string, unknown[]> = {};
  const panel = (id: string, index: number): Layer => {
    const rows = summary.ramp.map((r, i) => ({ r, t: times[i] ?? 0 })).filter(({ r }) => r.base === id);
    const peak = Math.max(0, ...rows.map(({ r }) => r.us + r.ru));
    const spots = Math.max(0, ...rows.map(({ r }) => r.spots));
    const { top, showSpots } = rampScale(peak, spots);
    const y = { field: 'n', type: 'quantitative', stack: 'zero', scale: { domain: [0, top], nice: true }, axis: { title: 'Aircraft (daily mean)' } };
    // One dataset per base, in columns, shared by the stacked areas and the hover targets.
    const cols = columns(rows.map(({ r, t }) => ({ date: isoMinute(t), us: r.us, ru: r.ru, spots: r.spots })), ['date', 'us', 'ru', 'spots'], ['date']);
    const name = `ramp-${index}`;
    datasets[name] = cols.values;
    const busiest = spots > 0 ? `, ${percent(peak / spots)} of the ${spots} spots` : '';
    const spotsLayers = showSpots ? spotsRuleLayers(spots) : [];
    return {
      width: PLOT_WIDTH,
      height: 140,
      title: {
        text: baseLabel(summary, id),
        subtitle: `Busiest day: ${peak.toFixed(2)} aircraft on average${busiest}.${showSpots || spots === 0 ? '' : ` The ${spots} spots are far above this scale.`}`,
        fontSize: 13,
      },
      layer: [
        ...bands.under,
        {
          data: { name },
          transform: [...cols.transform, ...OWNER_FOLD],
          mark: { type: 'area', interpolate: 'step-after', opacity: 0.85 },
          encoding: { x, y, order: { field: 'order', type: 'quantitative' }, color: OWNER_COLOR },
        },
        ...spotsLayers,
        {
          data: { name },
          transform: [
            ...cols.transform,
            { calculate: "utcFormat(datum.date, '%-d %b %Y')", as: 'day' },
            { calculate: 'datum.spots > 0 ? (datum.us + datum.ru) / datum.spots : 0', as: 'inUse' },
          ],
          mark: { type: 'rule', opacity: 0, strokeWidth: 6 },
          encoding: {
            x,
            tooltip: [
              { field: 'day', title: 'Day (UTC)' },
              { field: 'us', title: 'US aircraft (daily mean)', format: '.2f' },
              { field: 'ru', title: 'Russian aircraft (daily mean)', format: '.2f' },
              { field: 'spots', title: 'Ramp spots' },
              { field: 'inUse', title: 'Share of spots in use', format: '.1%' },
            ],
          },
        },
        // Above the plot: the areas now fill it, and the label would cover the last days.
        ...deadlineLayers(facts.deadlineMs, x, '', 'above'),
        ...bands.over,
      ],
    };
  };
  return topLevel({
    title: {
      text: title,
      // A run that has finished has no ramp record for later days, so late days rest on fewer runs.
      subtitle: [
        'Aircraft holding a ramp spot, averaged over each day (24 h) and over the runs still going that day: late days rest on few runs.',
        'Each base has its own scale; a dashed line marks the number of spots when the data come near it.',
        ...(blocks.length === 0 ? [] : [clearanceBlocksText(blocks)]),
      ],
    },
    vconcat: bases.map(panel),
    datasets,
    resolve: { scale: { x: 'shared' } },
  });
}
