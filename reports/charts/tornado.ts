/**
 * Tornado charts of a one-at-a-time sensitivity table: for each input, one bar from the
 * baseline to the result with the input at its low value and one to the result at its high value,
 * largest swing on top, each bar's end labelled with the value the input took. One chart for the
 * chance of finishing by the deadline, one for the shift of the median completion date.
 */
import type { SensitivityRow, SensitivityTable } from '../../sim/sweep/sensitivity.ts';
import type { SweepRow } from '../../sim/sweep/sweep.ts';
import { valueText } from '../../sim/sweep/grid.ts';
import type { Layer, VegaLiteSpec } from '../types.ts';
import { COLORS, PLOT_WIDTH, emptyChart, topLevel } from '../theme.ts';
import { percent } from '../run-headline.ts';
import { DAY_MS, parseInstant, shortDayLabel } from '../time.ts';
import { ciText, clip, compactValue, dateText, signed } from './sweep-data.ts';

/** Bar colours: the input at its low value, at its high value. */
export const SIDE_COLORS = { low: COLORS.late, high: COLORS.us } as const;

const SIDES = [
  { key: 'low', title: 'Input at its low value' },
  { key: 'high', title: 'Input at its high value' },
] as const;

/** Width of the plot (the input names take the rest of the page), px. */
const WIDTH = PLOT_WIDTH - 120;
/** Characters of a value shown at a bar's end (the tooltip has it whole). */
const LABEL_CHARS = 34;

interface Bar {
  input: string;
  side: string;
  value: string;
  from: number;
  to: number;
  label: string;
  [k: string]: unknown;
}

/** A value short enough for a bar's end. */
function shortValue(text: string): string {
  return clip(compactValue(text), LABEL_CHARS);
}

/** The x domain that leaves room for the end labels on both sides, and ticks inside [min, max]. */
function roomyDomain(values: number[], labels: string[], limits: [number, number], step: number): { domain: [number, number]; ticks: number[] } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = Math.max(hi - lo, step);
  const room = Math.min(250, 10 + 6.4 * Math.max(4, ...labels.map((l) => l.length)));
  const pad = (span * room) / Math.max(80, WIDTH - 2 * room);
  const domain: [number, number] = [lo - pad, hi + pad];
  const first = Math.ceil(Math.max(domain[0], limits[0]) / step);
  const last = Math.floor(Math.min(domain[1], limits[1]) / step);
  const ticks = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => Number(((first + i) * step).toFixed(6)));
  return { domain, ticks };
}

/** A tick step that gives at most about eight ticks over `span`. */
function tickStep(span: number, steps: number[]): number {
  return steps.find((s) => span / s <= 8) ?? (steps[steps.length - 1] as number);
}

/** The bars' layers: the bars, the end labels (outwards from the baseline) and the baseline rule. */
function tornadoLayers(order: string[], x: Record<string, unknown>, tooltip: Layer[], baseline: { at: number; label: string }): Layer[] {
  const y = { field: 'input', type: 'nominal', sort: order, axis: { title: null, labelLimit: 250, labelFontSize: 12 } };
  const yOffset = { field: 'side', type: 'nominal', sort: SIDES.map((s) => s.key) };
  const color = {
    field: 'sideTitle',
    type: 'nominal',
    scale: { domain: SIDES.map((s) => s.title), range: [SIDE_COLORS.low, SIDE_COLORS.high] },
    legend: { title: null, orient: 'bottom' },
  };
  const end = (test: string, right: boolean): Layer => ({
    transform: [{ filter: test }],
    mark: { type: 'text', fontSize: 11, baseline: 'middle', align: right ? 'left' : 'right', dx: right ? 4 : -4, color: '#333' },
    encoding: { y, yOffset, x: { ...x, field: 'to' }, text: { field: 'label' }, tooltip },
  });
  return [
    { mark: { type: 'bar', height: { band: 0.9 } }, encoding: { y, yOffset, x: { ...x, field: 'from' }, x2: { field: 'to' }, color, tooltip } },
    end('datum.to >= datum.from', true),
    end('datum.to < datum.from', false),
    {
      data: { values: [{ at: baseline.at, label: baseline.label }] },
      mark: { type: 'rule', color: COLORS.marker, strokeWidth: 1.5 },
      encoding: { x: { ...x, field: 'at' }, tooltip: [{ field: 'label', title: 'Baseline' }] },
    },
    {
      data: { values: [{ at: baseline.at, label: baseline.label }] },
      mark: { type: 'text', color: COLORS.marker, fontWeight: 600, fontSize: 12, baseline: 'bottom', y: 0, dy: -4, clip: false },
      encoding: { x: { ...x, field: 'at' }, text: { field: 'label' } },
    },
  ];
}

function sideRow(r: SensitivityRow, side: 'low' | 'high'): SweepRow {
  return side === 'low' ? r.low_row : r.high_row;
}

/** Tornado of P(by deadline): bars from the baseline chance to the chance at each input's low and high value. */
export function tornadoPSpec(table: SensitivityTable): VegaLiteSpec {
  const title = 'What moves the chance of finishing by the deadline';
  if (table.rows.length === 0) return emptyChart(title, 'The scenario has no uncertain input to move.');
  const base = table.baseline.p_by_deadline;
  const bars: Bar[] = table.rows.flatMap((r) =>
    SIDES.map(({ key, title: sideTitle }) => {
      const row = sideRow(r, key);
      const value = valueText(r[key]);
      return {
        input: r.path,
        side: key,
        sideTitle,
        value,
        from: base,
        to: row.p_by_deadline,
        label: `${shortValue(value)}: ${percent(row.p_by_deadline)}`,
        pText: percent(row.p_by_deadline),
        ci: ciText(row.p_by_deadline_ci95),
        change: `${signed((row.p_by_deadline - base) * 100, 1)} points`,
        range: r.source === 'declared' ? 'declared in the scenario' : 'default range',
      };
    }),
  );
  const values = [base, ...bars.map((b) => b.to)];
  const step = tickStep(Math.max(...values) - Math.min(...values), [0.01, 0.02, 0.05, 0.1, 0.2, 0.25]);
  const { domain, ticks } = roomyDomain(values, bars.map((b) => b.label), [0, 1], step);
  const x = { type: 'quantitative', scale: { domain, nice: false, zero: false }, axis: { title: 'Chance to finish by the deadline (%)', format: '.0%', values: ticks } };
  const tooltip = [
    { field: 'input', title: 'Input' },
    { field: 'value', title: 'Value' },
    { field: 'pText', title: 'Chance by the deadline' },
    { field: 'ci', title: '95% interval' },
    { field: 'change', title: 'Change from the baseline' },
    { field: 'range', title: 'Range' },
  ];
  return topLevel({
    title: {
      text: title,
      subtitle: [
        `Each input moved alone to its low and high value, all else at the baseline (${percent(base)}); largest swing on top. ${table.runs.toLocaleString('en-US')} replications per bar, on common random numbers.`,
        ...noEffect(table.rows.filter((r) => r.low_row.p_by_deadline === base && r.high_row.p_by_deadline === base), 'chance'),
      ],
    },
    width: WIDTH,
    height: { step: 46 },
    data: { values: bars },
    layer: tornadoLayers(table.rows.map((r) => r.path), x, tooltip, { at: base, label: `Baseline ${percent(base)}` }),
  });
}

/**
 * A line naming the inputs that drew no bar because neither value moved the result: without it,
 * an empty row reads as a drawing fault rather than as "this input does not matter here".
 */
function noEffect(rows: SensitivityRow[], what: string): string[] {
  if (rows.length === 0) return [];
  const names = clip(rows.map((r) => r.path).join(', '), 120);
  return [`No bar for ${names}: neither ${rows.length === 1 ? 'its' : 'their'} low nor ${rows.length === 1 ? 'its' : 'their'} high value changed the ${what} from the baseline.`];
}

/**
 * Tornado of the median completion date: bars from the baseline median (0) to the shift, in days,
 * with each input at its low and high value; a median past the horizon runs to the far edge.
 */
export function tornadoDaysSpec(table: SensitivityTable): VegaLiteSpec {
  const title = 'What moves the median completion date';
  if (table.rows.length === 0) return emptyChart(title, 'The scenario has no uncertain input to move.');
  const baseIso = table.baseline.completion.p50;
  if (baseIso === null) return emptyChart(title, 'At the baseline fewer than half the runs finish inside the horizon, so there is no median date to shift.');
  const baseMs = parseInstant(baseIso, 'sensitivity baseline completion.p50');
  const shift = (row: SweepRow): number | null => (row.completion.p50 === null ? null : (parseInstant(row.completion.p50, 'sensitivity completion.p50') - baseMs) / DAY_MS);
  const swing = (r: SensitivityRow): number => {
    const [a, b] = [shift(r.low_row), shift(r.high_row)];
    return a === null || b === null ? Infinity : Math.abs(b - a);
  };
  // Ranked by this chart's own swing; a median pushed past the horizon is the largest.
  const ranked = [...table.rows].sort((a, b) => swing(b) - swing(a));
  const known = ranked.flatMap((r) => [shift(r.low_row), shift(r.high_row)]).filter((d): d is number => d !== null);
  const far = Math.max(0, ...known) + Math.max(5, (Math.max(0, ...known) - Math.min(0, ...known)) * 0.15);
  const bars: Bar[] = ranked.flatMap((r) =>
    SIDES.map(({ key, title: sideTitle }) => {
      const row = sideRow(r, key);
      const d = shift(row);
      const value = valueText(r[key]);
      return {
        input: r.path,
        side: key,
        sideTitle,
        value,
        from: 0,
        to: Number((d ?? far).toFixed(3)),
        label: `${shortValue(value)}: ${d === null ? 'after the horizon' : `${signed(d, 1)} d`}`,
        median: dateText(row.completion.p50, 'sensitivity completion.p50'),
        change: d === null ? 'the median is after the horizon' : `${signed(d, 1)} days`,
        pText: percent(row.p_by_deadline),
        range: r.source === 'declared' ? 'declared in the scenario' : 'default range',
      };
    }),
  );
  const values = [0, ...bars.map((b) => b.to)];
  const step = tickStep(Math.max(...values) - Math.min(...values), [1, 2, 5, 7, 14, 30, 60, 90]);
  const { domain, ticks } = roomyDomain(values, bars.map((b) => b.label), [-Infinity, Infinity], step);
  const x = { type: 'quantitative', scale: { domain, nice: false, zero: false }, axis: { title: 'Shift of the median completion date (days; + is later)', values: ticks, format: '+d' } };
  const tooltip = [
    { field: 'input', title: 'Input' },
    { field: 'value', title: 'Value' },
    { field: 'median', title: 'Median completion' },
    { field: 'change', title: 'Shift from the baseline' },
    { field: 'pText', title: 'Chance by the deadline' },
    { field: 'range', title: 'Range' },
  ];
  return topLevel({
    title: {
      text: title,
      subtitle: [
        `Days the median completion moves from the baseline's ${shortDayLabel(baseMs)} when each input moves alone to its low and high value; largest swing on top.`,
        ...noEffect(ranked.filter((r) => shift(r.low_row) === 0 && shift(r.high_row) === 0), 'median date'),
      ],
    },
    width: WIDTH,
    height: { step: 46 },
    data: { values: bars },
    layer: tornadoLayers(ranked.map((r) => r.path), x, tooltip, { at: 0, label: `Baseline median ${shortDayLabel(baseMs)}` }),
  });
}
