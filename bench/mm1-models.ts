/**
 * The same M/M/1 queue (FCFS, one server) three ways: on the engine with a process per
 * customer, on the bare heap loop with two callbacks, and on simjs. Interarrival and service
 * times come from two seeded streams and each model draws them in the same order (service at
 * arrival), so all three simulate the same sample path and report the same mean wait: they
 * differ only in the event machinery.
 */
import { createStream, type Stream } from '../sim/random/index.ts';
import { Environment, Resource } from '../sim/engine/index.ts';
import { BareLoop } from './bare-heap.ts';
import { LeanEnv, LeanServer } from './lean-generator.ts';
import type { Simjs, SimjsEntity } from '../test/support/simjs.ts';

export interface MM1Params {
  customers: number;
  lambda: number;
  mu: number;
  seed: string;
}

export interface MM1Result {
  /** Mean wait in queue over all customers. */
  wq: number;
  /** Logical events: one arrival and one departure per customer. */
  events: number;
  /** Wall-clock seconds of the run. */
  seconds: number;
  /** CPU seconds of this process during the run (all threads, so GC helpers count too). */
  cpuSeconds: number;
}

/** Times `body` by wall clock and by process CPU time. */
function timed(body: () => void): { seconds: number; cpuSeconds: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  body();
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { seconds, cpuSeconds: (c.user + c.system) / 1e6 };
}

const exp = (s: Stream, rate: number): number => -Math.log(1 - s.next()) / rate;

function streams(p: MM1Params): { arrivals: Stream; services: Stream } {
  return { arrivals: createStream(p.seed, 0, 'arrivals'), services: createStream(p.seed, 0, 'services') };
}

/** Process-based M/M/1 on the engine: a source process and a process per customer. */
export function engineMM1(p: MM1Params): MM1Result {
  const { arrivals, services } = streams(p);
  const env = new Environment();
  const server = new Resource(env, { name: 'server', capacity: 1 });
  let waitSum = 0;
  let served = 0;
  function* customer(): Generator<any, void, any> {
    const arrived = env.now;
    const service = exp(services, p.mu);
    const req = server.request();
    yield req;
    waitSum += env.now - arrived;
    yield env.timeout(service);
    server.release(req);
    served++;
  }
  function* source(): Generator<any, void, any> {
    for (let i = 0; i < p.customers; i++) {
      yield env.timeout(exp(arrivals, p.lambda));
      env.process(customer());
    }
  }
  const time = timed(() => {
    env.process(source());
    env.run();
  });
  if (served !== p.customers) throw new Error(`engineMM1: served ${served} of ${p.customers}`);
  return { wq: waitSum / served, events: 2 * served, ...time };
}

/**
 * The same process-based M/M/1 on the lean generator floor (bench/lean-generator.ts): the
 * engine's code, line for line, without its semantics. Written out again rather than shared:
 * one generator serving both would see both engines' objects at its call sites and slow both.
 */
export function leanMM1(p: MM1Params): MM1Result {
  const { arrivals, services } = streams(p);
  const env = new LeanEnv();
  const server = new LeanServer(env);
  let waitSum = 0;
  let served = 0;
  function* customer(): Generator<any, void, any> {
    const arrived = env.now;
    const service = exp(services, p.mu);
    yield server.request();
    waitSum += env.now - arrived;
    yield env.timeout(service);
    server.release();
    served++;
  }
  function* source(): Generator<any, void, any> {
    for (let i = 0; i < p.customers; i++) {
      yield env.timeout(exp(arrivals, p.lambda));
      env.process(customer());
    }
  }
  const time = timed(() => {
    env.process(source());
    env.run();
  });
  if (served !== p.customers) throw new Error(`leanMM1: served ${served} of ${p.customers}`);
  return { wq: waitSum / served, events: 2 * served, ...time };
}

/** Callback M/M/1 on the bare heap loop: an arrival and a departure callback, a FIFO of arrival times. */
export function bareMM1(p: MM1Params): MM1Result {
  const { arrivals, services } = streams(p);
  const loop = new BareLoop();
  // Waiting customers, FIFO: arrival times and service times drawn at arrival.
  const arrivedAt = new Float64Array(p.customers);
  const serviceOf = new Float64Array(p.customers);
  let head = 0;
  let tail = 0;
  let busy = false;
  let arrived = 0;
  let served = 0;
  let waitSum = 0;
  const depart = (l: BareLoop): void => {
    served++;
    if (head < tail) {
      waitSum += l.now - (arrivedAt[head] as number);
      l.schedule(serviceOf[head++] as number, depart);
    } else busy = false;
  };
  const arrive = (l: BareLoop): void => {
    arrived++;
    if (arrived < p.customers) l.schedule(exp(arrivals, p.lambda), arrive);
    const service = exp(services, p.mu);
    if (busy) {
      arrivedAt[tail] = l.now;
      serviceOf[tail++] = service;
    } else {
      busy = true;
      l.schedule(service, depart);
    }
  };
  const time = timed(() => {
    loop.schedule(exp(arrivals, p.lambda), arrive);
    loop.run();
  });
  if (served !== p.customers) throw new Error(`bareMM1: served ${served} of ${p.customers}`);
  return { wq: waitSum / served, events: 2 * served, ...time };
}

/** M/M/1 on simjs's FCFS Facility, with an entity that generates customers by timer. */
export function simjsMM1(lib: Simjs, p: MM1Params): MM1Result {
  const { arrivals, services } = streams(p);
  const sim = new lib.Sim();
  const server = new lib.Facility('server', lib.Facility.FCFS, 1);
  let arrived = 0;
  let served = 0;
  let waitSum = 0;
  // simjs calls `start` on the instance; the class must come from its own Entity.
  const Base = lib.Entity as unknown as new (...args: any[]) => SimjsEntity;
  class Source extends Base {
    start(): void {
      this.setTimer(exp(arrivals, p.lambda)).done(this.arrive, this);
    }
    arrive(): void {
      arrived++;
      if (arrived < p.customers) this.setTimer(exp(arrivals, p.lambda)).done(this.arrive, this);
      const at = this.time();
      const service = exp(services, p.mu);
      this.useFacility(server, service).done(() => {
        served++;
        waitSum += this.time() - at - service;
      });
    }
  }
  const time = timed(() => {
    sim.addEntity(Source);
    sim.simulate(Infinity);
  });
  if (served !== p.customers) throw new Error(`simjsMM1: served ${served} of ${p.customers}`);
  return { wq: waitSum / served, events: 2 * served, ...time };
}
