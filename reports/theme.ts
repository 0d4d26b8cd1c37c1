/**
 * The look shared by every chart: sizes for a 1200 px page, fonts, colours, and the pieces
 * that recur (a UTC time axis, the deadline rule, a chart that says there is nothing to draw).
 */
import type { Config } from 'vega-lite';
import type { TimeShares } from '../sim/batch/types.ts';
import type { Layer, VegaLiteSpec } from './types.ts';
import { isoMinute, shortDayLabel } from './time.ts';

/** Width of a chart's plot area, px: with axes and legends a chart stays inside a 1200 px page. */
export const PLOT_WIDTH = 940;

/** Vega-Lite's schema, named in every spec so the `.vl.json` files open in the Vega Editor. */
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export const COLORS = {
  deadline: '#c62828',
  median: '#1f4e89',
  band: '#6c9bd2',
  closure: '#555555',
  marker: '#111111',
  us: '#2f6db5',
  ru: '#d1495b',
  capacity: '#333333',
  onTime: '#2f6db5',
  late: '#e08a2c',
} as const;

/**
 * How each share of aircraft time is named and coloured in every chart. Keyed by TimeShares, so
 * a share added to the contract fails to compile here until it has a label and a colour.
 */
export const PHASE_STYLE: Record<keyof TimeShares, { label: string; color: string }> = {
  clearanceWait: { label: 'Clearance wait', color: '#e15759' },
  flying: { label: 'Flying', color: '#4e79a7' },
  rampWait: { label: 'Ramp spot wait', color: '#f28e2b' },
  closedWait: { label: 'Airfield closed', color: '#9c755f' },
  teamWait: { label: 'Loading-team wait', color: '#76b7b2' },
  loading: { label: 'Loading', color: '#59a14f' },
  cargoWait: { label: 'Waiting for ready cargo', color: '#edc948' },
  hub: { label: 'Hub turnaround', color: '#bab0ac' },
  down: { label: 'Not mission-capable', color: '#8c6d8c' },
};

/** The shares in the order an aircraft's time flows (the stacking order of the time budget). */
export const PHASES = (['clearanceWait', 'flying', 'rampWait', 'closedWait', 'teamWait', 'loading', 'cargoWait', 'hub', 'down'] as const).map((key) => ({ key, ...PHASE_STYLE[key] }));

export const CONFIG: Config = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  background: '#ffffff',
  padding: 8,
  title: { fontSize: 15, fontWeight: 600, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#555', offset: 10 },
  // labelSeparation: vega hides labels that would overlap, but keeps those that touch ("11 Aug18 Aug");
  // a few pixels of air between neighbours makes it drop every other one instead.
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 500, titleColor: '#333', labelColor: '#333', gridColor: '#e6e6e6', labelSeparation: 6 },
  // labelLimit 0: a legend shows names whole (vega cuts them at 160 px by default, "AB101 – Air Base 101 (N…").
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 500, orient: 'top', direction: 'horizontal', labelLimit: 0 },
  // A y axis's end labels sit inside the plot's height, so the bottom one never meets the x axis's first label.
  axisY: { labelFlush: true },
  header: { labelFontSize: 13, titleFontSize: 13 },
  view: { stroke: '#d0d0d0' },
  concat: { spacing: 24 },
};

/** A UTC time axis; the year goes in the title when the chart spans one year, else in the labels. */
export function timeAxisFor(fromMs: number, toMs: number, what = 'Date'): { title: string; format: string; labelAngle: number; labelFlush: boolean } {
  const y0 = new Date(fromMs).getUTCFullYear();
  const y1 = new Date(toMs).getUTCFullYear();
  // labelFlush: a label at the plot's edge sits inside it, not across the y axis's bottom label.
  return y0 === y1
    ? { title: `${what} (${y0}, UTC)`, format: '%-d %b', labelAngle: 0, labelFlush: true }
    : { title: `${what} (UTC)`, format: '%-d %b %Y', labelAngle: 0, labelFlush: true };
}

/**
 * A vertical rule at the deadline with its label at the top, to layer on a time-x chart; `x` is
 * the chart's own x encoding, so the layers share its field, scale and axis title. `suffix`
 * extends the label (e.g. ": 87% of runs done"); `at` puts it at the top or bottom of the plot,
 * whichever the data leave free, or just above the plot when the data fill it.
 */
export function deadlineLayers(deadlineMs: number, x: { field: string } & Layer, suffix = '', at: 'top' | 'bottom' | 'above' = 'top'): Layer[] {
  const data = { values: [{ [x.field]: isoMinute(deadlineMs), label: `Deadline ${shortDayLabel(deadlineMs)}${suffix}` }] };
  // Near the right edge the label goes to the left of the rule, so it stays inside the plot.
  const domain = (x.scale as { domain?: unknown } | undefined)?.domain;
  const [lo, hi] = Array.isArray(domain) && typeof domain[0] === 'number' && typeof domain[1] === 'number' ? [domain[0], domain[1]] : [0, 0];
  const nearRight = hi > lo && (deadlineMs - lo) / (hi - lo) > 0.85;
  return [
    {
      data,
      mark: { type: 'rule', color: COLORS.deadline, strokeWidth: 2, strokeDash: [6, 4] },
      encoding: { x, tooltip: [{ field: 'label', type: 'nominal', title: 'Deadline' }] },
    },
    {
      data,
      mark: {
        type: 'text',
        color: COLORS.deadline,
        align: nearRight ? 'right' : 'left',
        dx: nearRight ? -4 : 4,
        ...(at === 'top' ? { baseline: 'top', y: 2 } : at === 'bottom' ? { baseline: 'bottom', y: 'height', dy: -4 } : { baseline: 'bottom', y: 0, dy: -3, clip: false }),
        fontWeight: 600,
        fontSize: 12,
      },
      encoding: { x, text: { field: 'label' } },
    },
  ];
}

/**
 * A text layer with a white halo layered under it: rules and lines that the label crosses (a
 * deadline, a closure date) pass behind the words instead of through them. The halo is the same
 * text drawn white with a wide white stroke, and carries no accessible text of its own.
 */
export function withHalo(text: Layer): Layer[] {
  const mark = text.mark as Record<string, unknown>;
  return [{ ...text, mark: { ...mark, color: '#ffffff', stroke: '#ffffff', strokeWidth: 4, strokeJoin: 'round', aria: false } }, text];
}

/**
 * The x encoding for a layer that also has x2 (bars spanning two dates): the same field and
 * axis, without the explicit domain, which vega-lite would otherwise merge with itself and warn.
 * Another layer of the chart must carry the domain.
 */
export function rangedX(x: Layer): Layer {
  return { ...x, scale: { type: 'utc' } };
}

/**
 * A top-level spec from an assembled chart: adds the schema and the shared config. The one cast
 * from loose layers to Vega-Lite's type lives here (see `Layer`).
 */
export function topLevel(chart: Layer): VegaLiteSpec {
  const title = chart.title as { subtitle?: string | string[] } | string | undefined;
  const wrapped = typeof title === 'object' && title.subtitle !== undefined ? { title: { ...title, subtitle: wrapLines(title.subtitle) } } : {};
  return { $schema: SCHEMA, config: CONFIG, ...chart, ...wrapped } as unknown as VegaLiteSpec;
}

/** Characters of a subtitle line: about 620 px at 12 px, inside the narrowest chart the page draws (a 800 px window). */
export const SUBTITLE_CHARS = 96;

/**
 * Subtitle lines broken at spaces to at most `max` characters each (a word longer than that
 * stays whole): vega draws a title line as one run of text, which would widen the chart past
 * a narrow window instead of wrapping.
 */
export function wrapLines(lines: string | string[], max = SUBTITLE_CHARS): string[] {
  return (typeof lines === 'string' ? [lines] : lines).flatMap((line) => {
    const out: string[] = [];
    let current = '';
    for (const word of line.split(' ')) {
      if (current !== '' && current.length + 1 + word.length > max) {
        out.push(current);
        current = word;
      } else current = current === '' ? word : `${current} ${word}`;
    }
    return [...out, current];
  });
}

/** A chart that only says why there is nothing to draw (still a real chart, so the page stays uniform). */
export function emptyChart(title: string, message: string): VegaLiteSpec {
  return topLevel({
    title,
    width: PLOT_WIDTH,
    height: 60,
    data: { values: [{ message }] },
    mark: { type: 'text', fontSize: 14, color: '#555' },
    encoding: { text: { field: 'message' } },
  });
}
