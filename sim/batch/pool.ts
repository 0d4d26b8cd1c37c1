/**
 * A pool of worker threads that run chunk jobs. Workers are started once and reused for every
 * job (and every point of a sweep); jobs go to whichever worker is free. Which worker runs a
 * chunk never changes its result, so the merged summary does not depend on the pool size.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Scenario } from '../scenario/types.ts';
import type { Chunk } from './accumulate.ts';
import type { Keep } from './chunk.ts';
import { workerSource } from './worker-source.ts';

export interface JobMessage {
  id: number;
  /** Identifies the scenario, so a worker prepares the model once per scenario. */
  key: string;
  scenario: Scenario;
  seed: string;
  from: number;
  to: number;
  /** What to carry back per replication besides the reduced counts (Chunk.onTimeBits, Chunk.replications). */
  keep: Keep;
}

export type ReplyMessage =
  | { id: number; chunk: Chunk; error?: undefined }
  | { id: number; chunk?: undefined; error: { message: string; stack: string } };

interface Pending {
  job: JobMessage;
  resolve: (c: Chunk) => void;
  reject: (e: Error) => void;
}

/** Heap limit of each worker's old generation, MB, unless the pool is told otherwise. */
export const WORKER_HEAP_MB = 128;

/**
 * A worker ran out of its heap: not a bug and not bad input, but a scenario larger than the
 * workers are sized for. The message says what to do instead.
 */
export class WorkerMemoryError extends Error {
  constructor(heapMb: number) {
    super(
      `a worker thread ran out of memory (its heap is limited to ${heapMb} MB); ` +
        'this scenario needs more per replication than workers are sized for: run it with --workers 0 (in the main thread, without that limit)',
    );
    this.name = 'WorkerMemoryError';
  }
}

/** Default pool size: every core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export class WorkerPool {
  readonly size: number;
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 1;
  private failed: Error | undefined;
  private shut = false;

  private readonly heapMb: number;

  /** True once close() was called: the pool runs nothing more. */
  get closed(): boolean {
    return this.shut;
  }

  /** Starts `size` worker threads, each with an old-generation heap of `heapMb` MB; throws on size < 1. */
  constructor(size: number = defaultWorkers(), { heapMb = WORKER_HEAP_MB }: { heapMb?: number } = {}) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`WorkerPool: size must be an integer >= 1, got ${size}`);
    this.size = size;
    this.heapMb = heapMb;
    const source = workerSource();
    // A replication needs a few MB at most; without limits V8 lets each worker's heap grow with
    // the work done (about 40 MB more per worker over a million replications) before collecting.
    for (let i = 0; i < size; i++) {
      const w = new Worker(source, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: Math.min(16, heapMb), maxOldGenerationSizeMb: heapMb } });
      w.on('message', (m: ReplyMessage) => this.onReply(w, m));
      w.on('error', (e: Error) => this.onFatal(w, (e as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerMemoryError(this.heapMb) : e));
      w.on('exit', (code) => {
        if (!this.shut && code !== 0) this.onFatal(w, new Error(`worker exited with code ${code}`));
      });
      // Idle workers do not keep the process alive, so a script that forgets close() still ends
      // when its work is done; a worker with a job is ref'd until its reply (see dispatch).
      w.unref();
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /**
   * Runs replications [from, to) of `scenario` in some worker (with `keep`, the chunk carries
   * per-replication outcomes: see runChunk); rejects once the pool is closed.
   */
  run(key: string, scenario: Scenario, seed: string, from: number, to: number, keep: Keep = {}): Promise<Chunk> {
    if (this.shut) return Promise.reject(new Error('this WorkerPool was closed and can no longer run batches; make a new one'));
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<Chunk>((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, key, scenario, seed, from, to, keep }, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Stops every worker. Safe to call twice. Not required for the process to end: idle workers do
   * not keep it alive (only a worker running a job does), but close() frees the threads at once.
   */
  async close(): Promise<void> {
    if (this.shut) return;
    this.shut = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop() as Worker;
      const p = this.queue.shift() as Pending;
      this.running.set(w, p);
      w.ref();
      w.postMessage(p.job);
    }
  }

  private onReply(w: Worker, m: ReplyMessage): void {
    const p = this.running.get(w);
    this.running.delete(w);
    w.unref();
    this.idle.push(w);
    if (p !== undefined) {
      if (m.error !== undefined) {
        const e = new Error(m.error.message);
        e.stack = m.error.stack;
        p.reject(e);
      } else p.resolve(m.chunk);
    }
    this.dispatch();
  }

  private onFatal(w: Worker, e: Error): void {
    this.failed ??= e;
    const p = this.running.get(w);
    this.running.delete(w);
    p?.reject(e);
    for (const q of this.queue.splice(0)) q.reject(e);
  }
}
