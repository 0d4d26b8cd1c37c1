/**
 * Runs one range of replications and reduces it: the unit of work of a batch, the same in a
 * worker thread and in the main thread.
 */
import type { Scenario } from '../scenario/types.ts';
import { createModel, type Model } from '../model/index.ts';
import { accumulate, emptyChunk, layoutOf, type Chunk, type Layout } from './accumulate.ts';

/** A model and its accumulator layout, built once per scenario and reused for every chunk. */
export interface Prepared {
  model: Model;
  layout: Layout;
}

/** Builds the model and layout of a scenario (throws what createModel throws). */
export function prepare(scenario: Scenario): Prepared {
  return { model: createModel(scenario), layout: layoutOf(scenario) };
}

/** Runs replications [from, to) with `seed` and reduces them into a chunk. */
export function runChunk(prepared: Prepared, seed: string, from: number, to: number): Chunk {
  const chunk = emptyChunk(prepared.layout, from, to);
  for (let i = from; i < to; i++) accumulate(prepared.layout, chunk, prepared.model.run(seed, i));
  return chunk;
}

/** The buffers of a chunk, to transfer rather than copy between threads. */
export function chunkBuffers(c: Chunk): ArrayBuffer[] {
  return [c.times, c.finished, c.onTime, c.sumH, c.sorties, c.time, c.fan, c.emptyFrom, c.rampUs, c.rampRu, c.rampN].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
