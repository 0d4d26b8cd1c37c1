/**
 * A resource with a capacity, a priority queue and optional preemption (a ramp, a crew pool).
 *
 * Requests are served in (priority, request order): lower priority numbers first, FIFO among
 * equals. A request is an event that succeeds when granted; the holder gives it back with
 * `release`. With `preemptive: true`, a request made with `preempt: true` evicts the worst
 * holder (highest priority number, latest among equals) if it is strictly better, and the
 * holder's process receives an Interrupt whose cause is `{ kind: 'preempted', by, usageSince }`.
 */
import { SimEvent } from './event.ts';
import type { Environment } from './environment.ts';
import type { Process } from './process.ts';
import { RequestQueue, servedBefore as before } from './request-queue.ts';

export interface ResourceOptions {
  /** Names the resource in errors, e.g. "AB101 ramp". */
  name: string;
  /** Number of simultaneous holders: an integer >= 1, or Infinity. */
  capacity: number;
  /** Whether `preempt: true` requests may evict holders; default false. */
  preemptive?: boolean;
}

export interface RequestOptions {
  /** Lower is served first; default 0. */
  priority?: number;
  /** Evict a worse holder if the resource is full and preemptive; default false. */
  preempt?: boolean;
}

/** The cause of the Interrupt a preempted holder receives. */
export interface Preempted {
  kind: 'preempted';
  /** The request that took the slot. */
  by: Request;
  /** When the evicted request was granted. */
  usageSince: number;
}

const QUEUED = 0;
const HOLDING = 1;
const RELEASED = 2;
const PREEMPTED = 3;
const CANCELLED = 4;

/** A request for one unit of a resource; yield it to wait until granted. */
export class Request extends SimEvent<void> {
  readonly resource: Resource;
  readonly priority: number;
  readonly preempt: boolean;
  /** Order of the request at its resource. */
  readonly serial: number;
  /** The process that made the request (the one preemption interrupts), or null. */
  readonly process: Process<any> | null;
  /** When the request was granted, NaN until then. */
  usageSince = NaN;
  /** @internal QUEUED, HOLDING, RELEASED, PREEMPTED or CANCELLED */
  _where = QUEUED;

  constructor(resource: Resource, priority: number, preempt: boolean, serial: number) {
    super(resource.env);
    this.resource = resource;
    this.priority = priority;
    this.preempt = preempt;
    this.serial = serial;
    this.process = resource.env.activeProcess;
  }

  /** True while the request holds its resource. */
  get isHolding(): boolean {
    return this._where === HOLDING;
  }

  /** True if the request was evicted by preemption. */
  get wasPreempted(): boolean {
    return this._where === PREEMPTED;
  }

  override describe(): string {
    return `Request #${this.serial} on Resource "${this.resource.name}"`;
  }
}

/** A resource with `capacity` slots, a priority queue and optional preemption. */
export class Resource {
  readonly env: Environment;
  readonly name: string;
  readonly preemptive: boolean;
  /** Current holders, in grant order. */
  readonly users: Request[] = [];
  private readonly waiting = new RequestQueue<Request>();
  private _capacity: number;
  private serial = 0;

  /** Creates a resource; throws if the name is empty or the capacity is not an integer >= 1. */
  constructor(env: Environment, options: ResourceOptions) {
    this.env = env;
    this.name = options.name;
    if (typeof this.name !== 'string' || this.name === '') throw new Error(`Resource: name must be a non-empty string, got ${String(this.name)}`);
    const c = options.capacity;
    if (!(c >= 1) || !(Number.isInteger(c) || c === Infinity)) {
      throw new Error(`Resource "${this.name}": capacity must be >= 1, got ${String(c)}`);
    }
    this._capacity = c;
    this.preemptive = options.preemptive ?? false;
  }

  /** Number of slots; may be changed over time with setCapacity. */
  get capacity(): number {
    return this._capacity;
  }

  /** Number of current holders. */
  get count(): number {
    return this.users.length;
  }

  /** Number of waiting requests. */
  get queueLength(): number {
    return this.waiting.size;
  }

  /** A copy of the waiting requests in serving order. */
  get queue(): Request[] {
    return this.waiting.toArray();
  }

  /** Requests one slot; yield the result to wait for it; throws on a non-finite priority. */
  request(options?: RequestOptions): Request {
    let priority = 0;
    let preempt = false;
    if (options !== undefined) {
      priority = options.priority ?? 0;
      preempt = options.preempt ?? false;
      if (typeof priority !== 'number' || !Number.isFinite(priority)) {
        throw new Error(`Resource "${this.name}": request priority must be a finite number, got ${String(priority)}`);
      }
    }
    const req = new Request(this, priority, preempt, this.serial++);
    const waiting = this.waiting;
    if (this.users.length < this._capacity && waiting.size === 0) {
      this.grant(req);
      return req;
    }
    // Only a request that would be at the head of the line may take a slot, by preemption or
    // otherwise: as in SimPy, which serves its line from the head, a preempting request
    // behind a better waiting one just queues (evicting a holder would leave the slot idle).
    const head = waiting.peek();
    if (head === undefined || before(req, head)) {
      if (preempt && this.preemptive && this.users.length >= this._capacity) this.tryPreempt(req);
      if (this.users.length < this._capacity) {
        this.grant(req);
        return req;
      }
    }
    waiting.insert(req);
    return req;
  }

  /**
   * Gives back a held slot, or cancels a queued request; releasing a request that was evicted
   * by preemption is a no-op. Throws if the request belongs to another resource or was already
   * released or cancelled.
   */
  release(req: Request): void {
    if (!(req instanceof Request) || req.resource !== this) {
      const other = req instanceof Request ? `a request of Resource "${req.resource.name}"` : String(req);
      throw new Error(`Resource "${this.name}": cannot release ${other}`);
    }
    switch (req._where) {
      case HOLDING: {
        removeItem(this.users, req);
        req._where = RELEASED;
        this.grantWaiting();
        return;
      }
      case QUEUED: {
        this.waiting.remove(req);
        req._where = CANCELLED;
        return;
      }
      case PREEMPTED:
        return;
      default:
        throw new Error(`Resource "${this.name}": release of ${req.describe()}, which does not hold it (already ${req._where === RELEASED ? 'released' : 'cancelled'})`);
    }
  }

  /**
   * Sets the number of slots from now on (an integer >= 0, or Infinity); raising it grants
   * waiting requests, lowering it never evicts holders. Throws on other values.
   */
  setCapacity(capacity: number): void {
    if (!(capacity >= 0) || !(Number.isInteger(capacity) || capacity === Infinity)) {
      throw new Error(`Resource "${this.name}": capacity must be an integer >= 0, got ${String(capacity)}`);
    }
    this._capacity = capacity;
    this.grantWaiting();
  }

  private grant(req: Request): void {
    req._where = HOLDING;
    req.usageSince = this.env.now;
    this.users.push(req);
    this.env._scheduleNow(req);
  }

  private grantWaiting(): void {
    const waiting = this.waiting;
    while (this.users.length < this._capacity) {
      const next = waiting.shift();
      if (next === undefined) return;
      this.grant(next);
    }
  }

  private tryPreempt(req: Request): void {
    const users = this.users;
    if (users.length === 0) return;
    let worst = users[0] as Request;
    for (let i = 1; i < users.length; i++) {
      const u = users[i] as Request;
      if (before(worst, u)) worst = u;
    }
    if (!(req.priority < worst.priority)) return;
    removeItem(users, worst);
    worst._where = PREEMPTED;
    const proc = worst.process;
    if (proc !== null && proc.isAlive && proc !== this.env.activeProcess) {
      const cause: Preempted = { kind: 'preempted', by: req, usageSince: worst.usageSince };
      proc.interrupt(cause);
    }
  }
}

/** Removes `item` from `list` in place, keeping order (splice would allocate a result array). */
function removeItem<T>(list: T[], item: T): void {
  const n = list.length;
  if (n > 0 && list[n - 1] === item) {
    list.pop();
    return;
  }
  let i = 0;
  while (i < n && list[i] !== item) i++;
  if (i === n) return;
  for (; i < n - 1; i++) list[i] = list[i + 1] as T;
  list.pop();
}
