/**
 * The run report's headline: how likely the deadline is, in words and numbers, and why.
 */
import type { Summary } from '../sim/batch/types.ts';
import { runsText } from './words.ts';
import type { PageHeadline, PageStat } from './page.ts';
import type { RunFacts } from './facts.ts';
import { dayLabel, dayRangeLabel, parseInstant } from './time.ts';

/** A plain-words verdict for a probability, with the tone the page colours it in. */
export function verdictFor(p: number): { words: string; tone: PageHeadline['tone'] } {
  if (p >= 0.9) return { words: 'Very likely', tone: 'good' };
  if (p >= 0.7) return { words: 'Likely', tone: 'good' };
  if (p >= 0.4) return { words: 'Uncertain', tone: 'warn' };
  if (p >= 0.1) return { words: 'Unlikely', tone: 'bad' };
  return { words: 'Very unlikely', tone: 'bad' };
}

/** Percent for readers: whole numbers, one decimal below 1% and above 99% so 0.4% is not "0%". */
export function percent(p: number): string {
  const x = p * 100;
  if ((x > 0 && x < 1) || (x > 99 && x < 100)) return `${x.toFixed(1)}%`;
  return `${Math.round(x)}%`;
}

/**
 * A chance as the run report states it: one decimal, as `retrograde run` prints it, so the page
 * and the terminal give the same figures for the same summary ("98.8%", not "99%").
 */
export function chanceText(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}

/** The headline block of a run report. */
export function runHeadline(summary: Summary, facts: RunFacts): PageHeadline {
  const p = summary.p_by_deadline;
  const [lo, hi] = summary.p_by_deadline_ci95;
  const deadline = dayLabel(facts.deadlineMs);
  const { words, tone } = verdictFor(p);
  const date = (iso: string | null, what: string): number | null => (iso === null ? null : parseInstant(iso, what));
  const p10 = date(summary.completion.p10, 'summary.completion.p10');
  const p50 = date(summary.completion.p50, 'summary.completion.p50');
  const p90 = date(summary.completion.p90, 'summary.completion.p90');
  const sensitive50 = date(summary.sensitive.p50, 'summary.sensitive.p50');
  const stats: PageStat[] = [
    { label: 'Median completion', value: p50 === null ? 'not reached' : dayLabel(p50), note: p50 === null ? 'fewer than half the runs finished' : 'half the runs finish by then' },
    {
      label: 'Likely range (P10 – P90)',
      value: p10 !== null && p90 !== null ? dayRangeLabel(p10, p90) : p10 !== null ? `${dayLabel(p10)} – not reached` : 'not reached',
      note: '80% of runs finish in this range',
    },
    {
      label: 'Sensitive equipment out by the deadline',
      value: chanceText(summary.sensitive.p_by_deadline),
      ...(sensitive50 === null ? {} : { note: `median ${dayLabel(sensitive50)}` }),
    },
    { label: 'Sorties flown', value: summary.mean_sorties.toFixed(0), note: 'mean per run' },
  ];
  if (summary.unfinished.runs > 0) {
    stats.push({
      label: 'Never finished',
      value: `${summary.unfinished.runs.toLocaleString('en-US')} of ${runsText(summary.runs)}`,
      note: summary.unfinished.cause === '' ? 'stopped at the horizon' : `most often: ${summary.unfinished.cause}`,
    });
  }
  return {
    kicker: `Scenario: ${summary.scenario}`,
    verdict: `${words}: ${chanceText(p)} chance to finish by the deadline, ${deadline}`,
    detail: `95% confidence interval ${chanceText(lo)} – ${chanceText(hi)}, from ${summary.runs} simulated runs (seed ${summary.seed}).`,
    tone,
    stats,
    // The sentence says what it is ("Main constraint: ..."): a label would say it twice.
    diagnosis: { text: summary.diagnosis },
  };
}
