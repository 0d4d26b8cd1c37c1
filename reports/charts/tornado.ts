/**
 * Tornado charts of a one-at-a-time sensitivity table: for each input, one bar from the
 * baseline to the result with the input at its low value and one to the result at its high value,
 * largest swing on top, each bar's end labelled with the value the input took. One chart for the
 * chance of finishing by the deadline, one for the shift of the median completion date.
 */
import type { SensitivityRow, SensitivityTable } from '../../sim/sweep/sensitivity.ts';
import type { SweepRow } from '../../sim/sweep/sweep.ts';
import { valueText } from '../../sim/sweep/grid.ts';
import { withinNoise } from '../../sim/sweep/sensitivity.ts';
import type { Layer, VegaLiteSpec } from '../types.ts';
import { COLORS, PLOT_WIDTH, emptyChart, topLevel, wrapLines } from '../theme.ts';
import { percent } from '../run-headline.ts';
import { DAY_MS, parseInstant, shortDayLabel } from '../time.ts';
import { ciText, clip, compactValue, dateText, signed } from './sweep-data.ts';

/** Bar colours: the input at its low value, at its high value. */
export const SIDE_COLORS = { low: COLORS.late, high: COLORS.us } as const;

const SIDES = [
  { key: 'low', title: 'Input at its low value' },
  { key: 'high', title: 'Input at its high value' },
] as const;

/** Width of the plot (the values take the rest of the page), px; the page narrows it in a narrow window. */
const WIDTH = PLOT_WIDTH - 120;
/** Characters of a value shown at a bar's end (the tooltip has it whole). */
const LABEL_CHARS = 48;
/** Height of one row (an input's name, or one of its bars), px. */
const ROW_PX = 22;
/**
 * Joins a row's label to its unique key. The y scale needs one key per row, and two inputs can
 * share a value ("2"), so the key is `label SEP input-index side`; the axis shows what is before SEP.
 */
const SEP = '\u001f';

interface Bar {
  input: string;
  side: string;
  value: string;
  from: number;
  to: number;
  label: string;
  [k: string]: unknown;
}

/** A value short enough for the axis (the tooltip has it whole). */
function shortValue(text: string): string {
  return clip(compactValue(text), LABEL_CHARS);
}

/**
 * The y rows, top to bottom: each input's name (marked when its change is within noise), then
 * its low and high value; `row` gives a bar's key.
 */
function rowKeys(order: string[], values: Map<string, { low: string; high: string }>, noisy: ReadonlySet<string> = new Set()): { keys: string[]; row: (input: string, side: 'low' | 'high') => string } {
  const row = (input: string, side: 'low' | 'high' | 'name'): string => {
    const i = order.indexOf(input);
    const v = values.get(input);
    const name = noisy.has(input) ? `${input} ${NOISE_MARK}` : input;
    return `${side === 'name' ? name : shortValue(v?.[side] ?? '')}${SEP}${i}${side}`;
  };
  return { keys: order.flatMap((input) => [row(input, 'name'), row(input, 'low'), row(input, 'high')]), row };
}

/**
 * The x domain with room for the end labels on both sides, as vega expressions of the plot's
 * width (px), which the page narrows in a narrow window: the room is kept in pixels, not in
 * data units. Ticks stay inside the data's range and `limits`, so they are inside the domain at any width.
 */
function roomyDomain(values: number[], labels: string[], limits: [number, number], step: number): { domain: Array<{ expr: string }>; ticks: number[] } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = Math.max(hi - lo, step);
  const room = 12 + 7 * Math.max(4, ...labels.map((l) => l.length));
  const pad = `(${span} * ${room} / max(60, width - ${2 * room}))`;
  const domain = [{ expr: `${lo} - ${pad}` }, { expr: `${hi} + ${pad}` }];
  const first = Math.ceil(Math.max(lo, limits[0]) / step - 1e-9);
  const last = Math.floor(Math.min(hi, limits[1]) / step + 1e-9);
  const ticks = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => Number(((first + i) * step).toFixed(6)));
  return { domain, ticks };
}

/** A tick step that gives at most about six ticks over `span`. */
function tickStep(span: number, steps: number[]): number {
  return steps.find((s) => span / s <= 6) ?? (steps[steps.length - 1] as number);
}

/**
 * The bars' layers: the bars, the end labels (outwards from the baseline) and the baseline rule.
 * Rows, not a left column of names, carry the inputs: each input's name in bold on its own row,
 * then its low and high value, each beside its bar; so the left column is as wide as a value and
 * the end labels hold only the result, which keeps the plot wide enough in a narrow window.
 */
function tornadoLayers(keys: string[], x: Record<string, unknown>, tooltip: Layer[], baseline: { at: number; label: string }): Layer[] {
  const isName = `indexof(datum.value, '${SEP}') >= 0 && slice(datum.value, -4) === 'name'`;
  const y = {
    field: 'row',
    type: 'nominal',
    sort: keys,
    scale: { domain: keys, paddingInner: 0.15, paddingOuter: 0.3 },
    axis: {
      title: null,
      ticks: false,
      domain: false,
      labelExpr: `split(datum.value, '${SEP}')[0]`,
      labelLimit: 0,
      labelFontSize: { condition: { test: isName, value: 13 }, value: 11 },
      labelFontWeight: { condition: { test: isName, value: 600 }, value: 400 },
      labelColor: { condition: { test: isName, value: '#111' }, value: '#444' },
    },
  };
  const color = {
    field: 'sideTitle',
    type: 'nominal',
    scale: { domain: SIDES.map((s) => s.title), range: [SIDE_COLORS.low, SIDE_COLORS.high] },
    legend: { title: null, orient: 'bottom' },
  };
  const end = (test: string, right: boolean): Layer => ({
    transform: [{ filter: test }],
    mark: { type: 'text', fontSize: 11, baseline: 'middle', align: right ? 'left' : 'right', dx: right ? 4 : -4, color: '#333' },
    encoding: { y, x: { ...x, field: 'to' }, text: { field: 'label' }, tooltip },
  });
  return [
    { mark: { type: 'bar' }, encoding: { y, x: { ...x, field: 'from' }, x2: { field: 'to' }, color, tooltip } },
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

/** Beside an input's name in the chance chart when its change is within noise. */
const NOISE_MARK = '(within noise)';


/** The paired 95% interval of an input's change in the chance, in signed points (`−0.9 to +0.1`), marked when within noise. */
export function changeCiText(r: SensitivityRow): string {
  const [lo, hi] = r.delta_p_ci95;
  return `${signed(lo * 100, 1)} to ${signed(hi * 100, 1)}${withinNoise(r) ? ' (within noise)' : ''}`;
}

/** Each input's low and high value as written. */
function valueTexts(table: SensitivityTable): Map<string, { low: string; high: string }> {
  return new Map(table.rows.map((r) => [r.path, { low: valueText(r.low), high: valueText(r.high) }]));
}

function sideRow(r: SensitivityRow, side: 'low' | 'high'): SweepRow {
  return side === 'low' ? r.low_row : r.high_row;
}

/** Tornado of P(by deadline): bars from the baseline chance to the chance at each input's low and high value. */
export function tornadoPSpec(table: SensitivityTable): VegaLiteSpec {
  const title = 'What moves the chance of finishing by the deadline';
  if (table.rows.length === 0) return emptyChart(title, 'The scenario has no uncertain input to move.');
  const base = table.baseline.p_by_deadline;
  const noisy = table.rows.filter(withinNoise);
  const { keys, row: rowKey } = rowKeys(table.rows.map((r) => r.path), valueTexts(table), new Set(noisy.map((r) => r.path)));
  const bars: Bar[] = table.rows.flatMap((r) =>
    SIDES.map(({ key, title: sideTitle }) => {
      const row = sideRow(r, key);
      const value = valueText(r[key]);
      return {
        input: r.path,
        row: rowKey(r.path, key),
        side: key,
        sideTitle,
        value,
        from: base,
        to: row.p_by_deadline,
        label: percent(row.p_by_deadline),
        pText: percent(row.p_by_deadline),
        ci: ciText(row.p_by_deadline_ci95),
        change: `${signed((row.p_by_deadline - base) * 100, 1)} points`,
        lowToHigh: `${signed(r.delta_p * 100, 1)} points (95% interval ${changeCiText(r)})`,
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
    { field: 'lowToHigh', title: 'Change from low to high' },
    { field: 'range', title: 'Range' },
  ];
  return topLevel({
    title: {
      text: title,
      subtitle: [
        `Each input moved alone to its low and high value, all else at the baseline (${percent(base)}); largest swing on top. ${table.runs.toLocaleString('en-US')} replications per bar, on common random numbers.`,
        ...(noisy.length === 0 ? [] : [`${NOISE_MARK}: the 95% interval of the change from low to high includes 0, so ${table.runs.toLocaleString('en-US')} replications cannot tell which way the input moves the chance.`]),
        ...noEffect(table.rows.filter((r) => r.low_row.p_by_deadline === base && r.high_row.p_by_deadline === base), 'chance'),
      ],
    },
    width: WIDTH,
    height: { step: ROW_PX },
    data: { values: bars },
    layer: tornadoLayers(keys, x, tooltip, { at: base, label: `Baseline ${percent(base)}` }),
  });
}

/**
 * A line naming the inputs that drew no bar because neither value moved the result: without it,
 * an empty row reads as a drawing fault rather than as "this input does not matter here".
 */
function noEffect(rows: SensitivityRow[], what: string): string[] {
  if (rows.length === 0) return [];
  const their = rows.length === 1 ? 'its' : 'their';
  // Every name shown, over as many lines as it takes.
  return wrapLines(`No bar for ${rows.map((r) => r.path).join(', ')}: neither ${their} low nor ${their} high value changed the ${what} from the baseline.`);
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
  const { keys, row: rowKey } = rowKeys(ranked.map((r) => r.path), valueTexts(table));
  const bars: Bar[] = ranked.flatMap((r) =>
    SIDES.map(({ key, title: sideTitle }) => {
      const row = sideRow(r, key);
      const d = shift(row);
      const value = valueText(r[key]);
      return {
        input: r.path,
        row: rowKey(r.path, key),
        side: key,
        sideTitle,
        value,
        from: 0,
        to: Number((d ?? far).toFixed(3)),
        label: d === null ? 'after the horizon' : `${signed(d, 1)} d`,
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
    height: { step: ROW_PX },
    data: { values: bars },
    layer: tornadoLayers(keys, x, tooltip, { at: 0, label: `Baseline median ${shortDayLabel(baseMs)}` }),
  });
}
