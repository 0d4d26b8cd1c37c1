/**
 * Runs one range of replications and reduces it: the unit of work of a batch, the same in a
 * worker thread and in the main thread.
 */
import type { Scenario } from '../scenario/types.ts';
import { createModel, type Model } from '../model/index.ts';
import { accumulate, emptyChunk, layoutOf, type Chunk, type Layout } from './accumulate.ts';
import { emptyOnTimeBits, setOnTime } from './on-time.ts';
import { emptyReplicationColumns, recordReplication } from './replications.ts';

/** A model and its accumulator layout, built once per scenario and reused for every chunk. */
export interface Prepared {
  model: Model;
  layout: Layout;
}

/** Builds the model and layout of a scenario (throws what createModel throws). */
export function prepare(scenario: Scenario): Prepared {
  return { model: createModel(scenario), layout: layoutOf(scenario) };
}

/** What a chunk carries back per replication besides its reduced counts; nothing by default. */
export interface Keep {
  /** Each replication's finished-by-the-deadline bit (Chunk.onTimeBits). */
  onTime?: boolean;
  /** Each replication's outcomes, column by column (Chunk.replications). */
  replications?: boolean;
}

/**
 * Runs replications [from, to) with `seed` and reduces them into a chunk; with `keep.onTime`, the
 * chunk also carries each replication's finished-by-the-deadline outcome (`onTimeBits`), with
 * `keep.replications` its outcomes column by column (`replications`).
 */
export function runChunk(prepared: Prepared, seed: string, from: number, to: number, keep: Keep = {}): Chunk {
  const { layout, model } = prepared;
  const chunk = emptyChunk(layout, from, to);
  if (keep.onTime !== true && keep.replications !== true) {
    for (let i = from; i < to; i++) accumulate(layout, chunk, model.run(seed, i));
    return chunk;
  }
  const bits = keep.onTime === true ? emptyOnTimeBits(to - from) : undefined;
  const cols = keep.replications === true ? emptyReplicationColumns(layout.baseIds.length, from, to) : undefined;
  for (let i = from; i < to; i++) {
    const r = model.run(seed, i);
    accumulate(layout, chunk, r);
    // The same test as the summary's count of runs finished by the deadline (accumulate's finish).
    if (bits !== undefined && r.completedH !== null && r.completedH <= layout.deadlineH) setOnTime(bits, i - from);
    if (cols !== undefined) recordReplication(cols, layout.baseIds, r);
  }
  if (bits !== undefined) chunk.onTimeBits = bits;
  if (cols !== undefined) chunk.replications = cols;
  return chunk;
}

/** The buffers of a chunk, to transfer rather than copy between threads. */
export function chunkBuffers(c: Chunk): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [c.times, c.finished, c.onTime, c.sumH, c.sorties, c.time, c.fan, c.emptyFrom, c.rampUs, c.rampRu, c.rampN];
  if (c.onTimeBits !== undefined) arrays.push(c.onTimeBits);
  const r = c.replications;
  if (r !== undefined) arrays.push(r.completedH, r.sensitiveH, r.sorties, r.closedH, r.baseSensitiveH, r.baseSorties, r.cause);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
