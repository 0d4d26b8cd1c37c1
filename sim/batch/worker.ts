/**
 * Worker thread: receives chunk jobs, runs them, posts the reduced chunks back.
 * It keeps prepared scenarios, so a sweep's points reuse warm workers.
 */
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../scenario/types.ts';
import { chunkBuffers, prepare, runChunk, type Prepared } from './chunk.ts';
import type { JobMessage, ReplyMessage } from './pool.ts';

const port = parentPort;
if (port === null) throw new Error('sim/batch/worker.ts must run in a worker thread');

/** Prepared models by scenario key; a sweep interleaves the chunks of many points. */
const cache = new Map<string, Prepared>();
const CACHE_LIMIT = 64;

port.on('message', (job: JobMessage) => {
  let reply: ReplyMessage;
  try {
    let prepared = cache.get(job.key);
    if (prepared === undefined) {
      prepared = prepare(job.scenario as Scenario);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(job.key, prepared);
    }
    const chunk = runChunk(prepared, job.seed, job.from, job.to, job.keep);
    reply = { id: job.id, chunk };
    port.postMessage(reply, chunkBuffers(chunk));
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id: job.id, error: { message: e.message, stack: e.stack ?? '' } };
    port.postMessage(reply);
  }
});
