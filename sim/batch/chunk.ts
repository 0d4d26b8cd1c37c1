/**
 * Runs one range of replications and reduces it: the unit of work of a batch, the same in a
 * worker thread and in the main thread.
 */
import type { Scenario } from '../scenario/types.ts';
import { createModel, type Model } from '../model/index.ts';
import { accumulate, emptyChunk, layoutOf, type Chunk, type Layout } from './accumulate.ts';
import { emptyOnTimeBits, setOnTime } from './on-time.ts';

/** A model and its accumulator layout, built once per scenario and reused for every chunk. */
export interface Prepared {
  model: Model;
  layout: Layout;
}

/** Builds the model and layout of a scenario (throws what createModel throws). */
export function prepare(scenario: Scenario): Prepared {
  return { model: createModel(scenario), layout: layoutOf(scenario) };
}

/**
 * Runs replications [from, to) with `seed` and reduces them into a chunk; with `onTime`, the
 * chunk also carries each replication's finished-by-the-deadline outcome (`onTimeBits`).
 */
export function runChunk(prepared: Prepared, seed: string, from: number, to: number, onTime = false): Chunk {
  const { layout, model } = prepared;
  const chunk = emptyChunk(layout, from, to);
  if (!onTime) {
    for (let i = from; i < to; i++) accumulate(layout, chunk, model.run(seed, i));
    return chunk;
  }
  const bits = emptyOnTimeBits(to - from);
  for (let i = from; i < to; i++) {
    const r = model.run(seed, i);
    accumulate(layout, chunk, r);
    // The same test as the summary's count of runs finished by the deadline (accumulate's finish).
    if (r.completedH !== null && r.completedH <= layout.deadlineH) setOnTime(bits, i - from);
  }
  chunk.onTimeBits = bits;
  return chunk;
}

/** The buffers of a chunk, to transfer rather than copy between threads. */
export function chunkBuffers(c: Chunk): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [c.times, c.finished, c.onTime, c.sumH, c.sorties, c.time, c.fan, c.emptyFrom, c.rampUs, c.rampRu, c.rampN];
  if (c.onTimeBits !== undefined) arrays.push(c.onTimeBits);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
