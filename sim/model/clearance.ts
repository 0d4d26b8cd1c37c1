/**
 * The host nation's clearance office during one run.
 *
 * Semantics:
 * - A request is answered after `approvalDelayH`. No answer is given before `notBeforeH` nor
 *   inside a freeze: the answer slides to the end of the freeze (or to notBeforeH).
 * - An answer is a denial with probability `denialProb`; the request is then submitted again
 *   after `resubmitDelayH`. Denials depend on nothing but this source's draws, so the whole
 *   chain of denials is drawn at once (no event per denial).
 * - An approval counts against `dailyCap` (approved US landings per UTC day, all bases). When
 *   the answer's day is full, the approval slides to the start of the next UTC day with room
 *   (and out of any freeze). The cap is taken at the moment of the answer, in time order.
 * - Requests that would never be answered before the horizon return Infinity.
 */
import type { Stream } from '../random/index.ts';
import type { Clock } from './calendar.ts';
import type { CompiledClearance } from './compile.ts';

/** Denials in a row after which a request is taken as never approved (guards p = 1). */
export const MAX_DENIALS = 10_000;

/** Receives a denial: the hour of the answer. */
export type DenialSink = (t: number) => void;

/** Clearance answers and the daily cap ledger for one run. */
export class ClearanceOffice {
  private readonly c: CompiledClearance;
  private readonly clock: Clock;
  private readonly stream: Stream;
  private readonly horizonH: number;
  /** Approvals by UTC day. */
  private readonly approvals: number[] = [];
  /** Hour of the last approval, -Infinity if none (for the stop cause). */
  lastApprovalH = -Infinity;
  denials = 0;

  constructor(c: CompiledClearance, clock: Clock, stream: Stream, horizonH: number) {
    this.c = c;
    this.clock = clock;
    this.stream = stream;
    this.horizonH = horizonH;
  }

  /**
   * The hour of the approving answer to a request made at `now` (before the daily cap),
   * drawing delays and denials; Infinity if none comes before the horizon. `onDenial`, when
   * given, hears each denial's hour (for traces).
   */
  answer(now: number, onDenial: DenialSink | null): number {
    const c = this.c;
    const s = this.stream;
    let t = this.slide(now + c.approvalDelayH(s));
    for (let n = 0; n < MAX_DENIALS; n++) {
      if (t >= this.horizonH) return Infinity;
      if (c.denialProb === 0 || s.next() >= c.denialProb) return t;
      this.denials++;
      if (onDenial !== null) onDenial(t);
      t = this.slide(t + Math.max(0, c.resubmitDelayH(s)) + Math.max(0, c.approvalDelayH(s)));
    }
    return Infinity;
  }

  /**
   * Takes a slot of the daily cap for an approval due at `now`: returns `now` if its UTC day has
   * room, else the first instant of a later day with room and outside freezes (the slot is taken
   * at once); Infinity if the cap is 0 or no day before the horizon has room.
   */
  takeSlot(now: number): number {
    const cap = this.c.dailyCap;
    if (cap === null) {
      this.lastApprovalH = now;
      return now;
    }
    if (cap <= 0) return Infinity;
    const clock = this.clock;
    let t = now;
    for (;;) {
      if (t >= this.horizonH) return Infinity;
      const k = clock.utcDay(t);
      if ((this.approvals[k] ?? 0) < cap) {
        const t2 = this.slide(t);
        if (t2 !== t) {
          t = t2;
          continue;
        }
        while (this.approvals.length <= k) this.approvals.push(0);
        this.approvals[k]!++;
        this.lastApprovalH = t;
        return t;
      }
      t = Math.max(t, clock.utcDayStart(k + 1));
    }
  }

  /** Records an approval at hour t when there is no daily cap (for the stop cause). */
  approveAt(t: number): void {
    if (t > this.lastApprovalH) this.lastApprovalH = t;
  }

  /** Moves an answer time out of the no-approval periods (before notBeforeH, inside freezes). */
  slide(t: number): number {
    const c = this.c;
    let x = t < c.notBeforeH ? c.notBeforeH : t;
    const fz = c.freezes;
    if (fz.length === 0) return x;
    for (let moved = true; moved; ) {
      moved = false;
      for (let i = 0; i < fz.length; i++) {
        const z = fz[i]!;
        if (x >= z.fromH && x < z.toH) {
          x = z.toH;
          moved = true;
        }
      }
    }
    return x;
  }
}
