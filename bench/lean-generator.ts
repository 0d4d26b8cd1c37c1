/**
 * The floor of the generator approach: the least a process-per-customer engine with
 * generator functions can do in V8, for the M/M/1 benchmark only. It keeps what no such
 * engine can avoid (a generator and a process object per customer, an event object per wait,
 * a generator resume per event, the same heap and queues as the engine) and drops everything
 * the engine's SimPy semantics add: event states, failures thrown into processes, waiter
 * lists and callbacks, interrupts, priorities and preemption, process completion events, the
 * active process, and every check.
 *
 * Not an engine: nothing outside `bench/` may use it. It is measured beside the engine so that
 * the gap between the two is the measured price of those semantics, and the gap between it
 * and the bare heap loop is the price of generators and objects as such.
 */
import { EventHeap } from '../sim/engine/heap.ts';
import { Fifo } from '../sim/engine/fifo.ts';

type Gen = Generator<LeanEvent, void, unknown>;

const GENERATOR_NEXT = (Object.getPrototypeOf(function* () {}).prototype as Gen).next as (this: Gen, value?: unknown) => IteratorResult<LeanEvent, void>;

class LeanEvent {
  proc: LeanProcess | null = null;
}

class LeanProcess {
  constructor(readonly gen: Gen) {}
}

export class LeanEnv {
  now = 0;
  private readonly heap = new EventHeap<LeanEvent>();
  private readonly starts = new Fifo<LeanProcess>();
  /** @internal events triggered at the current time */
  readonly nowQ = new Fifo<LeanEvent>();
  private serial = 0;

  timeout(delay: number): LeanEvent {
    const ev = new LeanEvent();
    this.heap.push(this.now + delay, this.serial++, ev);
    return ev;
  }

  process(gen: Gen): void {
    this.starts.push(new LeanProcess(gen));
  }

  run(): void {
    const { heap, starts, nowQ } = this;
    for (;;) {
      const start = starts.shift();
      if (start !== undefined) {
        resume(start);
        continue;
      }
      let ev = nowQ.shift();
      if (ev === undefined) {
        const t = heap.topTime();
        if (t === Infinity) return;
        this.now = t;
        ev = heap.pop() as LeanEvent;
        while (heap.topTime() === t) nowQ.push(heap.pop() as LeanEvent);
      }
      const proc = ev.proc;
      if (proc !== null) {
        ev.proc = null;
        resume(proc);
      }
    }
  }
}

function resume(proc: LeanProcess): void {
  const r = GENERATOR_NEXT.call(proc.gen);
  if (r.done !== true) r.value.proc = proc;
}

/** A FIFO single server: request() gives an event that triggers when the server is yours. */
export class LeanServer {
  private busy = false;
  private readonly waiting = new Fifo<LeanEvent>();
  constructor(private readonly env: LeanEnv) {}

  request(): LeanEvent {
    const ev = new LeanEvent();
    if (this.busy) this.waiting.push(ev);
    else {
      this.busy = true;
      this.env.nowQ.push(ev);
    }
    return ev;
  }

  release(): void {
    const next = this.waiting.shift();
    if (next !== undefined) this.env.nowQ.push(next);
    else this.busy = false;
  }
}
