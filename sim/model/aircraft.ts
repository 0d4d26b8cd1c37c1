/**
 * One aircraft's sortie cycle, as a process.
 *
 * Semantics (one sortie, from the hub):
 * 1. Availability: with a mission-capable rate, a draw before each sortie (not capable: down
 *    for `downH`, at least MIN_DOWN_H, then drawn again; rate 0: down for good); with
 *    breakdowns, a draw after each sortie (broken: repaired after `repairH`).
 * 2. Assignment (run.ts): the aircraft draws its payload, picks a base by the scenario's rule
 *    and reserves its load; with nothing worth a sortie anywhere it waits at the hub for cargo
 *    (a timer to the moment enough is prepared, or a wake-up when closures change things).
 * 3. Clearance (clearance.ts): request, answer, cap. The approval is valid `validityH`; the
 *    aircraft must land inside it.
 * 4. Approach: if the first opening after the flight falls after the approval's end, it cannot
 *    make it; it asks again at the latest instant from which an immediate approval would let it
 *    land at that opening (always later than now: no zero-time loops). Otherwise it flies in
 *    (hubDistanceNm / blockSpeedKt) and queues for a ramp spot; the ramp is one engine Resource
 *    per base shared with Russian aircraft. Waiting for the ramp is taken to happen on the ground
 *    at the hub, the flight timed to land when a spot frees (no holding in the air). If no spot
 *    can be had in time to land before the approval ends, it gives its place up and asks again
 *    at once; the wasted approach time counts as ramp wait.
 * 5. Landing at the first open instant after the spot is granted; a loading team (engine
 *    Resource, only when there are fewer teams than spots); `groundTimeH` working hours done
 *    only while the base is open (one timeout, calendar.ts); more ready cargo is topped up when
 *    work starts; take-off when the work is done (inside hours, or at closing).
 *    Time is counted by cause (phases.ts): until the spot is granted, ramp wait; from then to
 *    landing, waiting for the airfield to open; landed until a team is free, team wait; then
 *    loading work while open and waiting for the airfield while closed.
 * 6. Fly back and turn around at the hub (`hubTurnaroundH`, includes crew rest): one timeout.
 * The aircraft stops when nothing is left unreserved anywhere.
 *
 * Randomness: draws whose law depends on the aircraft type (availability, payload, ground time,
 * hub turnaround) come from one stream per type and source ('payload:C-17'), taken by the type's
 * aircraft in event order, so the type's n-th sortie sees the same numbers whatever the rest of
 * the fleet does; clearance answers, whose law is the same for every type, come from the run's
 * one 'clearance' stream (run.ts). Why not one stream for the whole fleet: when events reorder,
 * a uniform drawn for a C-17 payload becomes a C-130J payload. Why not one per aircraft: an added
 * aircraft brings fresh numbers and the others use fewer of theirs; on niger-2024 (2 vs 3 C-17s,
 * 3,000 replications) the variance of the difference in completion was then 3.4 times larger.
 */
import type { Request } from '../engine/index.ts';
import type { ProcessGenerator } from '../engine/index.ts';
import type { Stream } from '../random/index.ts';
import { HEAD_ST, Load } from './cargo.ts';
import type { CompiledType } from './compile.ts';
import * as phases from './phases.ts';
import { PhaseClock } from './phases.ts';
import type { BaseRun, Run } from './run.ts';

// Module constants rather than imported bindings in the hot loop: when this file is loaded as
// CommonJS (tsx does so under require()), imports become getter calls on every use.
const { CARGO, CLEARANCE, CLOSED, DOWN, FLYING, HUB, RAMP, STOPPED, TEAM } = phases;

/** US aircraft ask for the ramp at priority 0 (Russian aircraft at -1 with 'russian-first'). */
const US_REQUEST = { priority: 0 } as const;

/** Shortest down period after a not-mission-capable draw, hours (so a zero draw cannot spin). */
export const MIN_DOWN_H = 1;

/** One aircraft's state during a run. */
export class Aircraft {
  readonly name: string;
  readonly type: CompiledType;
  readonly clock = new PhaseClock();
  /** The load reserved for (then carried on) the current sortie. */
  readonly load = new Load();
  /** Tons this sortie may carry (the payload draw, capped): cargo and the personnel in weighted seats. */
  capST = 0;
  /** Seats this sortie offers beside its cargo, taking no cargo weight (sidewall seats, within max payload). */
  freeSeats = 0;
  /** The base of the current sortie, or null. */
  base: BaseRun | null = null;
  // Times live across yields are kept here rather than in generator locals, which the engine
  // would box into fresh heap numbers at every suspension.
  /** One-way flight hours to the current base. */
  flyH = 0;
  requestedH = 0;
  /** When the request for the next sortie went in on return to the hub (clearance.request), or NaN. */
  filedH = NaN;
  approvedH = 0;
  /** End of the current approval's validity. */
  expiryH = 0;
  landedH = 0;
  /** Whether the aircraft is waiting at the hub for cargo (for wake-ups). */
  idle = false;
  /** The streams of this aircraft's type, shared with the other aircraft of the type. */
  readonly streams: TypeStreams;

  /** An aircraft named `name` (unique in the run) that draws from its type's `streams`. */
  constructor(name: string, type: CompiledType, streams: TypeStreams) {
    this.name = name;
    this.type = type;
    this.streams = streams;
  }
}

/**
 * The streams of one aircraft type in one run, created on first use (a stream costs about 2 us):
 * '<source>:<type name>' for availability, payload, ground and hub.
 */
export class TypeStreams {
  private readonly type: string;
  private readonly make: (source: string) => Stream;
  private sAvail: Stream | null = null;
  private sPayload: Stream | null = null;
  private sGround: Stream | null = null;
  private sHub: Stream | null = null;

  /** The streams of type `type`, made by `make` (the run's factory, by source name). */
  constructor(type: string, make: (source: string) => Stream) {
    this.type = type;
    this.make = make;
  }

  /** 'availability:<type>': mission-capable and breakdown draws, down and repair times. */
  availability(): Stream {
    return (this.sAvail ??= this.make(`availability:${this.type}`));
  }
  /** 'payload:<type>': one payload draw per sortie. */
  payload(): Stream {
    return (this.sPayload ??= this.make(`payload:${this.type}`));
  }
  /** 'ground:<type>': ground-time draws. */
  ground(): Stream {
    return (this.sGround ??= this.make(`ground:${this.type}`));
  }
  /** 'hub:<type>': hub turnaround draws. */
  hub(): Stream {
    return (this.sHub ??= this.make(`hub:${this.type}`));
  }
}

/** The process of one aircraft, from the start until nothing is left for it to carry. */
export function* sortieCycle(run: Run, ac: Aircraft): ProcessGenerator<void> {
  const env = run.env;
  const T = ac.type;
  const av = T.availability;
  const pc = ac.clock;
  const cl = run.m.clearance;
  const capped = cl.dailyCap !== null;
  let afterSortie = false;
  for (;;) {
    // 1. Availability.
    if (av.kind === 'mission-capable') {
      const s = ac.streams.availability();
      while (s.next() >= av.rate) {
        pc.enter(DOWN, env.now);
        if (av.rate <= 0) {
          if (run.tracing) run.emit(env.now, 'aircraft down', ac.name, '', { for: 'good' });
          return;
        }
        const d = Math.max(MIN_DOWN_H, av.downH(s));
        if (run.tracing) run.emit(env.now, 'aircraft down', ac.name, '', { hours: d });
        yield env.timeout(d);
      }
    } else if (av.kind === 'breakdowns' && afterSortie) {
      const s = ac.streams.availability();
      if (s.next() < av.perSortie) {
        pc.enter(DOWN, env.now);
        const d = Math.max(MIN_DOWN_H, av.repairH(s));
        if (run.tracing) run.emit(env.now, 'aircraft broken', ac.name, '', { hours: d });
        yield env.timeout(d);
      }
    }
    if (run.done) return;

    // 2. Assignment: wait at the hub until some base has a load worth the sortie.
    pc.enter(CARGO, env.now);
    ac.capST = Math.max(0, Math.min(T.payloadST(ac.streams.payload()), T.capST));
    ac.freeSeats = T.sidewallSeats === 0 ? 0 : Math.max(0, Math.min(T.sidewallSeats, Math.floor((T.maxPayloadST - ac.capST) / HEAD_ST + 1e-9)));
    let base: BaseRun | null;
    for (;;) {
      base = run.assign(ac, env.now);
      if (base !== null || run.done) break;
      if (!run.anyUnreserved(ac, env.now)) {
        pc.enter(STOPPED, env.now);
        if (run.tracing) run.emit(env.now, 'aircraft released', ac.name, '', {});
        return;
      }
      const wake = run.wakeTime(ac, env.now);
      ac.idle = true;
      run.idle++;
      yield wake < Infinity ? env.anyOf([env.timeout(wake - env.now), run.kickEvent]) : run.kickEvent;
      ac.idle = false;
      run.idle--;
    }
    if (base === null) return;
    const b = base.spec;
    ac.flyH = b.flyH[T.index]!;
    pc.startSortie(base.budget);
    pc.enter(CLEARANCE, env.now);
    ac.base = base;
    // A request filed on return to the hub (clearance.request: during-turnaround) has been with
    // the host nation since then; the wait counted is only what remains once the aircraft is ready.
    const filed = ac.filedH;
    ac.filedH = NaN;
    ac.requestedH = env.now;
    if (run.tracing) run.emit(env.now, 'clearance requested', ac.name, b.id, filed < env.now ? { ...loadDetail(ac.load), filedH: filed } : loadDetail(ac.load));

    // 3-4. Clearance, approach and a ramp spot, until the aircraft is on the ground.
    let spot: Request;
    let early = filed < env.now ? filed : NaN; // the filed request, for the first answer only
    for (;;) {
      const answer = run.clearance.answer(early >= 0 ? early : env.now, run.denialSink(ac, b.id));
      early = NaN;
      if (answer === Infinity) return; // never approved before the horizon: the run names it
      let approved = answer;
      if (capped) {
        // The cap is shared: take the slot at the answer's instant, in time order.
        if (answer > env.now) yield env.timeout(answer - env.now);
        approved = run.clearance.takeSlot(env.now);
        if (approved === Infinity) return;
      } else run.clearance.approveAt(answer);
      // Without a cap nothing else touches this approval, so one timeout covers the wait for it
      // and the flight in (the approval is known in advance; its trace is sorted into place).
      ac.approvedH = approved;
      ac.expiryH = approved + cl.validityH;
      if (run.tracing) run.emit(approved, 'clearance approved', ac.name, b.id, { validUntilH: ac.expiryH });
      if (approved < env.now && b.hours.nextOpen(env.now + ac.flyH) > ac.expiryH) {
        // Approved while the aircraft was still turning around (or under repair, or waiting for
        // cargo), and it can no longer land inside the approval: ask again now.
        if (run.tracing) run.emit(env.now, 'clearance expired', ac.name, b.id, { reason: 'lapsed before the aircraft was ready' });
        continue;
      }
      // The aircraft leaves the hub at the approval, or now if that came while it was not ready.
      const go = approved > env.now ? approved : env.now;
      const firstLanding = b.hours.nextOpen(go + ac.flyH);
      if (firstLanding > ac.expiryH) {
        if (run.tracing) run.emit(approved, 'clearance expired', ac.name, b.id, { reason: 'base closed on arrival' });
        // From the approval to the next request the aircraft waits for the base's opening hours,
        // not for the host nation: that wait is the airfield's.
        pc.enterTwo(CLEARANCE, approved - env.now, CLOSED, env.now);
        yield env.timeout(firstLanding - cl.validityH - env.now);
        pc.enter(CLEARANCE, env.now);
        continue;
      }
      pc.enterTwo(CLEARANCE, go - env.now, FLYING, env.now);
      yield env.timeout(go + ac.flyH - env.now);
      pc.enter(RAMP, env.now);
      const ramp = base.ramp!;
      const req = ramp.request(US_REQUEST);
      if (!req.triggered) {
        const latest = b.hours.lastOpenBefore(ac.expiryH);
        if (latest > env.now) yield env.anyOf([req, env.timeout(latest - env.now)]);
      }
      const landAt = req.triggered ? b.hours.nextOpen(env.now) : Infinity;
      if (landAt > ac.expiryH) {
        ramp.release(req);
        pc.move(FLYING, RAMP, ac.flyH);
        pc.enter(CLEARANCE, env.now);
        if (run.tracing) run.emit(env.now, 'clearance expired', ac.name, b.id, { reason: 'no ramp spot in time' });
        continue;
      }
      if (landAt > env.now) {
        // A spot is held; only the closed airfield keeps the aircraft from landing.
        pc.enter(CLOSED, env.now);
        yield env.timeout(landAt - env.now);
      }
      spot = req;
      break;
    }

    // 5. On the ground: loading team, working hours, take-off.
    pc.enter(TEAM, env.now);
    ac.landedH = env.now;
    base.us.change(env.now, 1);
    if (run.tracing) run.emit(env.now, 'landed', ac.name, b.id, {});
    let team: Request | null = null;
    if (base.teams !== null) {
      team = base.teams.request();
      if (!team.triggered) yield team;
    }
    // Loading: open hours count as loading work, closed ones as waiting for the airfield.
    pc.enterLoading(b.hours, env.now);
    run.topUp(ac, env.now);
    const work = Math.max(0, T.groundTimeH(ac.streams.ground()));
    const done = b.hours.addWorkingHours(env.now, work);
    if (run.tracing) run.emit(env.now, 'loading', ac.name, b.id, { ...loadDetail(ac.load), workH: work });
    yield env.timeout(done - env.now);
    if (team !== null) base.teams!.release(team);
    base.ramp!.release(spot);
    base.us.change(env.now, -1);
    const hub = Math.max(0, T.hubTurnaroundH(ac.streams.hub()));
    run.depart(ac, env.now, ac.flyH);

    // 6. Back to the hub and turn around.
    if (cl.duringTurnaround) ac.filedH = env.now + ac.flyH;
    pc.enterTwo(FLYING, ac.flyH, HUB, env.now);
    yield env.timeout(ac.flyH + hub);
    pc.enter(HUB, env.now);
    pc.startSortie(null);
    ac.base = null;
    afterSortie = true;
  }
}

/** The trace detail of a load. */
export function loadDetail(l: Load): Record<string, number> {
  return { sensitiveST: round3(l.s), equipmentST: round3(l.e), personnel: l.p + l.c, closureTeam: l.c };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
