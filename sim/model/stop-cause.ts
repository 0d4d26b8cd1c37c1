/**
 * Names why a replication reached the horizon unfinished, from the state it stopped in.
 *
 * Structural causes (no aircraft, no ramp, out of reach) come first, then what the aircraft were doing at the horizon (down, waiting for clearance), then
 * cargo that never became ready, and last a plain "too slow" with what was left.
 */
import { CLEARANCE, DOWN, N_PHASES, STOPPED } from './phases.ts';

/** Without an approval for this long before the horizon, clearance is named as the cause, hours. */
export const CLEARANCE_STALL_H = 7 * 24;

const PHASE_WORDS = [
  'waiting for clearance', 'waiting for a ramp spot', 'loading', 'flying', 'turning around at the hub', 'down', 'waiting for ready cargo',
  'waiting for a loading team', 'waiting for the airfield to open',
];
import type { Run } from './run.ts';

/** One sentence on why the run did not finish by the horizon. */
export function stopCause(run: Run, endT: number): string {
  const m = run.m;
  const clock = m.clock;
  // Bring every aircraft's phase up to the horizon (a timeout may span two phases).
  for (const a of run.aircraft) a.clock.accrue(endT);
  run.catchUpAll(endT);
  const open = run.bases.filter((b) => !b.cargo.closed);
  const active = run.aircraft.filter((a) => a.clock.phase !== STOPPED);
  if (run.aircraft.length === 0) return 'no aircraft in the fleet';

  const structural: string[] = [];
  for (const b of open) {
    const id = b.spec.id;
    if (b.ramp === null) {
      structural.push(
        b.spec.rampSpots < 1 ? `${id}: no ramp spots, no aircraft can land` : `${id}: Russian forces hold all ${b.spec.rampSpots} ramp spots, none is left for US aircraft`,
      );
    } else if (!b.spec.workable) {
      structural.push(`${id}: no loading team (loadingTeams ${b.spec.loadingTeams}), nothing can be loaded`);
    } else if (!b.spec.reachable.some((r) => r)) {
      const h = Math.min(...b.spec.flyH);
      structural.push(`${id}: the flight from the hub (${h.toFixed(1)} h) is longer than a clearance's validity (${Number(m.clearance.validityH.toFixed(2))} h)`);
    }
  }
  if (structural.length > 0) return structural.join('; ');

  if (active.length > 0 && active.every((a) => a.clock.phase === DOWN)) {
    const types = [...new Set(active.map((a) => a.type.name))].join(', ');
    return `no aircraft available: every ${types} was down (not mission-capable) at the horizon`;
  }
  const inClearance = active.filter((a) => a.clock.phase === CLEARANCE).length;
  const last = run.clearance.lastApprovalH;
  if (inClearance > 0 && inClearance * 2 >= active.length && last < endT - CLEARANCE_STALL_H) {
    if (last === -Infinity) return `no clearance approved before the horizon (${clock.date(endT)})`;
    return `no clearance approved after ${clock.date(last)}; ${inClearance} of ${active.length} aircraft waiting for one`;
  }

  const unready: string[] = [];
  for (const b of open) {
    const left = b.cargo.unpreparedBy(endT);
    if (left >= 0.5) unready.push(`${b.spec.id}: ${Math.round(left)} ST of equipment never became ready`);
  }
  if (unready.length > 0) return unready.join('; ');

  // A closure team held back by the closure order is a consequence of the earlier base not
  // finishing, never a cause of its own (the order has no cycles): say it, but as context.
  const left = open.map((b) => {
    const c = b.cargo;
    const tons = Math.round(c.sTot + c.eTot - c.sLeft - c.eLeft);
    const heads = c.pTot + c.cTot - c.pLeft - c.cLeft;
    const held = c.prev !== null && !c.prev.closed && c.cTot - c.cLeft > 0 && c.othersAllReserved();
    const prev = held ? run.bases.find((x) => x.cargo === c.prev) : undefined;
    return `${b.spec.id}: ${tons} ST and ${heads} personnel left${prev ? ` (its closure team waits for ${prev.spec.id} to close)` : ''}`;
  });
  return `too slow: ${left.join('; ')} at the horizon (${clock.date(endT)}); ${mostTime(run, endT)}`;
}

/** Where the fleet's time went most, as words: "aircraft time went mostly to waiting for clearance (41%)". */
function mostTime(run: Run, endT: number): string {
  const total = new Array<number>(N_PHASES).fill(0);
  for (const a of run.aircraft) {
    a.clock.accrue(endT);
    for (let i = 0; i < N_PHASES; i++) total[i]! += a.clock.total[i]!;
  }
  let best = 0;
  for (let i = 1; i < N_PHASES; i++) if (total[i]! > total[best]!) best = i;
  const sum = total.reduce((x, y) => x + y, 0);
  const share = sum > 0 ? Math.round((100 * total[best]!) / sum) : 0;
  return `aircraft time went mostly to ${PHASE_WORDS[best]} (${share}%)`;
}
