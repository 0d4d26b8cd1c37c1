/**
 * The CSV of every replication (`retrograde run --csv`, or replicationsCsv in a script): one row
 * per replication in replication order, for analysis in R, pandas or a spreadsheet. Dates are
 * ISO-8601 UTC to the second; an empty cell means "not by the horizon". Columns:
 *
 * - replication: its index, 0 .. runs - 1 (`retrograde trace --replication N` with the same seed
 *   and --set replays it event by event);
 * - finished: 1 when everything left within the horizon, else 0;
 * - on_time: 1 when everything left by the deadline (the summary's P(by deadline) is their share);
 * - completion: when the last load left; completion_days: the same in days from the start (6 decimals);
 * - sensitive_out: when the sensitive equipment had left every base;
 * - sorties: sorties flown (all bases);
 * - closed_<id>, sensitive_out_<id>, sorties_<id>, for each base in the scenario's order: when
 *   its last load left, when its sensitive equipment had (the start itself when it had none to
 *   move), and the sorties flown to it;
 * - stop_cause: empty when finished; else the kind of cause the summary's "Never finished" line
 *   groups by (the model's words with each figure replaced by #).
 */
import { isoAt } from './summarize.ts';
import type { ReplicationTable } from './replications.ts';

/**
 * Columns of the replications CSV before the per-base ones (`closed_<id>`, `sensitive_out_<id>`,
 * `sorties_<id>` for each base, in the scenario's order), which `stop_cause` follows. Documented in the README.
 */
export const REPLICATION_COLUMNS = ['replication', 'finished', 'on_time', 'completion', 'completion_days', 'sensitive_out', 'sorties'] as const;

/** The header row of the replications CSV of `t` (no line end). */
export function replicationsCsvHeader(t: Pick<ReplicationTable, 'baseIds'>): string {
  return [...REPLICATION_COLUMNS, ...t.baseIds.flatMap((id) => [`closed_${id}`, `sensitive_out_${id}`, `sorties_${id}`]), 'stop_cause'].map(csvCell).join(',');
}

/** A CSV cell: quoted (inner quotes doubled) when it holds a comma, a quote or a line break. */
export function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The replications CSV in parts of at most `rows` lines each (the header first), so that a
 * million replications can be written without one string of 150 MB.
 */
export function* replicationsCsvParts(t: ReplicationTable, rows = 4096): Generator<string> {
  const iso = (h: number): string => (Number.isNaN(h) ? '' : isoAt(t.start, h));
  const baseCols = t.baseIds.map((id) => t.bases[id] as ReplicationTable['bases'][string]);
  const kinds = t.causeKinds.map(csvCell);
  let part = `${replicationsCsvHeader(t)}\n`;
  for (let i = 0; i < t.runs; i++) {
    const c = t.completedH[i] as number;
    const done = !Number.isNaN(c);
    let line = `${i},${done ? 1 : 0},${c <= t.deadlineH ? 1 : 0},${iso(c)},${done ? Math.round((c / 24) * 1e6) / 1e6 : ''},${iso(t.sensitiveH[i] as number)},${t.sorties[i] as number}`;
    for (const b of baseCols) line += `,${iso(b.closedH[i] as number)},${iso(b.sensitiveH[i] as number)},${b.sorties[i] as number}`;
    const k = t.cause[i] as number;
    part += `${line},${k < 0 ? '' : (kinds[k] as string)}\n`;
    if ((i + 1) % rows === 0) {
      yield part;
      part = '';
    }
  }
  if (part !== '') yield part;
}

/**
 * The CSV of `retrograde run --csv`: a header, then one row per replication in replication
 * order, ISO dates (UTC, to the second), 1/0 for yes/no, empty cells for "not by the horizon".
 * Loads as it is in pandas, R and spreadsheets. For very large tables, write replicationsCsvParts.
 */
export function replicationsCsv(t: ReplicationTable): string {
  let s = '';
  for (const part of replicationsCsvParts(t)) s += part;
  return s;
}
