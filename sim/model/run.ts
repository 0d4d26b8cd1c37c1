/**
 * The state of one replication and the decisions shared by all aircraft: which base an aircraft
 * goes to, what it reserves, when a waiting aircraft should look again, and what a take-off
 * changes.
 *
 * Assignment semantics: a load is worth a sortie when it fills the aircraft (by weight, within
 * one head's weight, or every seat) or when it takes everything still unreserved at the base
 * except a closure team that may not go yet (the tail). Among bases with such a load:
 * 'most-ready' picks the one with the most ready unreserved weight, 'nearest' the nearest,
 * 'staged' the earliest in the closure order (then the most ready): bases are emptied one after
 * another, as in Niger, where Air Base 101 was handed over a month before Air Base 201, and an
 * aircraft serves a later base only while the earlier ones have nothing worth a sortie; ties go
 * to the base listed first. With `sensitive_priority: across-bases`, a base whose load for the
 * aircraft holds sensitive equipment comes before any base whose load does not, and the rule
 * above decides inside each group: a priority among loads worth a sortie now, so no aircraft
 * waits for sensitive equipment while another load is worth a sortie. Bases whose ramp is
 * entirely held by Russian permanent spots or that have no loading team, or beyond the aircraft's reach inside a clearance's validity, are never chosen.
 *
 * Waiting: an aircraft with nothing worth a sortie sleeps until the first moment preparation
 * makes a full load (or the whole tail) ready at some base, or until a take-off or a commercial
 * flight takes the last free person wakes the waiting aircraft (closures and closure teams change
 * what may go).
 */
import { Environment, type SimEvent } from '../engine/index.ts';
import { replicationStreams, type Stream } from '../random/index.ts';
import type { TraceEvent, TraceEventKind } from './types.ts';
import { Aircraft, sortieCycle, TypeStreams } from './aircraft.ts';
import * as cargo from './cargo.ts';
import { BaseCargo, Load } from './cargo.ts';
import { ClearanceOffice, type DenialSink } from './clearance.ts';
import { CommercialFlights } from './commercial.ts';
import type { Compiled, CompiledBase } from './compile.ts';
import { DayOccupancy } from './occupancy.ts';
import { Preparation } from './readiness.ts';
import { Resource } from '../engine/index.ts';
import { CLEARANCE, CLOSED, FLYING, GROUND, N_PHASES, RAMP, TEAM } from './phases.ts';
import type { SortieRecord } from './types.ts';

// Module constants rather than imported bindings in hot code: when this file is loaded as
// CommonJS (tsx does so under require()), imports become getter calls on every use.
const { EPS_ST, HEAD_ST } = cargo;

/** One base during one run. */
export class BaseRun {
  readonly spec: CompiledBase;
  readonly cargo: BaseCargo;
  /** Null when Russian permanent spots take the whole ramp. */
  readonly ramp: Resource | null;
  /** Null when teams can never be short (at least as many teams as usable spots). */
  readonly teams: Resource | null;
  readonly us = new DayOccupancy(0);
  readonly ru: DayOccupancy;
  /** Lazily booked commercial flights, or null. */
  commercial: CommercialFlights | null = null;
  readonly budget: number[] = new Array<number>(N_PHASES).fill(0);
  sorties = 0;
  /** Departures (sorties and commercial flights): hour, tons, tons, heads. */
  readonly depT: number[] = [];
  readonly depS: number[] = [];
  readonly depE: number[] = [];
  readonly depP: number[] = [];

  constructor(env: Environment, spec: CompiledBase, cargo: BaseCargo) {
    this.spec = spec;
    this.cargo = cargo;
    this.ramp = spec.usableSpots > 0 ? new Resource(env, { name: `${spec.id} ramp`, capacity: spec.usableSpots }) : null;
    this.teams =
      spec.teamsBind && spec.workable
        ? new Resource(env, { name: `${spec.id} loading teams`, capacity: spec.loadingTeams })
        : null;
    this.ru = new DayOccupancy(spec.russian?.permanentSpots ?? 0);
  }

  /** Logs a departure of tons and heads at hour t. */
  logDeparture(t: number, s: number, e: number, p: number): void {
    this.depT.push(t);
    this.depS.push(s);
    this.depE.push(e);
    this.depP.push(p);
  }
}

/** Everything one replication owns. */
export class Run {
  readonly env = new Environment();
  readonly m: Compiled;
  readonly seed: string;
  readonly replication: number;
  readonly bases: BaseRun[];
  readonly aircraft: Aircraft[] = [];
  readonly clearance: ClearanceOffice;
  readonly tracing: boolean;
  readonly traceBuf: TraceEvent[] = [];
  readonly sortieLog: SortieRecord[] | null;
  done = false;
  completedH = NaN;
  sorties = 0;
  commercialPersonnel = 0;
  /** Aircraft waiting at the hub for cargo. */
  idle = 0;
  /** Succeeds (and is replaced) to wake the waiting aircraft. */
  kickEvent: SimEvent<unknown>;
  private openBases: number;
  private readonly plan = new Load();
  /** This replication's streams by source name (see createStream). */
  readonly streams: (source: string) => Stream;
  /** Streams of each aircraft type, by type index (see aircraft.ts). */
  readonly typeStreams: TypeStreams[];

  constructor(m: Compiled, seed: string, replication: number, tracing: boolean, keepSorties: boolean) {
    this.m = m;
    this.seed = seed;
    this.replication = replication;
    this.tracing = tracing;
    this.sortieLog = keepSorties ? [] : null;
    this.kickEvent = this.env.event();
    const streams = (this.streams = replicationStreams(seed, replication));
    this.typeStreams = m.types.map((t) => new TypeStreams(t.name, streams));
    // One clearance stream for the whole fleet: the fleet's n-th request gets the n-th answer
    // whatever the fleet's size or mix, which keeps fleet-size sweeps best correlated.
    this.clearance = new ClearanceOffice(m.clearance, m.clock, streams('clearance'), m.horizonH);
    this.bases = m.bases.map((b) => {
      const prep = new Preparation(b.toPrepare, b.prepSTPerDay, () => streams(`prep:${b.id}`), m.horizonH);
      return new BaseRun(this.env, b, new BaseCargo(b.cargo, prep));
    });
    for (const b of this.bases) {
      if (b.spec.closeAfter >= 0) b.cargo.prev = this.bases[b.spec.closeAfter]!.cargo;
      if (b.spec.commercial !== null) {
        b.commercial = new CommercialFlights(this, b, b.spec.commercial);
        b.commercial.arm(0);
      }
    }
    this.openBases = this.bases.filter((b) => !b.cargo.closed).length;
    if (this.openBases === 0) this.finish(0);
  }

  /** Starts every aircraft's process. */
  startAircraft(): void {
    for (const t of this.m.types) {
      for (let i = 1; i <= t.count; i++) {
        const ac = new Aircraft(`${t.name}#${i}`, t, this.typeStreams[t.index]!);
        this.aircraft.push(ac);
        this.env.process(sortieCycle(this, ac), ac.name);
      }
    }
  }

  /**
   * Picks a base for the aircraft at hour t and reserves its load into `ac.load`; null when no
   * base has a load worth the sortie.
   */
  assign(ac: Aircraft, t: number): BaseRun | null {
    const T = ac.type;
    const W = ac.capST;
    const seats = T.seats;
    const plan = this.plan;
    const assignment = this.m.assignment;
    const sensitiveFirst = this.m.sensitiveAcrossBases;
    let best: BaseRun | null = null;
    let bestTier = Infinity;
    let bestStage = Infinity;
    let bestScore = -Infinity;
    for (let i = 0; i < this.bases.length; i++) {
      const b = this.bases[i]!;
      const c = b.cargo;
      if (b.commercial !== null) b.commercial.catchUp(t);
      if (c.closed || !b.spec.workable || !b.spec.reachable[T.index]) continue;
      c.plan(plan, t, W, seats, ac.freeSeats);
      const w = plan.weight();
      const heads = plan.heads();
      if (w < EPS_ST) continue;
      // Full: the cargo weight (personnel in free seats apart) or every seat is taken.
      const cargoW = w - Math.min(heads, ac.freeSeats) * HEAD_ST;
      const full = cargoW >= W - HEAD_ST - 1e-6 || (seats > 0 && heads >= seats);
      // A part load goes only when it is the base's last (with personnel held back until the
      // equipment leaves, the load that books the last equipment takes them all: cargo.plan).
      if (!full && !c.leavesNothingElse(plan)) continue;
      // People alone (a part load without equipment) wait while equipment of the base is booked
      // on an aircraft that has not left (they go with it, topped up at its landing, or after
      // it), and, with no equipment left to book, while the closure team must wait for another
      // base (a sortie for them alone closes nothing: they leave with it).
      if (!full && plan.s + plan.e < EPS_ST && (c.equipmentInTransit() || (plan.c === 0 && c.closureHeld() && c.equipmentAllReserved()))) continue;
      // The closure team alone waits while anything else of the base is booked on an aircraft
      // that has not left: it may board only after all of that (cargo.depart), so an aircraft
      // that took off first would fly the sortie empty. The take-off wakes us.
      if (plan.c > 0 && plan.p === 0 && plan.s + plan.e < EPS_ST && c.othersInTransit()) continue;
      // Lower tier, then lower stage, then higher score: with sensitive priority across bases, a
      // load holding sensitive equipment beats any other; with 'staged', an earlier stage beats
      // any weight.
      const tier = sensitiveFirst && plan.s < EPS_ST ? 1 : 0;
      const stage = assignment === 'staged' ? b.spec.stage : 0;
      const score = assignment === 'nearest' ? -b.spec.hubDistanceNm : c.lastFreeWeight;
      if (tier < bestTier || (tier === bestTier && (stage < bestStage || (stage === bestStage && score > bestScore)))) {
        bestTier = tier;
        bestStage = stage;
        bestScore = score;
        best = b;
        const l = ac.load;
        l.s = plan.s;
        l.e = plan.e;
        l.p = plan.p;
        l.c = plan.c;
      }
    }
    if (best !== null) {
      best.cargo.reserve(ac.load);
      if (ac.load.p > 0 && best.commercial !== null) best.commercial.arm(t);
    }
    return best;
  }

  /** Tops up a landed aircraft's load with cargo that became ready since it was reserved. */
  topUp(ac: Aircraft, t: number): void {
    const l = ac.load;
    const inFree = Math.min(l.heads(), ac.freeSeats);
    const freeW = ac.capST - (l.weight() - inFree * HEAD_ST);
    const freeSeats = ac.type.seats - l.heads();
    if (freeW < EPS_ST && inFree >= ac.freeSeats) return;
    const base = ac.base!;
    const c = base.cargo;
    const plan = this.plan;
    if (base.commercial !== null) base.commercial.catchUp(t);
    c.plan(plan, t, freeW > 0 ? freeW : 0, freeSeats, ac.freeSeats - inFree, true);
    if (plan.weight() < EPS_ST) return;
    c.reserve(plan);
    l.add(plan);
    if (plan.p > 0 && base.commercial !== null) base.commercial.arm(t);
  }

  /**
   * The hour at which the aircraft should look again for a load: the first moment some base's
   * preparation makes a full load or its whole tail ready; Infinity if only a wake-up can help.
   */
  wakeTime(ac: Aircraft, now: number): number {
    const W = ac.capST;
    let best = Infinity;
    for (let i = 0; i < this.bases.length; i++) {
      const b = this.bases[i]!;
      const c = b.cargo;
      if (b.commercial !== null) b.commercial.catchUp(now);
      // Nothing but a closure team that may not go yet: only a wake-up can help.
      if (c.closed || !b.spec.workable || !b.spec.reachable[ac.type.index] || c.othersAllReserved()) continue;
      // Personnel held back until equipment already booked leaves, people waiting for a held
      // closure team or for equipment in transit: the departure or closure that changes this wakes us.
      if ((c.heldBackP() || c.closureHeld() || c.equipmentInTransit()) && c.equipmentAllReserved()) continue;
      // Personnel in free seats leave the cargo weight to fill; the others take part of it.
      const heads = Math.max(0, Math.min(c.freeP(), ac.type.seats) - ac.freeSeats);
      const t = c.timeFreeCargoReaches(Math.max(W - HEAD_ST - heads * HEAD_ST, 1e-3), now);
      if (t < best) best = t;
    }
    // A wake-up at `now` that found nothing would spin at zero time. This happens only when an
    // aircraft cannot carry one person (payload draw below HEAD_ST) or through rounding; look
    // again in an hour.
    if (best <= now) best = now + 1;
    return best;
  }

  /**
   * Whether anything is neither reserved nor gone at hour t at a base that aircraft `ac` may
   * serve. A base its type cannot reach (`aircraft_types`, or a clearance validity shorter than
   * the flight) does not keep it: otherwise it would idle at the hub to the horizon, and its idle
   * time would read as waiting for cargo.
   */
  anyUnreserved(ac: Aircraft, t: number): boolean {
    this.catchUpAll(t);
    const k = ac.type.index;
    for (let i = 0; i < this.bases.length; i++) {
      const b = this.bases[i]!;
      if (b.spec.reachable[k] && b.cargo.hasUnreserved()) return true;
    }
    return false;
  }

  /** Books every commercial flight due by hour t. */
  catchUpAll(t: number): void {
    for (let i = 0; i < this.bases.length; i++) {
      const com = this.bases[i]!.commercial;
      if (com !== null) com.catchUp(t);
    }
  }

  /** Wakes the aircraft waiting at the hub for cargo. */
  kick(): void {
    if (this.idle === 0) return;
    const ev = this.kickEvent;
    this.kickEvent = this.env.event();
    ev.succeed();
  }

  /** Books a take-off at hour t: cargo leaves the base, records, closures, wake-ups. */
  depart(ac: Aircraft, t: number, flyH: number): void {
    const base = ac.base!;
    const l = ac.load;
    const c = base.cargo;
    if (base.commercial !== null) base.commercial.catchUp(t);
    const wasClosed = c.closed;
    const heldBack = c.heldBackP();
    const released = c.depart(l, t);
    // Equipment leaving may release personnel: the commercial flights' alarm moves with them.
    if (heldBack && base.commercial !== null) base.commercial.arm(t);
    base.logDeparture(t, l.s, l.e, l.p + l.c);
    base.sorties++;
    this.sorties++;
    if (this.tracing) {
      this.emit(t, 'departed', ac.name, base.spec.id, {
        sensitiveST: round3(l.s),
        equipmentST: round3(l.e),
        personnel: l.p + l.c,
        closureTeam: l.c,
      });
      if (released) this.emit(t, 'closure team stays', ac.name, base.spec.id, { reason: 'other load still to leave' });
    }
    if (this.sortieLog !== null) this.logSortie(ac, t, flyH);
    l.clear();
    if (!wasClosed && c.closed) this.baseClosed(base, t);
    this.kick();
  }

  /** Books a commercial flight's personnel at hour t (t may be earlier than now: see commercial.ts). */
  commercialFlight(base: BaseRun, seats: number, t: number): void {
    const wasClosed = base.cargo.closed;
    const h = base.cargo.commercial(seats, t);
    if (h === 0) return;
    this.commercialPersonnel += h;
    base.logDeparture(t, 0, 0, h);
    if (this.tracing) this.emit(t, 'commercial departure', '', base.spec.id, { personnel: h });
    if (!wasClosed && base.cargo.closed) this.baseClosed(base, t);
  }

  /** A denial sink for traces, or null when not tracing. */
  denialSink(ac: Aircraft, baseId: string): DenialSink | null {
    if (!this.tracing) return null;
    return (t) => this.emit(t, 'clearance denied', ac.name, baseId, {});
  }

  /** Records a trace event (sorted by time before delivery). */
  emit(t: number, event: TraceEventKind, aircraft: string, base: string, detail: Record<string, string | number>): void {
    const e: TraceEvent = { t, event };
    if (aircraft !== '') e.aircraft = aircraft;
    if (base !== '') e.base = base;
    if (Object.keys(detail).length > 0) e.detail = detail;
    this.traceBuf.push(e);
  }

  private baseClosed(base: BaseRun, t: number): void {
    if (this.tracing) this.emit(t, 'base closed', '', base.spec.id, {});
    this.openBases--;
    if (this.openBases === 0) this.finish(t);
  }

  /**
   * Everything has left at hour t. Processes still scheduled run out harmlessly (each checks
   * `done` before starting anything new); what they do after t is not recorded: aircraft clocks
   * stop here and day records end here.
   */
  private finish(t: number): void {
    this.done = true;
    this.completedH = t;
    for (const ac of this.aircraft) ac.clock.freeze(t);
  }

  private logSortie(ac: Aircraft, t: number, flyH: number): void {
    // Count the loading span up to take-off (its phase is still open).
    ac.clock.accrue(t);
    const s = ac.clock.sortie;
    const l = ac.load;
    this.sortieLog!.push({
      aircraft: ac.name,
      type: ac.type.name,
      base: ac.base!.spec.id,
      requestedH: ac.requestedH,
      approvedH: ac.approvedH,
      landedH: ac.landedH,
      departedH: t,
      clearanceWaitH: s[CLEARANCE]!,
      rampWaitH: s[RAMP]!,
      closedWaitH: s[CLOSED]!,
      teamWaitH: s[TEAM]!,
      groundH: s[GROUND]!,
      flyingH: s[FLYING]! + flyH,
      sensitiveST: l.s,
      equipmentST: l.e,
      personnel: l.p + l.c,
    });
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
