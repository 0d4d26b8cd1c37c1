/**
 * The engine_costs section: what the parts of the hot path cost, in nanoseconds per
 * operation, each the median of 3 timed loops after a warm-up. These explain the M/M/1
 * ratio: a process-per-customer M/M/1 pays, per customer, one generator creation, four
 * generator resumes (three in the customer, one in the source), four event objects and two
 * heap round trips; the bare loop pays two heap round trips and two calls.
 */
import { Environment, EventHeap, SimEvent } from '../sim/engine/index.ts';
import { median, type SectionContext } from './section.ts';

function timeNs(ops: number, body: () => void): number {
  const runs: number[] = [];
  body(); // warm-up
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    body();
    runs.push(((performance.now() - t0) * 1e6) / ops);
  }
  return Number(median(runs).toFixed(1));
}

export async function engineCostsSection(ctx: SectionContext): Promise<Record<string, unknown>> {
  const N = ctx.quick ? 200_000 : 2_000_000;
  const out: Record<string, number> = {};
  let sink = 0;

  ctx.log('engine_costs: heap push+pop at size 8');
  out.heap_push_pop_ns = timeNs(N, () => {
    const heap = new EventHeap<number>();
    for (let i = 0; i < 8; i++) heap.push(i, i, i);
    for (let i = 8; i < N + 8; i++) {
      heap.push(heap.topTime() + 8, i, i);
      sink += heap.pop() as number;
    }
  });

  ctx.log('engine_costs: event allocation');
  out.event_alloc_ns = timeNs(N, () => {
    const env = new Environment();
    const keep: SimEvent<unknown>[] = new Array(1024);
    for (let i = 0; i < N; i++) keep[i & 1023] = env.event();
    sink += keep.length;
  });

  ctx.log('engine_costs: generator resume');
  out.generator_resume_ns = timeNs(N, () => {
    function* g(): Generator<number, void, number> {
      let x = 0;
      for (;;) x += yield x;
    }
    const it = g();
    it.next();
    for (let i = 0; i < N; i++) sink += it.next(1).value as number;
  });

  ctx.log('engine_costs: generator creation and first resume');
  out.generator_create_start_ns = timeNs(N, () => {
    function* g(a: number): Generator<number, void, number> {
      yield a;
    }
    for (let i = 0; i < N; i++) sink += g(i).next().value as number;
  });

  ctx.log('engine_costs: process waiting on a timeout (alloc + heap + loop + resume)');
  out.process_timeout_roundtrip_ns = timeNs(N, () => {
    const env = new Environment();
    env.process(
      (function* () {
        for (let i = 0; i < N; i++) yield env.timeout(1);
      })(),
    );
    env.run();
  });

  ctx.log('engine_costs: callback chain on timeouts (callback list + closure per event)');
  out.callback_timeout_roundtrip_ns = timeNs(N, () => {
    const env = new Environment();
    let left = N;
    const next = (): void => {
      if (--left > 0) env.timeout(1).addCallback(next);
    };
    env.timeout(1).addCallback(next);
    env.run();
  });

  ctx.log('engine_costs: process start (create + urgent queue + first resume)');
  out.process_start_ns = timeNs(N, () => {
    const env = new Environment();
    function* noop(): Generator<SimEvent<unknown>, void, unknown> {}
    for (let i = 0; i < N; i++) {
      env.process(noop());
      if ((i & 1023) === 1023) env.run();
    }
    env.run();
  });

  if (sink === 42) ctx.log('');
  return out;
}
