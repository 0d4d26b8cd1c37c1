/**
 * Human-readable text for the terminal: the summary of a batch and a progress bar.
 */
import type { Summary, TimeShares } from '../batch/types.ts';
import { overridesWords } from '../batch/command.ts';
import { noSensitiveToMove } from '../batch/summarize.ts';

/** A count and its noun, singular for 1: "1 replication", "2,000 replications". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}

const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;
const day = (iso: string | null): string => (iso === null ? 'not by horizon' : iso.slice(0, 10));

/**
 * A scenario's start or deadline for a header: the date, the time and the zone, always, so that a
 * deadline of `2024-09-15` reads as what it is (00:00 UTC on the 15th: a finish later that day is
 * late) and `2024-09-15T23:59Z` is not mistaken for it.
 */
export function moment(iso: string): string {
  const time = iso.slice(11, 19);
  if (time === '') return `${iso.slice(0, 10)} 00:00 UTC`;
  return `${iso.slice(0, 10)} ${time.endsWith(':00') ? time.slice(0, 5) : time} UTC`;
}

/**
 * The header line that lists the `--set` overrides as given (shell-quoted where a value has
 * spaces), or no line when there are none.
 */
export function overridesLines(sets: readonly string[]): string[] {
  return sets.length === 0 ? [] : [`  overrides: ${overridesWords(sets)}`];
}

/**
 * Where the time went, as one line: "waiting for clearance 51%, ..., other 1%". Causes under half
 * a percent are summed into a last "other" ("other <1%" when the sum rounds to 0), so that the
 * line accounts for all the time; the JSON (`time`) names each of them.
 */
export function formatShares(t: TimeShares): string {
  const parts: Array<[string, number]> = [
    ['waiting for clearance', t.clearanceWait],
    ['waiting for a ramp spot', t.rampWait],
    ['waiting for a loading team', t.teamWait],
    ['waiting for the airfield to open', t.closedWait],
    ['waiting for cargo', t.cargoWait],
    ['on the ground loading', t.loading],
    ['flying', t.flying],
    ['at the hub (turnaround, crew rest)', t.hub],
    ['not mission-capable', t.down],
  ];
  const shown = parts
    .filter(([, v]) => v >= 0.005)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${pct(v, 0)}`);
  const other = parts.reduce((sum, [, v]) => (v < 0.005 ? sum + v : sum), 0);
  if (other > 0) shown.push(`other ${other < 0.005 ? '<1%' : pct(other, 0)}`);
  return shown.join(', ');
}

/** The base table's sorties header: a mean over the replications (the dates beside it are quantiles). */
const SORTIES = 'mean sorties';

/** The readable summary `retrograde run` prints; `sets` are the overrides listed in the header (by default the summary's own). */
export function formatSummary(s: Summary, sets: readonly string[] = s.overrides ?? []): string {
  const [lo, hi] = s.p_by_deadline_ci95;
  const lines: string[] = [];
  lines.push(`${s.scenario}`);
  lines.push(...overridesLines(sets));
  lines.push(`  ${count(s.runs, 'replication')}, seed ${s.seed}, start ${moment(s.start)}, deadline ${moment(s.deadline)}`);
  lines.push('');
  lines.push(`  P(finish by deadline)   ${pct(s.p_by_deadline)}   (95% CI ${pct(lo)} to ${pct(hi)})`);
  lines.push(`  Everything out          P10 ${day(s.completion.p10)}   median ${day(s.completion.p50)}   P90 ${day(s.completion.p90)}`);
  // No base with sensitive equipment to move: say so, rather than dates that are only the start.
  if (noSensitiveToMove(s)) lines.push('  Sensitive equipment out none to move');
  else lines.push(`  Sensitive equipment out P10 ${day(s.sensitive.p10)}   median ${day(s.sensitive.p50)}   P90 ${day(s.sensitive.p90)}   (${pct(s.sensitive.p_by_deadline)} by deadline)`);
  if (s.unfinished.runs > 0) lines.push(`  Never finished          ${count(s.unfinished.runs, 'replication')} (most often: ${s.unfinished.cause})`);
  lines.push('');
  const names = Object.entries(s.bases).map(([id, b]) => `${id} ${b.name}`);
  const w = Math.max(11, ...names.map((n) => n.length));
  // Date columns as wide as their widest cell ("not by horizon" is wider than a date).
  const dates = Object.values(s.bases).map((b) => [day(b.closed.p10), day(b.closed.p50), day(b.closed.p90)]);
  const cw = Math.max(12, ...dates.flat().map((d) => d.length + 2));
  // The median date each base's sensitive equipment is out, last: results saved before it was
  // added have none, and then the column is left out rather than filled with blanks.
  const sensitive = Object.values(s.bases).every((b) => b.sensitive !== undefined);
  // The sorties figure starts two columns left of its header (as it always has), so the sorties
  // cell of a row is two wider than the header's.
  const sorties = Object.values(s.bases).map((b) => b.mean_sorties.toFixed(1));
  const sw = Math.max(`  ${SORTIES}`.length, ...sorties.map((t) => t.length));
  const tail = (sortiesCell: string, width: number, sensitiveCell: string): string => (sensitive ? `${sortiesCell.padEnd(width)}  ${sensitiveCell}` : sortiesCell);
  lines.push(`  ${'Base closes'.padEnd(w)}  ${'P10'.padEnd(cw)}${'median'.padEnd(cw)}${'P90'.padEnd(cw)}by deadline  ${tail(SORTIES, sw - 2, 'median sensitive out')}`);
  Object.entries(s.bases).forEach(([id, b], i) => {
    const [p10, p50, p90] = dates[i] as string[];
    const row = `${(p10 as string).padEnd(cw)}${(p50 as string).padEnd(cw)}${(p90 as string).padEnd(cw)}${pct(b.p_by_deadline).padStart(6)}     `;
    lines.push(`  ${`${id} ${b.name}`.padEnd(w)}  ${row}${tail(sorties[i] as string, sw, b.sensitive === null ? 'none' : day(b.sensitive?.p50 ?? null))}`);
  });
  lines.push('');
  lines.push(`  Sorties per replication ${s.mean_sorties.toFixed(1)} on average`);
  lines.push(`  Aircraft time           ${formatShares(s.time)}`);
  lines.push('');
  lines.push(`  ${s.diagnosis}`);
  // The interval is about the replications, not the inputs, which are mostly estimates.
  lines.push('  The 95% CI is simulation noise only, given these inputs; `retrograde sensitivity` shows how P moves with them.');
  return lines.join('\n') + '\n';
}

/** A one-line progress bar for a terminal: "[#####.....] 52% 5,200/10,000". */
export function progressLine(done: number, planned: number, width = 30): string {
  const f = planned > 0 ? Math.min(1, done / planned) : 0;
  const filled = Math.round(f * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(f * 100)}% ${done.toLocaleString('en-US')}/${planned.toLocaleString('en-US')}`;
}
