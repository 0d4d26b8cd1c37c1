/**
 * Per-replication outcomes, for analysts who want every replication rather than the summary's
 * histograms (runBatch's `replications` option, `retrograde run --csv`).
 *
 * Kept column by column in typed arrays, not as an object per replication: a batch with
 * `precision` can reach a million replications, and a million objects with nested per-base
 * records would take gigabytes where these columns take about 64 MB (two bases). A chunk fills
 * its own columns where it ran (worker or main thread); the columns are joined in replication
 * order at the end, so index i is replication i whatever the workers or rounds.
 */
import type { ReplicationResult } from '../model/types.ts';
import { causeKind } from './causes.ts';

/** One range of replications' outcomes, column by column: what a chunk carries back when asked. */
export interface ReplicationColumns {
  /** Replication j of these columns is replication from + j of the batch. */
  from: number;
  to: number;
  /** When everything had left, hours from start; NaN when not by the horizon. */
  completedH: Float64Array;
  /** When the sensitive equipment had left every base, hours; NaN when not by the horizon. */
  sensitiveH: Float64Array;
  sorties: Uint32Array;
  /** Per base b (layout order) and replication j, at [b * (to - from) + j]: when its last load left, hours; NaN if not. */
  closedH: Float64Array;
  /** Same layout: when its sensitive equipment had left, hours (0 when it had none); NaN if not. */
  baseSensitiveH: Float64Array;
  /** Same layout: sorties flown to the base. */
  baseSorties: Uint32Array;
  /** Index into causeKinds of an unfinished replication's stop cause; -1 when it finished. */
  cause: Int32Array;
  causeKinds: string[];
}

/** Empty columns for replications [from, to) of a scenario with `bases` bases. */
export function emptyReplicationColumns(bases: number, from: number, to: number): ReplicationColumns {
  const n = to - from;
  return {
    from,
    to,
    completedH: new Float64Array(n),
    sensitiveH: new Float64Array(n),
    sorties: new Uint32Array(n),
    closedH: new Float64Array(bases * n),
    baseSensitiveH: new Float64Array(bases * n),
    baseSorties: new Uint32Array(bases * n),
    cause: new Int32Array(n),
    causeKinds: [],
  };
}

const hours = (h: number | null | undefined): number => (h === null || h === undefined ? NaN : h);

/** Records replication r (from <= r.replication < to) in columns, bases in the order of `baseIds`. */
export function recordReplication(cols: ReplicationColumns, baseIds: readonly string[], r: ReplicationResult): void {
  const n = cols.to - cols.from;
  const j = r.replication - cols.from;
  cols.completedH[j] = hours(r.completedH);
  cols.sensitiveH[j] = hours(r.classDoneH.sensitive);
  cols.sorties[j] = r.sorties;
  for (let b = 0; b < baseIds.length; b++) {
    const br = r.bases[baseIds[b] as string];
    cols.closedH[b * n + j] = hours(br?.closedH);
    cols.baseSensitiveH[b * n + j] = hours(br?.sensitiveDoneH);
    cols.baseSorties[b * n + j] = br?.sorties ?? 0;
  }
  if (r.completedH !== null) {
    cols.cause[j] = -1;
    return;
  }
  // The kind the summary's diagnosis groups by (see accumulate), so the two can be matched.
  const kind = causeKind(r.stopCause);
  let k = cols.causeKinds.indexOf(kind);
  if (k < 0) k = cols.causeKinds.push(kind) - 1;
  cols.cause[j] = k;
}

/**
 * Every replication of a batch, column by column: index i of each array is replication i.
 * Times are hours from `start`; NaN means "not by the horizon". See replicationRow for one
 * replication as an object, and replicationsCsv (replications-csv.ts) for the CSV of `retrograde run --csv`.
 */
export interface ReplicationTable {
  /** Replications, numbered 0 .. runs - 1. */
  runs: number;
  /** Scenario start, ISO-8601 (UTC). */
  start: string;
  /** The deadline, hours from start. */
  deadlineH: number;
  /** Base ids, in the scenario's order (the order of the per-base CSV columns). */
  baseIds: string[];
  /** When everything had left, hours; NaN when not by the horizon. */
  completedH: Float64Array;
  /** When the sensitive equipment had left every base, hours; NaN when not by the horizon. */
  sensitiveH: Float64Array;
  /** Sorties flown. */
  sorties: Uint32Array;
  /** Per base id: when its last load left, and when its sensitive equipment had (0 when it had none), hours, NaN if not by the horizon; sorties flown to it. */
  bases: Record<string, { closedH: Float64Array; sensitiveH: Float64Array; sorties: Uint32Array }>;
  /** Index into causeKinds of an unfinished replication's stop cause; -1 when it finished. */
  cause: Int32Array;
  /** Stop-cause kinds (figures replaced by '#', as the summary's diagnosis groups them), in order of first replication. */
  causeKinds: string[];
}

/**
 * Joins chunk columns (in any order) into the table of replications [0, runs); throws when a
 * chunk has no columns or the chunks do not tile [0, runs) (a scheduler bug, never input).
 */
export function joinReplications(
  chunks: ReadonlyArray<{ from: number; to: number; replications?: ReplicationColumns | undefined }>,
  runs: number,
  meta: { start: string; deadlineH: number; baseIds: readonly string[] },
): ReplicationTable {
  const nb = meta.baseIds.length;
  const all = emptyReplicationColumns(nb, 0, runs);
  const kinds = new Map<string, number>();
  let expected = 0;
  for (const c of [...chunks].sort((a, b) => a.from - b.from)) {
    if (c.from !== expected) throw new Error(`joinReplications: expected a chunk starting at ${expected}, got ${c.from}`);
    const cols = c.replications;
    if (cols === undefined) throw new Error(`joinReplications: chunk [${c.from}, ${c.to}) was run without per-replication columns`);
    const n = c.to - c.from;
    all.completedH.set(cols.completedH, c.from);
    all.sensitiveH.set(cols.sensitiveH, c.from);
    all.sorties.set(cols.sorties, c.from);
    for (let b = 0; b < nb; b++) {
      all.closedH.set(cols.closedH.subarray(b * n, (b + 1) * n), b * runs + c.from);
      all.baseSensitiveH.set(cols.baseSensitiveH.subarray(b * n, (b + 1) * n), b * runs + c.from);
      all.baseSorties.set(cols.baseSorties.subarray(b * n, (b + 1) * n), b * runs + c.from);
    }
    // Kinds are renumbered in replication order, so the table is the same whichever chunk came first.
    for (let j = 0; j < n; j++) {
      const k = cols.cause[j] as number;
      if (k < 0) {
        all.cause[c.from + j] = -1;
        continue;
      }
      const kind = cols.causeKinds[k] as string;
      let g = kinds.get(kind);
      if (g === undefined) kinds.set(kind, (g = kinds.size));
      all.cause[c.from + j] = g;
    }
    expected = c.to;
  }
  if (expected !== runs) throw new Error(`joinReplications: the chunks cover [0, ${expected}), expected [0, ${runs})`);
  const bases: ReplicationTable['bases'] = {};
  meta.baseIds.forEach((id, b) => {
    const part = <A extends Float64Array | Uint32Array>(a: A): A => a.subarray(b * runs, (b + 1) * runs) as A;
    bases[id] = { closedH: part(all.closedH), sensitiveH: part(all.baseSensitiveH), sorties: part(all.baseSorties) };
  });
  return {
    runs,
    start: meta.start,
    deadlineH: meta.deadlineH,
    baseIds: [...meta.baseIds],
    completedH: all.completedH,
    sensitiveH: all.sensitiveH,
    sorties: all.sorties,
    bases,
    cause: all.cause,
    causeKinds: [...kinds.keys()],
  };
}

/** One replication's outcome as an object; times are hours from the start, null when not by the horizon. */
export interface ReplicationRow {
  replication: number;
  /** Everything left within the horizon. */
  finished: boolean;
  /** Everything left by the deadline (the summary's P(by deadline) counts these). */
  onTime: boolean;
  completedH: number | null;
  sensitiveH: number | null;
  sorties: number;
  /** Per base id: when its last load left, when its sensitive equipment had (0 when it had none), and sorties flown to it. */
  bases: Record<string, { closedH: number | null; sensitiveH: number | null; sorties: number }>;
  /** The kind of cause of an unfinished run (figures as '#'); '' when it finished. */
  stopCause: string;
}

const orNull = (h: number): number | null => (Number.isNaN(h) ? null : h);

/** Replication i of the table as an object; throws a RangeError when i is not a replication of it. */
export function replicationRow(t: ReplicationTable, i: number): ReplicationRow {
  if (!Number.isInteger(i) || i < 0 || i >= t.runs) throw new RangeError(`replicationRow: replication must be an integer in [0, ${t.runs - 1}], got ${i}`);
  const c = t.completedH[i] as number;
  const bases: ReplicationRow['bases'] = {};
  for (const id of t.baseIds) {
    const b = t.bases[id] as ReplicationTable['bases'][string];
    bases[id] = { closedH: orNull(b.closedH[i] as number), sensitiveH: orNull(b.sensitiveH[i] as number), sorties: b.sorties[i] as number };
  }
  const k = t.cause[i] as number;
  return {
    replication: i,
    finished: !Number.isNaN(c),
    onTime: c <= t.deadlineH, // false for NaN
    completedH: orNull(c),
    sensitiveH: orNull(t.sensitiveH[i] as number),
    sorties: t.sorties[i] as number,
    bases,
    stopCause: k < 0 ? '' : (t.causeKinds[k] as string),
  };
}
