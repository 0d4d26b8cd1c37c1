/**
 * Cargo bookkeeping at one base: what is there, ready, reserved by an aircraft, and gone.
 *
 * Semantics (the planner's view):
 * - Classes: sensitive equipment and other equipment in short tons, personnel in heads. A head
 *   weighs HEAD_ST with baggage and takes a seat. The closure team is kept apart from the other
 *   personnel: it is part of `cargo.personnel` but is never reserved, loaded or flown on a
 *   commercial flight before the rest of the base has been reserved.
 * - An aircraft bound for a base reserves the load it intends to take (so two aircraft never
 *   chase the same last tons); the load leaves the base when the aircraft takes off.
 * - Loading takes classes in `loadOrder`: equipment by weight (only what is ready), personnel by
 *   seats and weight.
 * - The closure team may be reserved only once everything else at the base is reserved or gone
 *   and the base before it in `closureOrder` has closed. It boards at take-off only if everything
 *   else has then left (or leaves on this aircraft); otherwise it stays for a later sortie, so it
 *   always leaves last.
 * - Amounts below EPS_ST are taken as zero, so floating-point dust never calls for a sortie.
 */
import type { Preparation } from './readiness.ts';

/** Short tons one person weighs with baggage (planning estimate: ~100 kg person, ~10 kg bags). */
export const HEAD_ST = 0.12;

/** Tons below which an amount counts as nothing. */
export const EPS_ST = 1e-6;

/** Class indices, matching CARGO_CLASSES: sensitive, equipment, personnel. */
export const SENSITIVE = 0;
export const EQUIPMENT = 1;
export const PERSONNEL = 2;

/** A load: tons of each equipment class and heads (closure team apart). Reused, not reallocated. */
export class Load {
  s = 0;
  e = 0;
  /** Personnel heads other than the closure team. */
  p = 0;
  /** Closure-team heads. */
  c = 0;

  /** Weight in short tons, personnel included. */
  weight(): number {
    return this.s + this.e + (this.p + this.c) * HEAD_ST;
  }

  /** Heads aboard. */
  heads(): number {
    return this.p + this.c;
  }

  /** Empties the load. */
  clear(): void {
    this.s = 0;
    this.e = 0;
    this.p = 0;
    this.c = 0;
  }

  /** Adds another load to this one. */
  add(o: Load): void {
    this.s += o.s;
    this.e += o.e;
    this.p += o.p;
    this.c += o.c;
  }
}

/** Initial amounts and readiness of a base, fixed for a scenario. */
export interface CargoSpec {
  sensitiveST: number;
  equipmentST: number;
  /** All personnel, closure team included. */
  personnel: number;
  closureTeam: number;
  readyAtStart: number;
  /** Class indices in loading order, e.g. [0, 1, 2]. */
  order: readonly number[];
  /**
   * Personnel (closure team apart) released in step with the equipment leaving: after x% of
   * the base's tons have left, x% of them may leave (rounded down), and the load that books the
   * base's last equipment may take all that remain (they have nothing left to pack or guard);
   * otherwise all may leave from the start. Optional: absent means false.
   */
  withCargo?: boolean;
  /**
   * With `withCargo`, the share of those personnel held back in step with the tons (the rest may
   * leave from the start): x% of the tons gone releases x% of the held share. Optional: absent
   * means 1 (all of them).
   */
  withCargoShare?: number;
}

/** One base's cargo during one run. */
export class BaseCargo {
  readonly sTot: number;
  readonly eTot: number;
  /** Personnel other than the closure team. */
  readonly pTot: number;
  readonly cTot: number;
  sLeft = 0;
  eLeft = 0;
  pLeft = 0;
  cLeft = 0;
  sRes = 0;
  eRes = 0;
  pRes = 0;
  cRes = 0;
  /** Set when everything has left. */
  closed = false;
  /**
   * Personnel released so far, gone or not: all, or the share of the equipment's tons that has
   * left (CargoSpec.withCargo). It changes only when equipment leaves, and freeP asks for it
   * several hundred times a run, so it is kept rather than recomputed.
   */
  private released = 0;
  /** freeWeight(t) as of the last plan(t), so assignment does not compute it twice. */
  lastFreeWeight = 0;
  closedH = NaN;
  /** The base that must close before this one's closure team may leave, or null. */
  prev: BaseCargo | null = null;
  private readonly s0: number;
  private readonly e0: number;
  private readonly sUnready: number;
  private readonly eUnready: number;
  private readonly sensitiveFirst: boolean;
  private readonly order: readonly number[];
  private readonly prep: Preparation;
  private readonly withCargo: boolean;
  private readonly withCargoShare: number;

  /** Builds the run state from the spec and this run's preparation schedule. */
  constructor(spec: CargoSpec, prep: Preparation) {
    this.sTot = spec.sensitiveST;
    this.eTot = spec.equipmentST;
    this.cTot = Math.min(spec.closureTeam, spec.personnel);
    this.pTot = spec.personnel - this.cTot;
    this.s0 = spec.readyAtStart * spec.sensitiveST;
    this.e0 = spec.readyAtStart * spec.equipmentST;
    this.sUnready = spec.sensitiveST - this.s0;
    this.eUnready = spec.equipmentST - this.e0;
    this.order = spec.order;
    this.sensitiveFirst = spec.order.indexOf(SENSITIVE) < spec.order.indexOf(EQUIPMENT);
    this.prep = prep;
    this.withCargo = spec.withCargo === true;
    this.withCargoShare = spec.withCargoShare ?? 1;
    this.updateReleased();
    if (this.sTot + this.eTot < EPS_ST && this.pTot + this.cTot === 0) {
      this.closed = true;
      this.closedH = 0;
    }
  }

  /** Tons of sensitive equipment ready by hour t (gone or not). */
  readyS(t: number): number {
    return this.sUnready <= 0 ? this.sTot : this.readySOf(this.prep.preparedBy(t));
  }

  /** Tons of other equipment ready by hour t (gone or not). */
  readyE(t: number): number {
    return this.eUnready <= 0 ? this.eTot : this.readyEOf(this.prep.preparedBy(t));
  }

  /** Tons of sensitive equipment neither reserved nor gone, ready by hour t. */
  freeS(t: number): number {
    const x = this.readyS(t) - this.sLeft - this.sRes;
    return x < EPS_ST ? 0 : x;
  }

  /** Tons of other equipment neither reserved nor gone, ready by hour t. */
  freeE(t: number): number {
    const x = this.readyE(t) - this.eLeft - this.eRes;
    return x < EPS_ST ? 0 : x;
  }

  private readySOf(prepared: number): number {
    const x = this.sensitiveFirst ? prepared : prepared - this.eUnready;
    return x <= 0 ? this.s0 : x >= this.sUnready ? this.sTot : this.s0 + x;
  }

  private readyEOf(prepared: number): number {
    const x = this.sensitiveFirst ? prepared - this.sUnready : prepared;
    return x <= 0 ? this.e0 : x >= this.eUnready ? this.eTot : this.e0 + x;
  }

  /** Personnel (closure team apart) neither reserved nor gone, and released (see CargoSpec.withCargo). */
  freeP(): number {
    const f = this.pTot - this.pLeft - this.pRes;
    if (!this.withCargo || f === 0) return f;
    const r = this.released - this.pLeft - this.pRes;
    return r < f ? (r > 0 ? r : 0) : f;
  }

  /** Whether some personnel (closure team apart) are still held back until more equipment leaves. */
  heldBackP(): boolean {
    return this.withCargo && this.released < this.pTot;
  }

  /** Recomputes `released` after equipment has left. */
  private updateReleased(): void {
    const all = this.sTot + this.eTot;
    const gone = this.sLeft + this.eLeft;
    const h = this.withCargoShare;
    if (all - gone < EPS_ST) this.released = this.pTot;
    else if (h === 1) this.released = Math.floor((this.pTot * gone) / all + 1e-9);
    else this.released = Math.floor(this.pTot - (h * this.pTot * (all - gone)) / all + 1e-9);
  }

  /** Whether anything (ready or not, closure team included) is neither reserved nor gone. */
  hasUnreserved(): boolean {
    return (
      this.sTot - this.sLeft - this.sRes >= EPS_ST ||
      this.eTot - this.eLeft - this.eRes >= EPS_ST ||
      this.pTot - this.pLeft - this.pRes > 0 ||
      this.cTot - this.cLeft - this.cRes > 0
    );
  }

  /** Whether everything but the closure team is reserved or gone. */
  othersAllReserved(): boolean {
    return this.equipmentAllReservedWith(0, 0) && this.pTot - this.pLeft - this.pRes === 0;
  }

  /** Whether reserving `s` and `e` more tons leaves no equipment (either class) unreserved. */
  private equipmentAllReservedWith(s: number, e: number): boolean {
    return this.sTot - this.sLeft - this.sRes - s < EPS_ST && this.eTot - this.eLeft - this.eRes - e < EPS_ST;
  }

  /** Whether some equipment is booked on an aircraft that has not left yet. */
  equipmentInTransit(): boolean {
    return this.sRes + this.eRes >= EPS_ST;
  }

  /** Whether some equipment or personnel (closure team apart) is booked on an aircraft that has not left yet. */
  othersInTransit(): boolean {
    return this.sRes + this.eRes >= EPS_ST || this.pRes > 0;
  }

  /** Whether all equipment (both classes) is reserved or gone. */
  equipmentAllReserved(): boolean {
    return this.equipmentAllReservedWith(0, 0);
  }

  /** Whether some of the closure team is here, unreserved, and must wait for another base to close first. */
  closureHeld(): boolean {
    return this.cTot - this.cLeft - this.cRes > 0 && this.prev !== null && !this.prev.closed;
  }

  /** Whether the closure team (what is left of it, unreserved) may be reserved now. */
  closureEligible(): boolean {
    return this.cTot - this.cLeft - this.cRes > 0 && (this.prev === null || this.prev.closed) && this.othersAllReserved();
  }

  /** Unreserved ready weight at hour t, personnel and an eligible closure team included, tons. */
  freeWeight(t: number): number {
    const c = this.closureEligible() ? this.cTot - this.cLeft - this.cRes : 0;
    return this.freeS(t) + this.freeE(t) + (this.freeP() + c) * HEAD_ST;
  }

  /**
   * Fills `out` (cleared first) with what an aircraft with `capW` free tons and `capSeats` free
   * seats would take at hour t, then the closure team if that plan leaves nothing else
   * unreserved. Reserves nothing. The first `freeSeats` of the seats need no cargo weight
   * (sidewall seats beside a full pallet load): personnel fill them first, whatever the loading
   * order; after that, classes are taken in loading order and personnel share `capW` with
   * cargo. The closure team also takes free seats before weighted ones. With personnel released
   * in step with the equipment, a plan that books the base's last equipment also takes the
   * people still held back (CargoSpec.withCargo). `loaded`: the aircraft already carries a load
   * (a top-up at landing), so the closure team may join it only whole.
   */
  plan(out: Load, t: number, capW: number, capSeats: number, freeSeats = 0, loaded = false): void {
    // One preparation lookup for both classes (this runs for every base at every assignment).
    const prepared = this.sUnready > 0 || this.eUnready > 0 ? this.prep.preparedBy(t) : 0;
    let fs = (this.sUnready > 0 ? this.readySOf(prepared) : this.sTot) - this.sLeft - this.sRes;
    let fe = (this.eUnready > 0 ? this.readyEOf(prepared) : this.eTot) - this.eLeft - this.eRes;
    if (fs < EPS_ST) fs = 0;
    if (fe < EPS_ST) fe = 0;
    const fp = this.freeP();
    const cFree = this.cTot - this.cLeft - this.cRes;
    const cOk = cFree > 0 && (this.prev === null || this.prev.closed);
    const team = cOk ? cFree : 0;
    this.fill(out, fs, fe, fp, capW, capSeats, freeSeats, team, loaded);
    if (this.withCargo && this.equipmentAllReservedWith(out.s, out.e)) {
      const all = this.pTot - this.pLeft - this.pRes;
      if (all > fp) {
        this.fill(out, fs, fe, all, capW, capSeats, freeSeats, team, loaded);
        // People placed before equipment in the loading order take weight from it: if the
        // second plan no longer books the last equipment, it keeps only the released people.
        if (!this.equipmentAllReservedWith(out.s, out.e) && out.p > fp) {
          out.p = fp;
          if (!this.leavesNothingElse(out)) out.c = 0;
        }
      }
    }
    this.lastFreeWeight = fs + fe + (fp + (cOk && fs + fe === 0 && this.othersAllReserved() ? cFree : 0)) * HEAD_ST;
  }

  /**
   * plan's filling: `fs` and `fe` tons and `fp` personnel free to take, `cFree` closure-team
   * heads that may go if nothing else is left (0: none may), `loaded` as in plan.
   */
  private fill(out: Load, fs: number, fe: number, fp: number, capW: number, capSeats: number, freeSeats: number, cFree: number, loaded: boolean): void {
    out.clear();
    let pLeft = fp; // personnel not yet in this plan
    let w = capW;
    let seats = capSeats;
    let free = freeSeats < seats ? freeSeats : seats;
    if (free > 0 && pLeft > 0) {
      const h = pLeft < free ? pLeft : free;
      out.p = h;
      pLeft -= h;
      seats -= h;
      free -= h;
    }
    const order = this.order;
    for (let i = 0; i < order.length; i++) {
      const k = order[i];
      if (k === PERSONNEL) {
        const h = Math.min(pLeft, seats, Math.floor(w / HEAD_ST + 1e-9));
        if (h > 0) {
          out.p += h;
          seats -= h;
          w -= h * HEAD_ST;
        }
      } else if (w >= EPS_ST) {
        const avail = k === SENSITIVE ? fs : fe;
        const x = avail < w ? avail : w;
        if (k === SENSITIVE) out.s = x;
        else out.e = x;
        w -= x;
      }
    }
    if (cFree > 0 && this.leavesNothingElse(out)) {
      const inFree = Math.min(cFree, free);
      out.c = inFree + Math.max(0, Math.min(cFree - inFree, seats - inFree, Math.floor(w / HEAD_ST + 1e-9)));
      // The team leaves whole: beside other load, a team that does not fit waits for an
      // aircraft of its own (only a team too large for one aircraft goes in parts).
      if (out.c < cFree && (loaded || out.s + out.e + out.p > 0)) out.c = 0;
    }
  }

  /** Whether reserving `l` on top of current reservations leaves nothing but the closure team unreserved. */
  leavesNothingElse(l: Load): boolean {
    return this.equipmentAllReservedWith(l.s, l.e) && this.pTot - this.pLeft - this.pRes - l.p === 0;
  }

  /** Reserves a planned load. */
  reserve(l: Load): void {
    this.sRes += l.s;
    this.eRes += l.e;
    this.pRes += l.p;
    this.cRes += l.c;
  }

  /**
   * Takes off with a reserved load at hour t. If the load holds closure-team heads while other
   * load of the base has not yet left, those heads are released (they stay for a later sortie)
   * and removed from `l`; returns true in that case. Marks the base closed when all has left.
   */
  depart(l: Load, t: number): boolean {
    let released = false;
    if (l.c > 0 && !this.othersGoneWith(l)) {
      this.cRes -= l.c;
      l.c = 0;
      released = true;
    }
    this.sRes -= l.s;
    this.eRes -= l.e;
    this.pRes -= l.p;
    this.cRes -= l.c;
    this.sLeft = snap(this.sLeft + l.s, this.sTot);
    this.eLeft = snap(this.eLeft + l.e, this.eTot);
    this.updateReleased();
    if (this.sRes < EPS_ST) this.sRes = 0;
    if (this.eRes < EPS_ST) this.eRes = 0;
    this.pLeft += l.p;
    this.cLeft += l.c;
    this.checkClosed(t);
    return released;
  }

  /** Personnel (never the closure team) leaving on a commercial flight at hour t: up to `seats`; returns heads. */
  commercial(seats: number, t: number): number {
    const h = Math.min(seats, this.freeP());
    if (h <= 0) return 0;
    this.pLeft += h;
    this.checkClosed(t);
    return h;
  }

  /**
   * The first hour >= now at which free ready equipment reaches `tons`, or everything is ready if
   * that comes first; Infinity if neither happens by the horizon.
   */
  timeFreeCargoReaches(tons: number, now: number): number {
    const used = this.sLeft + this.eLeft + this.sRes + this.eRes;
    const all = this.sTot + this.eTot;
    const target = tons + used < all ? tons + used : all;
    return this.prep.timeToPrepare(target - this.s0 - this.e0, now);
  }

  /** Tons of equipment never prepared by hour t, all classes. */
  unpreparedBy(t: number): number {
    return this.sTot + this.eTot - this.readyS(t) - this.readyE(t);
  }

  /** Whether every other load has left, counting `l` (taking off now) as gone. */
  private othersGoneWith(l: Load): boolean {
    return (
      this.sTot - this.sLeft - l.s < EPS_ST && this.eTot - this.eLeft - l.e < EPS_ST && this.pTot - this.pLeft - l.p === 0
    );
  }

  private checkClosed(t: number): void {
    if (this.closed) return;
    if (
      this.sTot - this.sLeft < EPS_ST &&
      this.eTot - this.eLeft < EPS_ST &&
      this.pLeft === this.pTot &&
      this.cLeft === this.cTot
    ) {
      this.closed = true;
      this.closedH = t;
    }
  }
}

/** Rounds an accumulated amount up to its total when within EPS_ST of it. */
function snap(x: number, total: number): number {
  return total - x < EPS_ST ? total : x;
}
