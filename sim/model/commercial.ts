/**
 * Scheduled commercial flights from one base, evaluated lazily.
 *
 * Semantics: one flight a day, at fromH + 24k for every k with a departure at or after hour 0
 * and before min(toH, horizon), takes up to `seatsPerDay` personnel that no aircraft has
 * reserved, never the closure team. Flights leave from the civil side of the airport: they use
 * no ramp spot and ignore the base's operating hours.
 *
 * Why lazy: a flight a day is an event a day, as many as the whole airlift's. Free personnel
 * change only when the model books something at the base, and every such place first catches
 * the flights up to its own instant (`catchUp`), which gives the same result as an event per
 * flight. One alarm is kept at the flight that will take the last free person (re-armed when a
 * reservation brings it forward): that moment can close a base with no closure team, or let a
 * closure team go, so it must happen on time and wake the waiting aircraft.
 */
import type { BaseRun, Run } from './run.ts';

/** The commercial flights of one base during one run. */
export class CommercialFlights {
  private readonly run: Run;
  private readonly base: BaseRun;
  private readonly seats: number;
  /** Departure time of the next flight not yet booked; Infinity once no one is left to fly. */
  private next: number;
  private readonly end: number;
  private alarmAt = Infinity;
  private readonly onAlarm = (): void => this.alarm();

  constructor(run: Run, base: BaseRun, spec: { seatsPerDay: number; fromH: number; toH: number }) {
    this.run = run;
    this.base = base;
    this.seats = Math.floor(spec.seatsPerDay);
    this.next = spec.fromH >= 0 ? spec.fromH : spec.fromH + 24 * Math.ceil(-spec.fromH / 24);
    this.end = Math.min(spec.toH, run.m.horizonH);
  }

  /** Books every flight due at or before hour t. */
  catchUp(t: number): void {
    while (this.next <= t && this.next < this.end) {
      if (this.base.cargo.freeP() === 0) {
        // Nobody to fly today. Personnel held back until more equipment leaves come later
        // (the departure that releases them books the flights up to its instant first).
        if (this.base.cargo.heldBackP()) {
          this.next += 24;
          continue;
        }
        this.next = Infinity; // free personnel never come back
        return;
      }
      this.run.commercialFlight(this.base, this.seats, this.next);
      this.next += 24;
    }
  }

  /** Sets the alarm at the flight that will take the last free person, if that comes sooner than the current alarm. */
  arm(now: number): void {
    if (this.seats <= 0 || this.next >= this.end) return;
    const free = this.base.cargo.freeP();
    if (free === 0) return;
    const last = this.next + 24 * (Math.ceil(free / this.seats) - 1);
    if (last >= this.end || (this.alarmAt >= now && last >= this.alarmAt)) return;
    this.alarmAt = last;
    this.run.env.timeout(Math.max(0, last - now)).addCallback(this.onAlarm);
  }

  private alarm(): void {
    const now = this.run.env.now;
    if (now !== this.alarmAt || this.run.done) return; // superseded by an earlier alarm
    this.alarmAt = Infinity;
    this.catchUp(now);
    if (this.base.cargo.freeP() === 0) this.run.kick();
    else this.arm(now);
  }
}
