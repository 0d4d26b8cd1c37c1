/**
 * Russian aircraft sharing the ramp (commercial flights are in commercial.ts).
 *
 * Russian aircraft (per base, stream 'russian:<base>'): arrivals are a Poisson process at
 * `arrivalsPerDay` plus the fixed `scheduleH` times. They need no US clearance, but they do
 * respect the airfield's operating hours: each asks for a ramp spot on arrival (the same engine
 * Resource as US aircraft; with 'russian-first' they go ahead of every waiting US aircraft, never
 * evicting one on the ground), lands at the first open instant once it has a spot, holds it for
 * `groundTimeH` elapsed hours, and takes off at the first open instant after that. Permanent
 * spots are simply taken off the ramp's capacity and counted as Russian occupancy all along.
 */
import type { ProcessGenerator } from '../engine/index.ts';
import type { Stream } from '../random/index.ts';
import type { CompiledRussian } from './compile.ts';
import type { BaseRun, Run } from './run.ts';

/** Starts the Russian traffic processes of every base. */
export function startTraffic(run: Run): void {
  for (const base of run.bases) {
    const ru = base.spec.russian;
    if (ru !== null && base.ramp !== null && (ru.arrivalsPerDay > 0 || ru.scheduleH.length > 0)) {
      const s = run.streams(`russian:${base.spec.id}`);
      if (ru.arrivalsPerDay > 0) run.env.process(poissonArrivals(run, base, ru, s), `${base.spec.id} russian arrivals`);
      if (ru.scheduleH.length > 0) run.env.process(scheduledArrivals(run, base, ru, s), `${base.spec.id} russian schedule`);
    }
  }
}

function* poissonArrivals(run: Run, base: BaseRun, ru: CompiledRussian, s: Stream): ProcessGenerator<void> {
  const env = run.env;
  const meanGapH = 24 / ru.arrivalsPerDay;
  let n = 0;
  for (;;) {
    yield env.timeout(-meanGapH * Math.log(1 - s.next()));
    if (run.done || env.now >= run.m.horizonH) return;
    env.process(russianVisit(run, base, ru, s, `Il-76 ${base.spec.id}/${++n}`));
  }
}

function* scheduledArrivals(run: Run, base: BaseRun, ru: CompiledRussian, s: Stream): ProcessGenerator<void> {
  const env = run.env;
  let n = 0;
  for (const at of ru.scheduleH) {
    if (at < env.now) continue;
    if (at > env.now) yield env.timeout(at - env.now);
    if (run.done || env.now >= run.m.horizonH) return;
    env.process(russianVisit(run, base, ru, s, `Il-76 ${base.spec.id}/s${++n}`));
  }
}

function* russianVisit(run: Run, base: BaseRun, ru: CompiledRussian, s: Stream, name: string): ProcessGenerator<void> {
  const env = run.env;
  const id = base.spec.id;
  const hours = base.spec.hours;
  // Draw the ground time on arrival, so the stream's order does not depend on ramp waits.
  const ground = Math.max(0, ru.groundTimeH(s));
  if (run.tracing) run.emit(env.now, 'russian arrival', name, id, {});
  const ramp = base.ramp!;
  const req = ramp.request({ priority: run.m.russianFirst ? -1 : 0 });
  if (!req.triggered) yield req;
  const land = hours.nextOpen(env.now);
  if (land > env.now) yield env.timeout(land - env.now);
  base.ru.change(env.now, 1);
  if (run.tracing) run.emit(env.now, 'russian landed', name, id, { groundH: ground });
  const leave = hours.nextOpen(env.now + ground);
  yield env.timeout(leave - env.now);
  ramp.release(req);
  base.ru.change(env.now, -1);
  if (run.tracing) run.emit(env.now, 'russian departure', name, id, {});
}
