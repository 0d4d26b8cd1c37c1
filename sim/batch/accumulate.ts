/**
 * Reduces replication results into chunks of plain, transferable numbers, and merges chunks.
 *
 * Why chunks: a batch is cut into fixed ranges of replications whatever the number of workers,
 * each range is reduced where it ran, and the merge adds integer counts as chunks arrive (order
 * cannot matter) and floating-point sums in range order at the end (order would matter). So the
 * summary is byte-identical with 1 worker or 8, and memory does not grow with the number of
 * replications: nothing is kept per replication.
 */
import type { Scenario } from '../scenario/types.ts';
import type { ReplicationResult, TimeBudget } from '../model/types.ts';
import { addCause, causeKind, oneCause, type CauseCount } from './causes.ts';
import { joinOnTimeBits, type OnTimeBits } from './on-time.ts';
import { joinReplications, type ReplicationColumns, type ReplicationTable } from './replications.ts';

/** Bins of the remaining-load histograms (plus one bin for exact zero): quantiles within 1% of the base's total. */
export const FAN_BINS = 100;
const STRIDE = FAN_BINS + 1;

/** Order of the time-budget fields in flat arrays. */
export const BUDGET_KEYS = ['clearanceWaitH', 'rampWaitH', 'groundH', 'flyingH', 'hubH', 'downH', 'cargoWaitH', 'teamWaitH', 'closedWaitH'] as const satisfies ReadonlyArray<keyof TimeBudget>;

/** Fixed dimensions of a batch's accumulators, derived from the scenario, with scratch space for one replication. */
export interface Layout {
  baseIds: string[];
  baseIndex: Map<string, number>;
  days: number;
  /** One-hour bins of the finishing-time histograms, covering [0, horizon]. */
  hourBins: number;
  deadlineH: number;
  /** Histogram maxima per series: series 2*b is cargo ST of base b, 2*b+1 its personnel; b = baseIds.length is all bases. */
  seriesMax: number[];
  /** Scratch: remaining cargo and personnel per base per day, and the last recorded day per base. */
  cargo: Float64Array;
  people: Float64Array;
  seen: Int32Array;
}

/**
 * Finishing-time series, each a histogram of one-hour bins: TIME_ALL (everything out),
 * TIME_SENSITIVE (sensitive equipment out), then TIME_BASE0 + b (base b closed), then
 * TIME_BASE0 + bases + b (base b's sensitive equipment out: see sensitiveSeries). Histograms
 * rather than per-replication values keep memory flat in the number of replications; quantiles
 * come out within an hour.
 */
export const TIME_ALL = 0;
export const TIME_SENSITIVE = 1;
export const TIME_BASE0 = 2;

/** The finishing-time series of base b's sensitive equipment (b from 0 to the layout's bases - 1). */
export function sensitiveSeries(layout: Layout, b: number): number {
  return TIME_BASE0 + layout.baseIds.length + b;
}

/** One range of replications, reduced. Everything is a number or a typed array. */
export interface Chunk {
  from: number;
  to: number;
  /** Finishing-time histograms: [series][hour bin]. */
  times: Uint16Array;
  /** Per series: replications that finished, and that finished by the deadline. */
  finished: Uint32Array;
  onTime: Uint32Array;
  /** Per series: sum of finishing hours (for means). */
  sumH: Float64Array;
  /** Sortie counts: [all, base 0, base 1, ...] summed over the chunk. */
  sorties: Float64Array;
  /** Time budget sums: [(1 + bases) x BUDGET_KEYS], all first. */
  time: Float64Array;
  commercialPersonnel: number;
  /** Why runs stopped at the horizon, grouped by kind (see causeKind). */
  causes: Record<string, CauseCount>;
  /** Histograms of remaining load, for days up to each replication's last record: [series][day][bin 0..FAN_BINS]. 16-bit: a chunk holds at most MAX_CHUNK replications. */
  fan: Uint16Array;
  /** Replications of a finished run whose base b (b = bases: all) is empty from day d on: [(b) * (days + 1) + d]. */
  emptyFrom: Uint32Array;
  /** Ramp occupancy sums and counts: [base][day]. */
  rampUs: Float64Array;
  rampRu: Float64Array;
  rampN: Float64Array;
  /** Only when the batch asked for per-replication outcomes: bit j is replication from + j finished by the deadline (see on-time.ts). */
  onTimeBits?: Uint8Array;
  /** Only when the batch asked for every replication's outcomes: its columns (see replications.ts). */
  replications?: ReplicationColumns;
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
  const days = Math.max(1, Math.ceil(scenario.horizonH / 24));
  const nb = baseIds.length;
  return {
    baseIds,
    baseIndex: new Map(baseIds.map((id, b) => [id, b])),
    days,
    hourBins: Math.max(1, Math.ceil(scenario.horizonH) + 1),
    deadlineH: scenario.deadlineH,
    seriesMax,
    cargo: new Float64Array(nb * days),
    people: new Float64Array(nb * days),
    seen: new Int32Array(nb),
  };
}

/** Most replications in one chunk, so that a chunk's counts fit 16 bits. */
export const MAX_CHUNK = 65_535;

/** Creates an empty chunk for replications [from, to); throws on more than MAX_CHUNK. */
export function emptyChunk(layout: Layout, from: number, to: number): Chunk {
  const n = to - from;
  if (n > MAX_CHUNK) throw new RangeError(`emptyChunk: at most ${MAX_CHUNK} replications per chunk, got ${n}`);
  const nb = layout.baseIds.length;
  const days = layout.days;
  const series = TIME_BASE0 + 2 * nb;
  return {
    from,
    to,
    times: new Uint16Array(series * layout.hourBins),
    finished: new Uint32Array(series),
    onTime: new Uint32Array(series),
    sumH: new Float64Array(series),
    sorties: new Float64Array(1 + nb),
    time: new Float64Array((1 + nb) * BUDGET_KEYS.length),
    commercialPersonnel: 0,
    causes: {},
    fan: new Uint16Array(2 * (nb + 1) * days * STRIDE),
    emptyFrom: new Uint32Array((nb + 1) * (days + 1)),
    rampUs: new Float64Array(nb * days),
    rampRu: new Float64Array(nb * days),
    rampN: new Float64Array(nb * days),
  };
}

function bin(value: number, max: number): number {
  if (value <= 1e-9) return 0;
  const b = Math.ceil((value / max) * FAN_BINS);
  return b < 1 ? 1 : b > FAN_BINS ? FAN_BINS : b;
}

/** arr[i] += x, for typed arrays under noUncheckedIndexedAccess. */
function add(arr: Float64Array | Uint32Array | Uint16Array, i: number, x: number): void {
  arr[i] = (arr[i] as number) + x;
}

function addBudget(target: Float64Array, offset: number, t: TimeBudget): void {
  for (let k = 0; k < BUDGET_KEYS.length; k++) add(target, offset + k, t[BUDGET_KEYS[k] as keyof TimeBudget]);
}

/** Counts one finishing time (null: did not finish) in series `k`. */
function finish(layout: Layout, chunk: Chunk, k: number, h: number | null): void {
  if (h === null) return;
  const bin = Math.min(layout.hourBins - 1, Math.max(0, Math.floor(h)));
  add(chunk.times, k * layout.hourBins + bin, 1);
  add(chunk.finished, k, 1);
  if (h <= layout.deadlineH) add(chunk.onTime, k, 1);
  add(chunk.sumH, k, h);
}

/** Adds one replication's result to a chunk. */
export function accumulate(layout: Layout, chunk: Chunk, r: ReplicationResult): void {
  const nb = layout.baseIds.length;
  const days = layout.days;
  finish(layout, chunk, TIME_ALL, r.completedH);
  if (r.completedH === null) addCause(chunk.causes, causeKind(r.stopCause), oneCause(r.replication, r.stopCause));
  finish(layout, chunk, TIME_SENSITIVE, r.classDoneH.sensitive);
  add(chunk.sorties, 0, r.sorties);
  chunk.commercialPersonnel += r.commercialPersonnel;
  addBudget(chunk.time, 0, r.time);
  for (let b = 0; b < nb; b++) {
    const br = r.bases[layout.baseIds[b] as string];
    if (br === undefined) continue;
    finish(layout, chunk, TIME_BASE0 + b, br.closedH);
    finish(layout, chunk, sensitiveSeries(layout, b), br.sensitiveDoneH);
    add(chunk.sorties, 1 + b, br.sorties);
    addBudget(chunk.time, (1 + b) * BUDGET_KEYS.length, br.time);
  }

  // Remaining load per base and day, from the daily records.
  const { cargo, people, seen } = layout;
  seen.fill(-1);
  // The per-record and per-day loops index each typed array directly: through add(), whose
  // feedback mixes three array types, every access pays a polymorphic check.
  const { rampUs, rampRu, rampN } = chunk;
  // Records come grouped by base: look the base up only when it changes.
  let base = '';
  let b: number | undefined;
  for (const d of r.daily) {
    if (d.base !== base) {
      base = d.base;
      b = layout.baseIndex.get(base);
    }
    if (b === undefined || d.day < 0 || d.day >= days) continue;
    const k = b * days + d.day;
    cargo[k] = d.sensitiveST + d.equipmentST;
    people[k] = d.personnel;
    if (d.day > (seen[b] as number)) seen[b] = d.day;
    rampUs[k]! += d.usOnRamp;
    rampRu[k]! += d.ruOnRamp;
    rampN[k]! += 1;
  }
  // A finished run is empty after its last record: one count marks that, instead of a zero per
  // remaining day (most of the horizon). An unfinished one carries its last values forward.
  const finished = r.stopReason === 'done';
  let lastAll = -1;
  for (let b = 0; b < nb; b++) {
    const last = seen[b] as number;
    if (last > lastAll) lastAll = last;
    if (finished) add(chunk.emptyFrom, b * (days + 1) + last + 1, 1);
    else {
      for (let day = last + 1; day < days; day++) {
        cargo[b * days + day] = last < 0 ? 0 : (cargo[b * days + last] as number);
        people[b * days + day] = last < 0 ? 0 : (people[b * days + last] as number);
      }
      seen[b] = days - 1;
    }
  }
  if (finished) add(chunk.emptyFrom, nb * (days + 1) + lastAll + 1, 1);
  const fan = chunk.fan;
  const max = layout.seriesMax;
  const until = finished ? lastAll : days - 1;
  for (let day = 0; day <= until; day++) {
    let allC = 0;
    let allP = 0;
    for (let b = 0; b < nb; b++) {
      // A base whose records ended earlier than the run's is empty on this day.
      const on = day <= (seen[b] as number);
      const c = on ? (cargo[b * days + day] as number) : 0;
      const p = on ? (people[b * days + day] as number) : 0;
      allC += c;
      allP += p;
      if (on) {
        fan[(2 * b * days + day) * STRIDE + bin(c, max[2 * b] as number)]! += 1;
        fan[((2 * b + 1) * days + day) * STRIDE + bin(p, max[2 * b + 1] as number)]! += 1;
      }
    }
    fan[(2 * nb * days + day) * STRIDE + bin(allC, max[2 * nb] as number)]! += 1;
    fan[((2 * nb + 1) * days + day) * STRIDE + bin(allP, max[2 * nb + 1] as number)]! += 1;
  }
}

/**
 * The whole batch, merged from chunks: a chunk's fields over every replication, with 32-bit
 * histograms, and `fan` complete (every replication counted on every day).
 */
export type Totals = Omit<Chunk, 'from' | 'to' | 'times' | 'fan' | 'emptyFrom' | 'onTimeBits' | 'replications'> & {
  runs: number;
  times: Uint32Array;
  fan: Uint32Array;
};

type Sums = Pick<Chunk, 'from' | 'to' | 'sumH' | 'sorties' | 'time' | 'commercialPersonnel' | 'causes' | 'rampUs' | 'rampRu' | 'rampN' | 'onTimeBits' | 'replications'>;

/**
 * Merges chunks as they arrive, in any order. Histogram counts are added at once (integers:
 * order cannot matter); the small floating-point sums are kept per chunk and added in
 * replication order by `totals()`.
 */
export class Merger {
  private readonly layout: Layout;
  private readonly times: Uint32Array;
  private readonly finished: Uint32Array;
  private readonly onTime: Uint32Array;
  private readonly fan: Uint32Array;
  private readonly emptyFrom: Uint32Array;
  private readonly sums: Sums[] = [];
  private covered = 0;

  constructor(layout: Layout) {
    this.layout = layout;
    const e = emptyChunk(layout, 0, 0);
    this.times = new Uint32Array(e.times.length);
    this.finished = e.finished;
    this.onTime = e.onTime;
    this.fan = new Uint32Array(e.fan.length);
    this.emptyFrom = e.emptyFrom;
  }

  /** Replications merged so far. */
  get count(): number {
    return this.covered;
  }

  /** Replications merged so far that finished everything by the deadline. */
  get onTimeCount(): number {
    return this.onTime[TIME_ALL] as number;
  }

  /** Adds a chunk; throws if its range overlaps one already added (a scheduler bug, never user input). */
  add(c: Chunk): void {
    if (this.sums.some((s) => c.from < s.to && s.from < c.to)) throw new Error(`Merger: chunk [${c.from}, ${c.to}) overlaps one already merged`);
    addInto(this.times, c.times);
    addInto(this.finished, c.finished);
    addInto(this.onTime, c.onTime);
    addInto(this.fan, c.fan);
    addInto(this.emptyFrom, c.emptyFrom);
    const { from, to, sumH, sorties, time, commercialPersonnel, causes, rampUs, rampRu, rampN, onTimeBits, replications } = c;
    this.sums.push({ from, to, sumH, sorties, time, commercialPersonnel, causes, rampUs, rampRu, rampN, onTimeBits, replications });
    this.covered += to - from;
  }

  /**
   * Bit i: replication i finished everything by the deadline, over the replications merged so
   * far; throws when a chunk was run without them or the chunks do not tile [0, count).
   */
  onTimeBits(): OnTimeBits {
    return joinOnTimeBits(this.sums, this.covered);
  }

  /**
   * Every replication merged so far, column by column (`start`: the scenario's, ISO); throws when
   * a chunk was run without them or the chunks do not tile [0, count).
   */
  replications(start: string): ReplicationTable {
    return joinReplications(this.sums, this.covered, { start, deadlineH: this.layout.deadlineH, baseIds: this.layout.baseIds });
  }

  /** The merged totals; throws when the chunks do not tile [0, count) (a scheduler bug). */
  totals(): Totals {
    const layout = this.layout;
    const nb = layout.baseIds.length;
    const days = layout.days;
    const sorted = [...this.sums].sort((a, b) => a.from - b.from);
    const e = emptyChunk(layout, 0, 0);
    const t: Totals = {
      runs: this.covered,
      times: this.times,
      finished: this.finished,
      onTime: this.onTime,
      sumH: e.sumH,
      sorties: e.sorties,
      time: e.time,
      commercialPersonnel: 0,
      causes: {},
      fan: this.fan.slice(), // totals() adds the empty days into its own copy
      rampUs: e.rampUs,
      rampRu: e.rampRu,
      rampN: e.rampN,
    };
    let expected = 0;
    for (const c of sorted) {
      if (c.from !== expected) throw new Error(`Merger: expected a chunk starting at ${expected}, got ${c.from}`);
      expected = c.to;
      addInto(t.sumH, c.sumH);
      addInto(t.sorties, c.sorties);
      addInto(t.time, c.time);
      t.commercialPersonnel += c.commercialPersonnel;
      for (const [kind, k] of Object.entries(c.causes)) addCause(t.causes, kind, k);
      addInto(t.rampUs, c.rampUs);
      addInto(t.rampRu, c.rampRu);
      addInto(t.rampN, c.rampN);
    }
    // Replications already empty at a base count as zero remaining there from that day on.
    for (let b = 0; b <= nb; b++) {
      let empty = 0;
      for (let day = 0; day < days; day++) {
        empty += this.emptyFrom[b * (days + 1) + day] as number;
        add(t.fan, (2 * b * days + day) * STRIDE, empty);
        add(t.fan, ((2 * b + 1) * days + day) * STRIDE, empty);
      }
    }
    return t;
  }
}

function addInto(target: Float64Array | Uint32Array, source: Float64Array | Uint32Array | Uint16Array): void {
  // Loops over the length of the target: every array here has a fixed layout size.
  for (let k = 0; k < target.length; k++) add(target, k, source[k] as number);
}
