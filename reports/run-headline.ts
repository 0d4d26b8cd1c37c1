/**
 * The run report's headline: how likely the deadline is, in words and numbers, and why.
 */
import type { Summary } from '../sim/batch/types.ts';
import { countText, overridesText, runsText } from './words.ts';
import type { PageHeadline, PageStat } from './page.ts';
import type { RunFacts } from './facts.ts';
import { dayLabel, dayRangeLabel, momentLabel, parseInstant } from './time.ts';
import { noSensitiveToMove } from '../sim/batch/summarize.ts';

/**
 * A plain-words verdict for a probability, with the tone the page colours it in. The words are
 * the US intelligence community's expressions of likelihood (ICD 203), which the planners who
 * read these reports already use: almost no chance (under 5%), very unlikely (5-20%), unlikely
 * (20-45%), roughly even chance (45-55%), likely (55-80%), very likely (80-95%), almost certain
 * (95% and over). The tone is about a hard deadline: green only at 90% and over, since a one in
 * four chance of missing it is not good news, and red below an even chance.
 */
export function verdictFor(p: number): { words: string; tone: PageHeadline['tone'] } {
  const tone: PageHeadline['tone'] = p >= 0.9 ? 'good' : p >= 0.5 ? 'warn' : 'bad';
  if (p >= 0.95) return { words: 'Almost certain', tone };
  if (p >= 0.8) return { words: 'Very likely', tone };
  if (p >= 0.55) return { words: 'Likely', tone };
  if (p >= 0.45) return { words: 'Roughly even chance', tone };
  if (p >= 0.2) return { words: 'Unlikely', tone };
  if (p >= 0.05) return { words: 'Very unlikely', tone };
  return { words: 'Almost no chance', tone };
}

/**
 * Percent for readers, in every report: one decimal, as the terminal prints it, so the page and
 * the terminal give the same figures for the same result ("98.7%", not "99%"); a share in 0..1.
 */
export function percent(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}

/** A chance as the reports state it: the same as `percent` (kept for callers that name it so). */
export function chanceText(p: number): string {
  return percent(p);
}

/**
 * The P10-P90 stat. "80% of runs finish in this range" is true only when both ends were reached
 * inside the horizon; otherwise the note says how many runs finished at all, since a range whose
 * end lies beyond the horizon says nothing about the runs that never finished.
 */
function rangeStat(summary: Summary, p10: number | null, p90: number | null): PageStat {
  const label = 'Likely range (P10 – P90)';
  if (p10 !== null && p90 !== null) return { label, value: dayRangeLabel(p10, p90), note: '80% of runs finish in this range' };
  const finished = summary.runs - summary.unfinished.runs;
  const byHorizon = `only ${countText(finished)} of ${runsText(summary.runs)} (${chanceText(finished / summary.runs)}) finished by the horizon`;
  if (p10 !== null) return { label, value: `${dayLabel(p10)} – after the horizon`, note: `${byHorizon}; the range ends beyond it` };
  return { label, value: 'after the horizon', note: `${byHorizon}; the whole range lies beyond it` };
}

/** The headline block of a run report. */
export function runHeadline(summary: Summary, facts: RunFacts): PageHeadline {
  const p = summary.p_by_deadline;
  const [lo, hi] = summary.p_by_deadline_ci95;
  const deadline = momentLabel(facts.deadlineMs);
  const { words, tone } = verdictFor(p);
  const date = (iso: string | null, what: string): number | null => (iso === null ? null : parseInstant(iso, what));
  const p10 = date(summary.completion.p10, 'summary.completion.p10');
  const p50 = date(summary.completion.p50, 'summary.completion.p50');
  const p90 = date(summary.completion.p90, 'summary.completion.p90');
  const sensitive50 = date(summary.sensitive.p50, 'summary.sensitive.p50');
  const noSensitive = noSensitiveToMove(summary);
  const stats: PageStat[] = [
    { label: 'Median completion', value: p50 === null ? 'not reached' : dayLabel(p50), note: p50 === null ? 'fewer than half the runs finished by the horizon' : 'half the runs finish by then' },
    rangeStat(summary, p10, p90),
    noSensitive
      ? { label: 'Sensitive equipment out by the deadline', value: 'none to move', note: 'no base has sensitive equipment' }
      : {
          label: 'Sensitive equipment out by the deadline',
          value: chanceText(summary.sensitive.p_by_deadline),
          ...(sensitive50 === null ? {} : { note: `median ${dayLabel(sensitive50)}` }),
        },
    { label: 'Sorties flown', value: countText(summary.mean_sorties), note: 'mean per run' },
  ];
  if (summary.unfinished.runs > 0) {
    stats.push({
      label: 'Never finished',
      value: `${countText(summary.unfinished.runs)} of ${runsText(summary.runs)}`,
      note: summary.unfinished.cause === '' ? 'stopped at the horizon' : `most often: ${summary.unfinished.cause}`,
    });
  }
  return {
    kicker: `Scenario: ${summary.scenario}${overridesText(summary.overrides)}`,
    verdict: `${words}: ${chanceText(p)} chance to finish by the deadline, ${deadline}`,
    detail:
      `95% confidence interval ${chanceText(lo)} – ${chanceText(hi)}, from ${countText(summary.runs)} simulated run${summary.runs === 1 ? '' : 's'} (seed ${summary.seed}). ` +
      'The interval is simulation noise only, given the scenario\'s inputs, most of them estimates; retrograde sensitivity shows how the chance moves with them.',
    tone,
    stats,
    // The sentence says what it is ("Main constraint: ..."): a label would say it twice.
    diagnosis: { text: summary.diagnosis },
  };
}
