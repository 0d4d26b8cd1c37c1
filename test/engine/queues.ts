/**
 * Queueing models used to check the engine against theory and against simjs: M/M/c on the
 * engine (a process per customer) and M/M/1 on simjs's FCFS facility. Arrivals and services
 * draw from separate streams, so both simulators consume the same numbers in the same order
 * and an FCFS run gives the same waits on both.
 */
import { createStream, type Stream } from '../../sim/random/index.ts';
import { Environment, Resource, Tally } from '../../sim/engine/index.ts';
import type { Simjs, SimjsEntity } from '../support/simjs.ts';

export interface QueueParams {
  lambda: number;
  mu: number;
  servers: number;
  /** Customers whose waits are recorded, after the warm-up. */
  customers: number;
  /** Customers discarded at the start (initial-condition bias). */
  warmup: number;
  seed: string;
  replication: number;
}

export interface QueueResult {
  /** Mean wait in queue of the recorded customers. */
  meanWait: number;
  /** Fraction of recorded customers who waited at all. */
  fractionWaited: number;
}

const exp = (s: Stream, rate: number): number => -Math.log(1 - s.next()) / rate;

function streams(p: QueueParams): { arrivals: Stream; services: Stream } {
  return {
    arrivals: createStream(p.seed, p.replication, 'arrivals'),
    services: createStream(p.seed, p.replication, 'services'),
  };
}

/** M/M/c on the engine: a source process and a process per customer. */
export function mmcEngine(p: QueueParams): QueueResult {
  const { arrivals, services } = streams(p);
  const env = new Environment();
  const servers = new Resource(env, { name: 'servers', capacity: p.servers });
  const waits = new Tally('wait');
  let waited = 0;
  const total = p.warmup + p.customers;
  function* customer(index: number): Generator<any, void, any> {
    const arrived = env.now;
    const service = exp(services, p.mu);
    const req = servers.request();
    yield req;
    const wait = env.now - arrived;
    if (index >= p.warmup) {
      waits.add(wait);
      if (wait > 0) waited++;
    }
    yield env.timeout(service);
    servers.release(req);
  }
  function* source(): Generator<any, void, any> {
    for (let i = 0; i < total; i++) {
      yield env.timeout(exp(arrivals, p.lambda));
      env.process(customer(i));
    }
  }
  env.process(source());
  env.run();
  return { meanWait: waits.mean, fractionWaited: waited / waits.count };
}

/** M/M/1 on simjs's FCFS Facility, drawing in the same order as mmcEngine. */
export function mm1Simjs(lib: Simjs, p: QueueParams): QueueResult {
  if (p.servers !== 1) throw new Error(`mm1Simjs: only one server, got ${p.servers}`);
  const { arrivals, services } = streams(p);
  const sim = new lib.Sim();
  const server = new lib.Facility('server', lib.Facility.FCFS, 1);
  const waits = new Tally('wait');
  let waited = 0;
  let index = 0;
  const total = p.warmup + p.customers;
  const Base = lib.Entity as unknown as new (...args: any[]) => SimjsEntity;
  class Source extends Base {
    start(): void {
      this.setTimer(exp(arrivals, p.lambda)).done(this.arrive, this);
    }
    arrive(): void {
      const i = index++;
      if (index < total) this.setTimer(exp(arrivals, p.lambda)).done(this.arrive, this);
      const arrived = this.time();
      const service = exp(services, p.mu);
      this.useFacility(server, service).done(() => {
        if (i < p.warmup) return;
        const wait = this.time() - arrived - service;
        waits.add(wait);
        // simjs computes the departure time as start + service, so an unqueued wait can be ~1e-13.
        if (wait > 1e-9) waited++;
      });
    }
  }
  sim.addEntity(Source);
  sim.simulate(Infinity);
  return { meanWait: waits.mean, fractionWaited: waited / waits.count };
}

/** Erlang C: probability that an arrival waits in M/M/c with offered load a = lambda/mu. */
export function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1; // sum of a^k/k! for k < c
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c; // a^c/c!
  const tail = last * (c / (c - a));
  return tail / (sum + tail);
}

/** Mean wait in queue for M/M/c (Erlang C formula). */
export function mmcWq(lambda: number, mu: number, c: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}
