/**
 * What the sweep charts share: each swept parameter as an axis (its values in reading order and
 * as a user writes them), and each sweep row as one flat chart datum with its texts for labels and
 * tooltips. Parameter paths never become field names (vega-lite reads dots in a field name as
 * nested access); they appear only in titles and data values.
 */
import type { SweepRow, SweepTable } from '../../sim/sweep/sweep.ts';
import { valueText, type ParamValue } from '../../sim/sweep/grid.ts';
import { percent } from '../run-headline.ts';
import { parseDate } from '../../sim/scenario/units.ts';
import { dayLabel, isoMinute, parseInstant } from '../time.ts';

/** One swept parameter: its distinct values, numbers ascending, anything else in the listed order. */
export interface ParamAxis {
  path: string;
  /** True when every value is a number: the axis is quantitative. */
  numeric: boolean;
  values: ParamValue[];
  /** The values as a user writes them (`valueText`), same order. */
  labels: string[];
  /** The values as charts show them on an axis or legend: `compactValue` when that keeps them apart, else `labels`. */
  display: string[];
}

/** A value shorter for axes and bar ends: YAML flow without its braces and brackets (`lognormal: median: 12h, p90: 36h`). */
export function compactValue(text: string): string {
  return text.replace(/[{}[\]]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The axis of `path` in a sweep table; throws naming the path when a row lacks it. */
export function paramAxis(table: SweepTable, path: string): ParamAxis {
  const seen = new Map<string, ParamValue>();
  table.rows.forEach((r, i) => {
    const v = r.values[path];
    if (v === undefined) throw new Error(`Report: sweep row ${i} has no value for parameter "${path}"`);
    const text = valueText(v);
    if (!seen.has(text)) seen.set(text, v);
  });
  const values = [...seen.values()];
  const numeric = values.length > 0 && values.every((v) => typeof v === 'number');
  if (numeric) values.sort((a, b) => (a as number) - (b as number));
  const labels = values.map(valueText);
  const compact = labels.map(compactValue);
  return { path, numeric, values, labels, display: new Set(compact).size === compact.length ? compact : labels };
}

/** One sweep row as chart data: the fields every sweep chart and tooltip reads. */
export interface SweepDatum {
  /** The first parameter's value: the number on a quantitative axis, else its text. */
  x: number | string;
  /** The first parameter's value as written. */
  label: string;
  /** The second parameter's value as written ('' when there is none). */
  series: string;
  /** The second parameter's value as its axis shows it ('' when there is none). */
  seriesKey: string;
  /** The other parameters as `path=value, ...` ('' when there are none). */
  facet: string;
  p: number;
  lo: number;
  hi: number;
  pText: string;
  ci: string;
  /** Completion quantiles as short ISO instants, null when past the horizon. */
  p10: string | null;
  p50: string | null;
  p90: string | null;
  median: string;
  range: string;
  runs: number;
}

/** A completion quantile for readers: `3 Sep 2024`, or that it was not reached inside the horizon. */
export function dateText(iso: string | null, what: string): string {
  return iso === null ? 'after the horizon' : dayLabel(parseInstant(iso, what));
}

/** The 95% interval for readers: `76% – 90%`. */
export function ciText(ci: readonly [number, number]): string {
  return `${percent(ci[0])} – ${percent(ci[1])}`;
}

/** True when the deadline is one of the swept parameters: the table's own deadline is then only the first point's. */
export function deadlineSwept(table: SweepTable): boolean {
  return table.parameters.includes('deadline');
}

/**
 * Each row's own deadline in UTC ms, in row order, read as the scenario file reads it (UTC unless
 * an offset is given), when the deadline is swept; else null. Throws naming the row when a value
 * is not a date.
 */
export function pointDeadlines(table: SweepTable): number[] | null {
  if (!deadlineSwept(table)) return null;
  return table.rows.map((r, i) => {
    const parsed = parseDate(r.values.deadline);
    if (!parsed.ok) throw new Error(`Report: sweep row ${i} deadline: ${parsed.message}`);
    return parsed.value;
  });
}

/** A chart datum from one row; the first axis decides whether `x` is a number or a text. */
export function sweepDatum(row: SweepRow, index: number, axes: ParamAxis[]): SweepDatum {
  const [first, second, ...rest] = axes;
  if (first === undefined) throw new Error('Report: a sweep table needs at least one parameter');
  const v = row.values[first.path];
  if (v === undefined) throw new Error(`Report: sweep row ${index} has no value for parameter "${first.path}"`);
  const text = (path: string): string => valueText(row.values[path] as ParamValue);
  const shown = (axis: ParamAxis): string => axis.display[axis.labels.indexOf(text(axis.path))] ?? text(axis.path);
  const at = (q: 'p10' | 'p50' | 'p90'): string | null => {
    const iso = row.completion[q];
    return iso === null ? null : isoMinute(parseInstant(iso, `sweep row ${index} completion.${q}`));
  };
  const [p10, p50, p90] = [at('p10'), at('p50'), at('p90')];
  const range =
    p10 === null ? 'after the horizon' : `${dateText(row.completion.p10, 'p10')} – ${dateText(row.completion.p90, 'p90')}`;
  return {
    x: first.numeric ? (v as number) : shown(first),
    label: valueText(v),
    series: second === undefined ? '' : text(second.path),
    seriesKey: second === undefined ? '' : shown(second),
    facet: rest.map((a) => `${a.path}=${text(a.path)}`).join(', '),
    p: row.p_by_deadline,
    lo: row.p_by_deadline_ci95[0],
    hi: row.p_by_deadline_ci95[1],
    pText: percent(row.p_by_deadline),
    ci: ciText(row.p_by_deadline_ci95),
    p10,
    p50,
    p90,
    median: dateText(row.completion.p50, `sweep row ${index} completion.p50`),
    range,
    runs: row.runs,
  };
}

/** Tooltip rows for a sweep datum: the parameters by their paths, the chance, its interval, the dates. */
export function sweepTooltip(axes: ParamAxis[]): Array<Record<string, string>> {
  const [first, second] = axes;
  return [
    ...(first === undefined ? [] : [{ field: 'label', title: first.path }]),
    ...(second === undefined ? [] : [{ field: 'series', title: second.path }]),
    ...(axes.length > 2 ? [{ field: 'facet', title: 'Other parameters' }] : []),
    { field: 'pText', title: 'Chance by the deadline' },
    { field: 'ci', title: '95% interval' },
    { field: 'median', title: 'Median completion' },
    { field: 'range', title: 'P10 – P90 completion' },
    { field: 'runs', type: 'quantitative', title: 'Replications', format: ',' },
  ];
}

/**
 * The x encoding of a chart against one parameter: quantitative with a tick at each swept value
 * (few values) when the values are numbers, else ordinal in the axis order with slanted labels
 * when they would not fit side by side.
 */
export function paramX(axis: ParamAxis, width: number): Record<string, unknown> {
  if (axis.numeric) {
    const xs = axis.values as number[];
    const lo = xs[0] ?? 0;
    const hi = xs[xs.length - 1] ?? 0;
    const span = hi - lo;
    const pad = span > 0 ? span * 0.04 : Math.max(1, Math.abs(lo) * 0.1);
    const integers = xs.every(Number.isInteger);
    return {
      field: 'x',
      type: 'quantitative',
      scale: { domain: [lo - pad, hi + pad], nice: false, zero: false },
      axis: { title: axis.path, ...(xs.length <= 20 ? { values: xs } : {}), ...(integers ? { format: 'd' } : {}) },
    };
  }
  const slot = width / Math.max(1, axis.display.length);
  const longest = Math.max(0, ...axis.display.map((l) => l.length));
  // About 6.5 px a character at the axis font size.
  const slanted = longest * 6.5 > slot - 10;
  return {
    field: 'x',
    type: 'ordinal',
    sort: axis.display,
    axis: { title: axis.path, labelLimit: slanted ? 260 : Math.floor(slot - 10), labelAngle: slanted ? -25 : 0, ...(slanted ? { labelAlign: 'right' } : {}) },
  };
}

/** The y encoding of a chance: 0 to 100%. */
export const P_Y = {
  field: 'p',
  type: 'quantitative',
  scale: { domain: [0, 1] },
  axis: { title: 'Chance to finish by the deadline (%)', format: '.0%', tickCount: 5 },
} as const;

/**
 * `x` to `digits` decimals with its sign, negatives with the typographic minus (U+2212) that the
 * charts' axes use too: `+1.5`, `−2.0`, `0.0` (never `−0.0`).
 */
export function signed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return Number(s) === 0 ? s.replace('-', '') : x > 0 ? `+${s}` : s.replace('-', '−');
}

/** Cuts a text to `max` characters with an ellipsis, for labels drawn inside charts. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
