/**
 * The few facts every run chart needs, taken from a Summary once and checked, so that a
 * malformed summary fails with the field's name rather than as an empty or shifted chart.
 */
import type { Summary } from '../sim/batch/types.ts';
import { DAY_MS, parseInstant } from './time.ts';

export interface RunFacts {
  startMs: number;
  deadlineMs: number;
  runs: number;
  /** Share (0..1) of runs that finished inside the horizon: the height the completion ECDF reaches. */
  finishedShare: number;
  /** Base ids in a stable order (the summary's order). */
  baseIds: string[];
}

/** Checks and extracts the facts the charts share; throws naming the summary field that is wrong. */
export function runFacts(summary: Summary): RunFacts {
  const startMs = parseInstant(summary.start, 'summary.start');
  const deadlineMs = parseInstant(summary.deadline, 'summary.deadline');
  if (!Number.isInteger(summary.runs) || summary.runs < 1) {
    throw new Error(`Report: summary.runs must be a whole number >= 1, got ${summary.runs}`);
  }
  const unfinished = summary.unfinished.runs;
  if (!Number.isInteger(unfinished) || unfinished < 0 || unfinished > summary.runs) {
    throw new Error(`Report: summary.unfinished.runs must be between 0 and summary.runs (${summary.runs}), got ${unfinished}`);
  }
  return {
    startMs,
    deadlineMs,
    runs: summary.runs,
    finishedShare: (summary.runs - unfinished) / summary.runs,
    baseIds: Object.keys(summary.bases),
  };
}

/** The instant `days` after the start, UTC ms. */
export function dayToMs(facts: RunFacts, days: number): number {
  return facts.startMs + days * DAY_MS;
}

/** A base as charts name it: `AB101 – Air Base 101 (Niamey)`, or the name alone when it already holds the id. */
export function baseLabel(summary: Summary, id: string): string {
  const name = summary.bases[id]?.name ?? '';
  if (name === '' || name === id) return id;
  return name.includes(id) ? name : `${id} – ${name}`;
}
