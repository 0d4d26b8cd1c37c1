/**
 * The completion-date charts: the ECDF (how likely is "done by day X") and the histogram
 * (when do runs finish). Both read `completion_days_sample`, the sorted evenly spaced quantiles
 * of the finished runs, so each point stands for the same share of the finished runs.
 */
import type { Summary } from '../../sim/batch/types.ts';
import { runsText } from '../words.ts';
import type { Layer, VegaLiteSpec } from '../types.ts';
import { dayToMs, type RunFacts } from '../facts.ts';
import { COLORS, PLOT_WIDTH, deadlineLayers, emptyChart, timeAxisFor, rangedX, topLevel, withHalo } from '../theme.ts';
import { DAY_MS, dayLabel, isoMinute, parseInstant, shortDayLabel } from '../time.ts';
import { columns } from '../columns.ts';
import { chanceText, percent } from '../run-headline.ts';


/** The x range of completion charts: the sample and the deadline, with a little margin, UTC ms. */
function completionDomain(sampleMs: number[], deadlineMs: number): [number, number] {
  const lo = Math.min(sampleMs[0] ?? deadlineMs, deadlineMs);
  const hi = Math.max(sampleMs[sampleMs.length - 1] ?? deadlineMs, deadlineMs);
  const margin = Math.max(2 * DAY_MS, (hi - lo) * 0.04);
  return [lo - margin, hi + margin];
}

/** The completion-date ECDF: share of all runs finished by each date, deadline rule, P10/P50/P90 marked. */
export function ecdfSpec(summary: Summary, facts: RunFacts): VegaLiteSpec {
  const title = 'How likely is the withdrawal finished by a given date?';
  const sample = summary.completion_days_sample;
  if (sample.length === 0) return emptyChart(title, `No run finished inside the horizon (${summary.unfinished.cause || 'no cause recorded'}).`);
  const ms = sample.map((d) => dayToMs(facts, d));
  const n = ms.length;
  const [lo, hi] = completionDomain(ms, facts.deadlineMs);
  // Runs finishing in the same minute make one step (a zero-width step draws a hairline gap).
  const points: Array<{ date: string; share: number }> = [];
  ms.forEach((t, i) => {
    const point = { date: isoMinute(t), share: round4((facts.finishedShare * (i + 1)) / n) };
    if (points.length > 0 && points[points.length - 1]!.date === point.date) points[points.length - 1] = point;
    else points.push(point);
  });
  // The curve starts at zero just before the first finisher and runs flat to the chart's edge.
  const first = ms[0] ?? lo;
  const last = points[points.length - 1]!;
  const curve = columns([{ date: isoMinute(Math.min(first, lo)), share: 0 }, ...points, { ...last, date: isoMinute(hi) }], ['date', 'share'], ['date']);
  const curveData = { data: { name: 'curve' }, transform: curve.transform };
  const quantiles = (['p10', 'p50', 'p90'] as const).flatMap((q) => {
    const iso = summary.completion[q];
    if (iso === null) return [];
    const t = parseInstant(iso, `summary.completion.${q}`);
    const share = Number(q.slice(1)) / 100;
    return [{ date: isoMinute(t), share, label: `${q.toUpperCase()} ${shortDayLabel(t)}`, day: dayLabel(t) }];
  });
  const p = summary.p_by_deadline;
  const atDeadline = [{ date: isoMinute(facts.deadlineMs), share: p, label: `${chanceText(p)} by the deadline`, day: dayLabel(facts.deadlineMs) }];
  const x = { field: 'date', type: 'temporal', scale: { type: 'utc', domain: [Math.round(lo), Math.round(hi)] }, axis: timeAxisFor(lo, hi, 'Completion date') };
  const y = { field: 'share', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: 'Runs finished by that date (%)', format: '.0%', tickCount: 5 } };
  const layers: Layer[] = [
    { ...curveData, mark: { type: 'area', interpolate: 'step-after', color: COLORS.band, opacity: 0.18 }, encoding: { x, y } },
    { ...curveData, mark: { type: 'line', interpolate: 'step-after', color: COLORS.median, strokeWidth: 2 }, encoding: { x, y } },
    {
      // Invisible points on the steps carry the tooltips (a line is one mark: it has one tooltip).
      ...curveData,
      transform: [
        ...curve.transform,
        { calculate: "utcFormat(datum.date, '%-d %b %Y %H:%M')", as: 'when' },
        { calculate: "format(datum.share, '.1%')", as: 'finished' },
      ],
      mark: { type: 'point', opacity: 0, size: 50 },
      encoding: {
        x,
        y,
        tooltip: [
          { field: 'when', title: 'Finished by (UTC)' },
          { field: 'finished', title: 'Share of runs' },
        ],
      },
    },
    // The curve is high right of a deadline most runs meet, so the label goes below it then.
    ...deadlineLayers(facts.deadlineMs, x, `: ${chanceText(p)} of runs done`, p >= 0.5 ? 'bottom' : 'top'),
    {
      data: { values: quantiles },
      mark: { type: 'point', filled: true, size: 70, color: COLORS.marker },
      encoding: { x, y, tooltip: [{ field: 'label', title: 'Quantile' }, { field: 'day', title: 'Date' }] },
    },
    // A haloed label: a median or P90 close to the deadline puts its label across the deadline's rule.
    ...withHalo({
      data: { values: quantiles },
      mark: { type: 'text', align: 'left', baseline: 'top', dx: 8, dy: 4, fontSize: 12, fontWeight: 600, color: COLORS.marker },
      encoding: { x, y, text: { field: 'label' } },
    }),
    {
      data: { values: atDeadline },
      mark: { type: 'point', shape: 'diamond', filled: true, size: 160, color: COLORS.deadline, stroke: '#ffffff', strokeWidth: 1 },
      encoding: { x, y, tooltip: [{ field: 'label', title: 'Chance' }, { field: 'day', title: 'Deadline' }] },
    },
  ];
  return topLevel({
    title: { text: title, subtitle: `Share of ${runsText(summary.runs)} finished by each date. ${quantileDotsText(summary, facts)}` },
    width: PLOT_WIDTH,
    height: 320,
    datasets: { curve: curve.values },
    layer: layers,
  });
}

/** Bin width in days: the smallest of a few calendar-friendly widths that gives at most ~40 bins. */
function binDays(spanDays: number): number {
  for (const w of [1, 2, 3, 7, 14, 28]) if (spanDays / w <= 40) return w;
  return Math.ceil(spanDays / 40);
}

/** The completion-date histogram: share of runs finishing in each bin, bins aligned on the deadline. */
export function histogramSpec(summary: Summary, facts: RunFacts): VegaLiteSpec {
  const title = 'When does the withdrawal finish?';
  const sample = summary.completion_days_sample;
  if (sample.length === 0) return emptyChart(title, `No run finished inside the horizon (${summary.unfinished.cause || 'no cause recorded'}).`);
  const ms = sample.map((d) => dayToMs(facts, d));
  const [lo, hi] = completionDomain(ms, facts.deadlineMs);
  const width = binDays((hi - lo) / DAY_MS) * DAY_MS;
  // Bin edges at deadline + k*width, so no bin straddles the deadline.
  const k0 = Math.floor((Math.min(...ms) - facts.deadlineMs) / width);
  const counts = new Map<number, number>();
  for (const t of ms) {
    const k = Math.floor((t - facts.deadlineMs) / width);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const kMax = Math.max(...counts.keys());
  const bins = [];
  for (let k = k0; k <= kMax; k++) {
    const from = facts.deadlineMs + k * width;
    const to = from + width;
    const share = ((counts.get(k) ?? 0) / ms.length) * facts.finishedShare;
    bins.push({
      from: isoMinute(from),
      to: isoMinute(to),
      share: round4(share),
      when: to <= facts.deadlineMs ? 'By the deadline' : 'After the deadline',
      range: width === DAY_MS ? dayLabel(from) : `${shortDayLabel(from)} – ${dayLabel(to - DAY_MS)}`,
      runs: percent(share),
    });
  }
  const binText = width === DAY_MS ? 'day' : `${width / DAY_MS} days`;
  const x = { field: 'from', type: 'temporal', scale: { type: 'utc', domain: [Math.round(lo), Math.round(hi)] }, axis: timeAxisFor(lo, hi, 'Completion date') };
  return topLevel({
    title: { text: title, subtitle: `Share of ${runsText(summary.runs)} finishing in each ${binText}.${summary.unfinished.runs > 0 ? ` ${runsText(summary.unfinished.runs)} never finished and ${summary.unfinished.runs === 1 ? 'is' : 'are'} not drawn.` : ''}` },
    width: PLOT_WIDTH,
    height: 260,
    layer: [
      {
        data: { values: bins },
        mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x: rangedX(x),
          x2: { field: 'to' },
          y: { field: 'share', type: 'quantitative', axis: { title: `Share of runs per ${binText} (%)`, format: '.0%' } },
          y2: { datum: 0 },
          color: {
            field: 'when',
            type: 'nominal',
            scale: { domain: ['By the deadline', 'After the deadline'], range: [COLORS.onTime, COLORS.late] },
            legend: { title: null },
          },
          tooltip: [
            { field: 'range', title: 'Finished' },
            { field: 'runs', title: 'Share of runs' },
          ],
        },
      },
      ...deadlineLayers(facts.deadlineMs, x),
    ],
  });
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * What the dots on the ECDF are. A quantile past the horizon has no dot; saying "Dots: 10th, 50th
 * and 90th percentile" then would send the reader looking for dots that are not there.
 */
function quantileDotsText(summary: Summary, facts: RunFacts): string {
  const qs = ['p10', 'p50', 'p90'] as const;
  const name = (q: (typeof qs)[number]): string => `${q.slice(1)}th`;
  const shown = qs.filter((q) => summary.completion[q] !== null).map(name);
  const missing = qs.filter((q) => summary.completion[q] === null).map(name);
  const list = (xs: string[]): string => (xs.length === 1 ? xs[0]! : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  if (missing.length === 0) return 'Dots: 10th, 50th and 90th percentile dates.';
  const finished = `only ${percent(facts.finishedShare)} of runs finished by the horizon`;
  if (shown.length === 0) return `No percentile dot: ${finished}.`;
  return `${shown.length === 1 ? 'Dot' : 'Dots'}: ${list(shown)} percentile date${shown.length === 1 ? '' : 's'}; the ${list(missing)} ${missing.length === 1 ? 'is' : 'are'} not reached: ${finished}.`;
}
