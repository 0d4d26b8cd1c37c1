/**
 * A resource with a capacity, a priority queue and optional preemption (a ramp, a crew pool).
 *
 * Requests are served in (priority, request order): lower priority numbers first, FIFO among
 * equals. A request is an event that succeeds when granted; the holder gives it back with
 * `release`. With `preemptive: true`, a request made with `preempt: true` evicts the worst
 * holder (highest priority number, latest among equals) if it is strictly better, and the
 * holder's process receives an Interrupt whose cause is `{ kind: 'preempted', by, usageSince }`.
 * A preempting request that had to queue (behind a better one, or when no holder was worse) tries
 * again whenever it reaches the head of the line; it never evicts when that would not free a slot
 * for it (capacity lowered below the holders).
 *
 * As in SimPy, a request stays in the line when its process stops waiting for it (an interrupt,
 * an any-of that another event won): it is granted later and holds the slot until released. A
 * process that may stop waiting should release it either way:
 * `const req = ramp.request(); try { yield req; ... } finally { ramp.release(req); }` (releasing
 * a queued request cancels it).
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
  /**
   * @internal Current holders in grant order, in slots 0 .. held-1 (later slots are undefined):
   * a slot array with a count rather than an array that grows and shrinks between lengths 0
   * and 1 on every grant and release.
   */
  private holders: (Request | undefined)[] = [undefined];
  private held = 0;
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
    return this.held;
  }

  /** A copy of the current holders, in grant order. */
  get users(): Request[] {
    return this.holders.slice(0, this.held) as Request[];
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
    // The common case (no options) is kept small so that V8 inlines it into the calling
    // process; reading and checking options goes out of line.
    const req = options === undefined ? new Request(this, 0, false, this.serial++) : this.requestWith(options);
    if (this.held < this._capacity && this.waiting.size === 0) this.grant(req);
    else this.enqueue(req);
    return req;
  }

  /** A new request with the given options; throws on a non-finite priority. */
  private requestWith(options: RequestOptions): Request {
    const priority = options.priority ?? 0;
    const preempt = options.preempt ?? false;
    if (typeof priority !== 'number' || !Number.isFinite(priority)) {
      throw new Error(`Resource "${this.name}": request priority must be a finite number, got ${String(priority)}`);
    }
    return new Request(this, priority, preempt, this.serial++);
  }

  /**
   * Places a request that found no free slot or a line: only a request that would be at the
   * head of the line may take a slot, by preemption or otherwise. As in SimPy, which serves
   * its line from the head, a preempting request behind a better waiting one just queues
   * (evicting a holder would leave the slot idle).
   */
  private enqueue(req: Request): void {
    const head = this.waiting.peek();
    if (head === undefined || before(req, head)) {
      // Only when evicting one holder frees a slot: over capacity (lowered under its holders)
      // an eviction would not let the request in.
      if (req.preempt && this.preemptive && this.held === this._capacity) this.tryPreempt(req);
      if (this.held < this._capacity) {
        this.grant(req);
        return;
      }
    }
    this.waiting.insert(req);
  }

  /**
   * Gives back a held slot, or cancels a queued request; releasing a request that was evicted
   * by preemption is a no-op. Throws if the request belongs to another resource or was already
   * released or cancelled.
   */
  release(req: Request): void {
    // Fast path, kept small for inlining: a holder of this resource gives its slot back.
    if (req instanceof Request && req.resource === this && req._where === HOLDING) {
      const holders = this.holders;
      const last = this.held - 1;
      if (holders[last] === req) holders[last] = undefined;
      else removeHolder(holders, last, req);
      this.held = last;
      req._where = RELEASED;
      if (this.waiting.size !== 0) this.grantWaiting();
      return;
    }
    this.releaseOther(req);
  }

  /** Release of anything but a holder: cancels a queued request, ignores an evicted one, throws otherwise. */
  private releaseOther(req: Request): void {
    if (!(req instanceof Request) || req.resource !== this) {
      const other = req instanceof Request ? `a request of Resource "${req.resource.name}"` : String(req);
      throw new Error(`Resource "${this.name}": cannot release ${other}`);
    }
    switch (req._where) {
      case QUEUED: {
        this.waiting.remove(req);
        req._where = CANCELLED;
        this.grantWaiting(); // a preempting request may have come to the head
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
    this.holders[this.held++] = req;
    this.env._scheduleNow(req);
  }

  private grantWaiting(): void {
    const waiting = this.waiting;
    for (;;) {
      while (this.held < this._capacity) {
        const next = waiting.shift();
        if (next === undefined) return;
        this.grant(next);
      }
      // Full: a preempting request that has come to the head of the line tries again, as SimPy
      // tries its head on every request and release.
      if (!this.preemptive) return;
      const head = waiting.peek();
      if (head === undefined || !head.preempt || this.held !== this._capacity || !this.tryPreempt(head)) return;
    }
  }

  /** Evicts the worst holder if `req` is strictly better; returns whether it did. */
  private tryPreempt(req: Request): boolean {
    const holders = this.holders;
    const n = this.held;
    if (n === 0) return false;
    let worst = holders[0] as Request;
    for (let i = 1; i < n; i++) {
      const u = holders[i] as Request;
      if (before(worst, u)) worst = u;
    }
    if (!(req.priority < worst.priority)) return false;
    removeHolder(holders, n - 1, worst);
    this.held = n - 1;
    worst._where = PREEMPTED;
    const proc = worst.process;
    if (proc !== null && proc.isAlive && proc !== this.env.activeProcess) {
      const cause: Preempted = { kind: 'preempted', by: req, usageSince: worst.usageSince };
      proc.interrupt(cause);
    }
    return true;
  }
}

/** Removes `item` from slots 0..last of `holders` (it must be there), shifting later holders down and clearing slot `last`. */
function removeHolder(holders: (Request | undefined)[], last: number, item: Request): void {
  let i = 0;
  while (holders[i] !== item) i++;
  for (; i < last; i++) holders[i] = holders[i + 1];
  holders[last] = undefined;
}
