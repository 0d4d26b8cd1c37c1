/**
 * Reduces replication results into a chunk of plain, transferable numbers, and merges chunks.
 *
 * Why chunks: a batch is cut into fixed ranges of replications whatever the number of workers,
 * each range is reduced where it ran, and ranges are merged in range order. Per-replication
 * values are stored at their replication's index and sums are added in a fixed order, so the
 * summary is byte-identical with 1 worker or 8.
 */
import type { Scenario } from '../scenario/types.ts';
import type { ReplicationResult, TimeBudget } from '../model/types.ts';

/** Bins of the remaining-load histograms (plus one bin for exact zero). */
export const FAN_BINS = 200;

/** Order of the time-budget fields in flat arrays. */
export const BUDGET_KEYS = ['clearanceWaitH', 'rampWaitH', 'groundH', 'flyingH', 'hubH', 'downH', 'cargoWaitH'] as const satisfies ReadonlyArray<keyof TimeBudget>;

/** Fixed dimensions of a batch's accumulators, derived from the scenario. */
export interface Layout {
  baseIds: string[];
  days: number;
  /** Histogram maxima per series: series 2*b is cargo ST of base b, 2*b+1 its personnel; b = baseIds.length is all bases. */
  seriesMax: number[];
}

/** One range of replications, reduced. Everything is a number or a typed array. */
export interface Chunk {
  from: number;
  to: number;
  /** Per replication, hours; NaN where it did not finish. */
  completedH: Float64Array;
  sensitiveH: Float64Array;
  /** Per base then per replication: closedH[b * n + i]. */
  closedH: Float64Array;
  /** Sortie counts: [all, base 0, base 1, ...] summed over the chunk. */
  sorties: Float64Array;
  /** Time budget sums: [(1 + bases) x BUDGET_KEYS], all first. */
  time: Float64Array;
  commercialPersonnel: number;
  /** Horizon causes and their counts. */
  causes: Record<string, number>;
  /** Histograms: [series][day][bin 0..FAN_BINS]. */
  fan: Uint32Array;
  /** Ramp occupancy sums and counts: [base][day]. */
  rampUs: Float64Array;
  rampRu: Float64Array;
  rampN: Float64Array;
}

/** Computes the accumulator layout of a scenario. */
export function layoutOf(scenario: Scenario): Layout {
  const baseIds = Object.keys(scenario.bases);
  const seriesMax: number[] = [];
  let allCargo = 0;
  let allPeople = 0;
  for (const id of baseIds) {
    const c = (scenario.bases[id] as Scenario['bases'][string]).cargo;
    seriesMax.push(Math.max(1e-9, c.sensitiveST + c.equipmentST), Math.max(1e-9, c.personnel));
    allCargo += c.sensitiveST + c.equipmentST;
    allPeople += c.personnel;
  }
  seriesMax.push(Math.max(1e-9, allCargo), Math.max(1e-9, allPeople));
  return { baseIds, days: Math.max(1, Math.ceil(scenario.horizonH / 24)), seriesMax };
}

/** Creates an empty chunk for replications [from, to). */
export function emptyChunk(layout: Layout, from: number, to: number): Chunk {
  const n = to - from;
  const nb = layout.baseIds.length;
  const series = 2 * (nb + 1);
  return {
    from,
    to,
    completedH: new Float64Array(n).fill(NaN),
    sensitiveH: new Float64Array(n).fill(NaN),
    closedH: new Float64Array(n * nb).fill(NaN),
    sorties: new Float64Array(1 + nb),
    time: new Float64Array((1 + nb) * BUDGET_KEYS.length),
    commercialPersonnel: 0,
    causes: {},
    fan: new Uint32Array(series * layout.days * (FAN_BINS + 1)),
    rampUs: new Float64Array(nb * layout.days),
    rampRu: new Float64Array(nb * layout.days),
    rampN: new Float64Array(nb * layout.days),
  };
}

function bin(value: number, max: number): number {
  if (value <= 1e-9) return 0;
  const b = Math.ceil((value / max) * FAN_BINS);
  return b < 1 ? 1 : b > FAN_BINS ? FAN_BINS : b;
}

function addBudget(target: Float64Array, offset: number, t: TimeBudget): void {
  for (let k = 0; k < BUDGET_KEYS.length; k++) add(target, offset + k, t[BUDGET_KEYS[k] as keyof TimeBudget]);
}

/** Adds one replication's result to the chunk that holds its index. */
export function accumulate(layout: Layout, chunk: Chunk, r: ReplicationResult): void {
  const i = r.replication - chunk.from;
  const n = chunk.to - chunk.from;
  const nb = layout.baseIds.length;
  const days = layout.days;
  if (r.completedH !== null) chunk.completedH[i] = r.completedH;
  else chunk.causes[r.stopCause] = (chunk.causes[r.stopCause] ?? 0) + 1;
  if (r.classDoneH.sensitive !== null) chunk.sensitiveH[i] = r.classDoneH.sensitive;
  add(chunk.sorties, 0, r.sorties);
  chunk.commercialPersonnel += r.commercialPersonnel;
  addBudget(chunk.time, 0, r.time);

  // Remaining load per base per day, carried forward past the last record (zero once done).
  const cargo = new Float64Array(nb * days);
  const people = new Float64Array(nb * days);
  const seen = new Int32Array(nb).fill(-1);
  for (let b = 0; b < nb; b++) {
    const br = r.bases[layout.baseIds[b] as string];
    if (br === undefined) continue;
    if (br.closedH !== null) chunk.closedH[b * n + i] = br.closedH;
    add(chunk.sorties, 1 + b, br.sorties);
    addBudget(chunk.time, (1 + b) * BUDGET_KEYS.length, br.time);
  }
  const baseIndex = new Map(layout.baseIds.map((id, b) => [id, b]));
  for (const d of r.daily) {
    const b = baseIndex.get(d.base);
    if (b === undefined || d.day < 0 || d.day >= days) continue;
    cargo[b * days + d.day] = d.sensitiveST + d.equipmentST;
    people[b * days + d.day] = d.personnel;
    if (d.day > (seen[b] as number)) seen[b] = d.day;
    add(chunk.rampUs, b * days + d.day, d.usOnRamp);
    add(chunk.rampRu, b * days + d.day, d.ruOnRamp);
    add(chunk.rampN, b * days + d.day, 1);
  }
  const finished = r.stopReason === 'done';
  for (let b = 0; b < nb; b++) {
    const last = seen[b] as number;
    for (let day = Math.max(0, last + 1); day < days; day++) {
      cargo[b * days + day] = finished || last < 0 ? 0 : (cargo[b * days + last] as number);
      people[b * days + day] = finished || last < 0 ? 0 : (people[b * days + last] as number);
    }
  }
  const stride = FAN_BINS + 1;
  for (let day = 0; day < days; day++) {
    let allC = 0;
    let allP = 0;
    for (let b = 0; b < nb; b++) {
      const c = cargo[b * days + day] as number;
      const p = people[b * days + day] as number;
      allC += c;
      allP += p;
      add(chunk.fan, ((2 * b) * days + day) * stride + bin(c, layout.seriesMax[2 * b] as number), 1);
      add(chunk.fan, ((2 * b + 1) * days + day) * stride + bin(p, layout.seriesMax[2 * b + 1] as number), 1);
    }
    add(chunk.fan, ((2 * nb) * days + day) * stride + bin(allC, layout.seriesMax[2 * nb] as number), 1);
    add(chunk.fan, ((2 * nb + 1) * days + day) * stride + bin(allP, layout.seriesMax[2 * nb + 1] as number), 1);
  }
}

/** The whole batch, merged from chunks in replication order. */
export interface Totals {
  runs: number;
  completedH: Float64Array;
  sensitiveH: Float64Array;
  /** Per base: closing hours per replication. */
  closedH: Float64Array[];
  sorties: Float64Array;
  time: Float64Array;
  commercialPersonnel: number;
  causes: Record<string, number>;
  fan: Uint32Array;
  rampUs: Float64Array;
  rampRu: Float64Array;
  rampN: Float64Array;
}

/**
 * Merges chunks that cover replications [0, runs) without gaps, in replication order.
 * Throws when the chunks do not tile the range (a bug in the scheduler, never user input).
 */
export function mergeChunks(layout: Layout, chunks: Chunk[]): Totals {
  const sorted = [...chunks].sort((a, b) => a.from - b.from);
  const runs = sorted.length === 0 ? 0 : (sorted[sorted.length - 1] as Chunk).to;
  const nb = layout.baseIds.length;
  const first = emptyChunk(layout, 0, 0);
  const t: Totals = {
    runs,
    completedH: new Float64Array(runs),
    sensitiveH: new Float64Array(runs),
    closedH: layout.baseIds.map(() => new Float64Array(runs)),
    sorties: first.sorties,
    time: first.time,
    commercialPersonnel: 0,
    causes: {},
    fan: first.fan,
    rampUs: first.rampUs,
    rampRu: first.rampRu,
    rampN: first.rampN,
  };
  let expected = 0;
  for (const c of sorted) {
    if (c.from !== expected) throw new Error(`mergeChunks: expected a chunk starting at ${expected}, got ${c.from}`);
    expected = c.to;
    const n = c.to - c.from;
    t.completedH.set(c.completedH, c.from);
    t.sensitiveH.set(c.sensitiveH, c.from);
    for (let b = 0; b < nb; b++) (t.closedH[b] as Float64Array).set(c.closedH.subarray(b * n, (b + 1) * n), c.from);
    addInto(t.sorties, c.sorties);
    addInto(t.time, c.time);
    t.commercialPersonnel += c.commercialPersonnel;
    for (const [cause, k] of Object.entries(c.causes)) t.causes[cause] = (t.causes[cause] ?? 0) + k;
    addInto(t.fan, c.fan);
    addInto(t.rampUs, c.rampUs);
    addInto(t.rampRu, c.rampRu);
    addInto(t.rampN, c.rampN);
  }
  return t;
}

/** arr[i] += x, for typed arrays under noUncheckedIndexedAccess. */
function add(arr: Float64Array | Uint32Array, i: number, x: number): void {
  arr[i] = (arr[i] as number) + x;
}

function addInto(target: Float64Array | Uint32Array, source: Float64Array | Uint32Array): void {
  for (let k = 0; k < target.length; k++) add(target, k, source[k] as number);
}
