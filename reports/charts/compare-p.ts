/**
 * The chance of finishing by the deadline in a comparison: each scenario's chance with its 95%
 * interval, and each variant's change against the reference with its paired 95% interval (the
 * same replications run in both), a zero line, and the changes whose interval includes 0 marked
 * "within noise", as the sensitivity report marks them.
 */
import type { CompareRow, CompareTable } from '../../sim/sweep/compare.ts';
import { withinNoise } from '../../sim/sweep/sensitivity.ts';
import type { VegaLiteSpec } from '../types.ts';
import { COLORS, PLOT_WIDTH, topLevel } from '../theme.ts';
import { percent } from '../run-headline.ts';
import { ROW_PX, TOOLTIP, changeCiText, deadlineText, nameLayer, pointsText, rowsY, scenarioDatum, scenarioLabels, scenarioRows } from './compare-rows.ts';

/** Width of the plot, px; the page narrows it in a narrow window. */
const WIDTH = PLOT_WIDTH - 60;

/** How a variant's change reads, and its colour: the legend's order. */
export const CHANGE_KINDS = [
  { kind: 'Better beyond noise', color: COLORS.us },
  { kind: 'Worse beyond noise', color: COLORS.late },
  { kind: 'Within noise (interval includes 0)', color: '#9a9a9a' },
] as const;

/** Each scenario's chance of finishing by its deadline: a dot with its 95% interval, one row per scenario. */
export function compareChanceSpec(table: CompareTable): VegaLiteSpec {
  const labels = scenarioLabels(table);
  const indexes = table.rows.map((_, i) => i);
  const rows = scenarioRows(indexes, (i) => `${labels[i]} · ${percent((table.rows[i] as CompareRow).p_by_deadline)}`);
  const values = table.rows.map((r, i) => ({ ...scenarioDatum(table, r, i, labels[i] as string), row: rows.bar(i), p: r.p_by_deadline, lo: r.p_by_deadline_ci95[0], hi: r.p_by_deadline_ci95[1] }));
  const y = rowsY(rows.keys);
  const x = { field: 'p', type: 'quantitative', scale: { domain: [0, 1], nice: false }, axis: { title: 'Chance to finish by the deadline (%)', format: '.0%', tickCount: 10, grid: true } };
  const own = table.deadlines_differ ? "each against its own deadline (they differ: see the table)" : `by ${deadlineText(table.rows[0] as CompareRow, 0)}`;
  return topLevel({
    title: {
      text: 'Chance of finishing by the deadline, by course of action',
      subtitle: [`Dot: the estimated chance, ${own}; bar: its 95% confidence interval, from ${table.runs.toLocaleString('en-US')} replications per scenario.`],
    },
    width: WIDTH,
    height: { step: ROW_PX },
    data: { values },
    layer: [
      { mark: { type: 'rule', color: COLORS.band, strokeWidth: 3 }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' }, tooltip: TOOLTIP } },
      { mark: { type: 'point', filled: true, size: 80, color: COLORS.median, opacity: 1 }, encoding: { y, x, tooltip: TOOLTIP } },
      ...nameLayer(rows),
    ],
  });
}

/**
 * Each variant's change in the chance against the reference, in percentage points, with its
 * paired 95% interval; a zero line for the reference. Coloured better, worse, or within noise.
 */
export function compareChangeSpec(table: CompareTable): VegaLiteSpec {
  const labels = scenarioLabels(table);
  const ref = table.rows[0] as CompareRow;
  const indexes = table.rows.map((_, i) => i).slice(1);
  const kindOf = (r: CompareRow): string => (CHANGE_KINDS[withinNoise(r) ? 2 : r.delta_p > 0 ? 0 : 1] as { kind: string }).kind;
  const rows = scenarioRows(indexes, (i) => {
    const r = table.rows[i] as CompareRow;
    return `${labels[i]} · ${pointsText(r.delta_p)}${withinNoise(r) ? ' (within noise)' : ''}`;
  });
  const values = indexes.map((i) => {
    const r = table.rows[i] as CompareRow;
    return { ...scenarioDatum(table, r, i, labels[i] as string), row: rows.bar(i), d: round(r.delta_p * 100), lo: round(r.delta_p_ci95[0] * 100), hi: round(r.delta_p_ci95[1] * 100), kind: kindOf(r) };
  });
  const ends = [0, ...values.flatMap((v) => [v.lo, v.hi])];
  const [lo, hi] = [Math.min(...ends), Math.max(...ends)];
  const pad = Math.max(1, (hi - lo) * 0.05);
  const y = rowsY(rows.keys);
  const x = { field: 'd', type: 'quantitative', scale: { domain: [lo - pad, hi + pad], nice: false, zero: false }, axis: { title: 'Change in the chance from the reference (percentage points; + is better)', tickCount: 8, labelExpr: "datum.value === 0 ? '0' : format(datum.value, '+d')", grid: true } };
  const color = { field: 'kind', type: 'nominal', scale: { domain: CHANGE_KINDS.map((k) => k.kind), range: CHANGE_KINDS.map((k) => k.color) }, legend: { title: null, orient: 'bottom', direction: 'vertical' } };
  const noisy = indexes.filter((i) => withinNoise(table.rows[i] as CompareRow)).length;
  return topLevel({
    title: {
      text: 'Change in the chance against the reference',
      subtitle: [
        `Dot: the variant's chance minus the reference's (${labels[0]}: ${percent(ref.p_by_deadline)}); bar: the paired 95% interval of that change, from the same ${table.runs.toLocaleString('en-US')} replications run in both.`,
        ...(noisy === 0 ? [] : [`(within noise): the interval includes 0, so ${table.runs.toLocaleString('en-US')} replications cannot tell which way the variant moves the chance; more --runs narrow it.`]),
      ],
    },
    width: WIDTH,
    height: { step: ROW_PX },
    layer: [
      {
        data: { values: [{ d: 0, label: `The reference, ${labels[0]}: ${percent(ref.p_by_deadline)}` }] },
        mark: { type: 'rule', color: COLORS.marker, strokeWidth: 1.5 },
        encoding: { x, tooltip: [{ field: 'label', title: 'Zero' }] },
      },
      { data: { values }, mark: { type: 'rule', strokeWidth: 3 }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' }, color, tooltip: TOOLTIP } },
      { data: { values }, mark: { type: 'point', filled: true, size: 80, opacity: 1 }, encoding: { y, x, color, tooltip: TOOLTIP } },
      ...nameLayer(rows),
    ],
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

