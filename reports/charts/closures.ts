/**
 * Base closure dates: per base, the distribution over runs of the day its last load left, as a
 * strip of sampled closure dates with the P10-P90 range and the median; and, as a second mark on
 * the same row, the median day its sensitive equipment was out (results saved before that figure
 * existed draw without it).
 */
import type { Summary } from '../../sim/batch/types.ts';
import { runsText } from '../words.ts';
import { percent } from '../run-headline.ts';
import type { VegaLiteSpec } from '../types.ts';
import { baseLabel, dayToMs, type RunFacts } from '../facts.ts';
import { COLORS, PLOT_WIDTH, deadlineLayers, emptyChart, timeAxisFor, rangedX, topLevel } from '../theme.ts';
import { DAY_MS, dayLabel, dayRangeLabel, isoMinute, parseInstant } from '../time.ts';

/** Strip plot of closure dates per base with the P10-P90 bar, the median and the deadline. */
export function closuresSpec(summary: Summary, facts: RunFacts): VegaLiteSpec {
  const title = 'When does each base close?';
  const stripMs = facts.baseIds.flatMap((id) => summary.bases[id]!.closed_days_sample.map((d) => dayToMs(facts, d)));
  // One row per base holding its closure dates: the base's name is written once, not per run.
  const strip = facts.baseIds.map((id) => ({ base: baseLabel(summary, id), date: summary.bases[id]!.closed_days_sample.map((d) => isoMinute(dayToMs(facts, d))) }));
  const stats = facts.baseIds.map((id) => {
    const b = summary.bases[id]!;
    const at = (q: 'p10' | 'p50' | 'p90'): number | null => (b.closed[q] === null ? null : parseInstant(b.closed[q], `summary.bases.${id}.closed.${q}`));
    const [p10, p50, p90] = [at('p10'), at('p50'), at('p90')];
    return {
      base: baseLabel(summary, id),
      from: p10 === null ? null : isoMinute(p10),
      to: p90 === null ? null : isoMinute(p90),
      date: p50 === null ? null : isoMinute(p50),
      median: p50 === null ? 'not reached' : dayLabel(p50),
      range: p10 !== null && p90 !== null ? dayRangeLabel(p10, p90) : 'not reached in 90% of runs',
      byDeadline: percent(b.p_by_deadline),
      sorties: b.mean_sorties.toFixed(1),
      ...sensitiveOut(summary, id),
    };
  });
  const diamonds = stats.filter((s) => s.sensitive !== null);
  if (stripMs.length === 0 && stats.every((s) => s.date === null)) return emptyChart(title, 'No base closed inside the horizon in any run.');
  const times = [...stripMs, ...stats.flatMap((s) => [s.from, s.to, s.sensitive].filter((v): v is string => v !== null).map(Date.parse)), facts.deadlineMs];
  const lo = Math.min(...times) - 3 * DAY_MS;
  const hi = Math.max(...times) + 3 * DAY_MS;
  const x = { field: 'date', type: 'temporal', scale: { type: 'utc', domain: [Math.round(lo), Math.round(hi)] }, axis: timeAxisFor(lo, hi, diamonds.length > 0 ? 'Date' : 'Closure date') };
  const y = { field: 'base', type: 'nominal', sort: stats.map((s) => s.base), axis: { title: null, labelLimit: 260 } };
  const tooltip = [
    { field: 'base', title: 'Base' },
    { field: 'median', title: 'Median closure' },
    { field: 'range', title: 'P10 – P90' },
    { field: 'byDeadline', title: 'Closed by the deadline' },
    { field: 'sorties', title: 'Sorties (mean)' },
    ...(stats.some((s) => s.sensitiveMedian !== undefined) ? [{ field: 'sensitiveMedian', title: 'Sensitive equipment out (median)' }] : []),
  ];
  return topLevel({
    title: {
      text: title,
      subtitle: [
        `Ticks: closure dates of sampled runs. Bar: 10th to 90th percentile; dot: median of ${runsText(summary.runs)}.${diamonds.length > 0 ? ' Diamond: median date the base\'s sensitive equipment is out.' : ''}`,
        ...missingMarks(summary, facts),
      ],
    },
    width: PLOT_WIDTH - 180,
    height: { step: 56 },
    layer: [
      {
        data: { values: strip },
        transform: [{ flatten: ['date'] }, { calculate: 'toDate(datum.date)', as: 'date' }],
        mark: { type: 'tick', color: COLORS.band, opacity: 0.45, thickness: 1.5, bandSize: 26 },
        encoding: { x, y },
      },
      {
        data: { values: stats.filter((s) => s.from !== null && s.to !== null) },
        mark: { type: 'bar', color: COLORS.median, opacity: 0.35, height: 10, cornerRadius: 3 },
        encoding: { x: rangedX({ ...x, field: 'from' }), x2: { field: 'to' }, y, tooltip },
      },
      {
        data: { values: stats.filter((s) => s.date !== null) },
        mark: { type: 'point', filled: true, size: 90, color: COLORS.median },
        encoding: { x, y, tooltip },
      },
      ...(diamonds.length === 0
        ? []
        : [
            {
              data: { values: diamonds },
              mark: { type: 'point', shape: 'diamond', filled: false, strokeWidth: 2, size: 110, color: COLORS.marker },
              encoding: { x: { ...x, field: 'sensitive' }, y, tooltip },
            },
          ]),
      ...deadlineLayers(facts.deadlineMs, x),
    ],
  });
}

/**
 * Where a base's diamond goes (null: none) and its tooltip words; nothing for a result saved
 * before the figure existed, and no diamond for a base with no sensitive equipment to move.
 */
function sensitiveOut(summary: Summary, id: string): { sensitive: string | null; sensitiveMedian?: string } {
  const q = summary.bases[id]!.sensitive;
  if (q === undefined) return { sensitive: null };
  if (q === null) return { sensitive: null, sensitiveMedian: 'none to move' };
  if (q.p50 === null) return { sensitive: null, sensitiveMedian: 'not reached' };
  const p50 = parseInstant(q.p50, `summary.bases.${id}.sensitive.p50`);
  return { sensitive: isoMinute(p50), sensitiveMedian: dayLabel(p50) };
}

/**
 * Why a base has no bar or no dot: its P90 (or median) closure is past the horizon. Without this
 * line a reader takes a base with ticks but no bar for a drawing fault, or for a base that closes
 * early.
 */
function missingMarks(summary: Summary, facts: RunFacts): string[] {
  const noDot = facts.baseIds.filter((id) => summary.bases[id]!.closed.p50 === null);
  const noBarOnly = facts.baseIds.filter((id) => summary.bases[id]!.closed.p50 !== null && (summary.bases[id]!.closed.p10 === null || summary.bases[id]!.closed.p90 === null));
  const lines: string[] = [];
  if (noDot.length > 0) lines.push(`No bar or dot for ${noDot.join(', ')}: still open at the horizon in at least half the runs.`);
  if (noBarOnly.length > 0) lines.push(`No bar for ${noBarOnly.join(', ')}: still open at the horizon in more than 10% of runs, so its 90th percentile is not reached.`);
  const sensitive = (id: string) => summary.bases[id]!.sensitive;
  const late = facts.baseIds.filter((id) => sensitive(id)?.p50 === null);
  const none = facts.baseIds.filter((id) => sensitive(id) === null);
  if (late.length > 0) lines.push(`No diamond for ${late.join(', ')}: sensitive equipment still there at the horizon in at least half the runs.`);
  if (none.length > 0) lines.push(`No diamond for ${none.join(', ')}: no sensitive equipment to move.`);
  return lines;
}
