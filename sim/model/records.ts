/**
 * Turns a finished run's state into the flat records of `types.ts`.
 *
 * Daily records are rebuilt after the run from each base's departure log and occupancy
 * accumulators, so the run itself schedules no per-day events. They cover days 0 .. the day in
 * which the run ended (completion or horizon); later days would all read zero (or the same).
 * Base budgets hold the time of sorties to that base (clearance, ramp, closed airfield, loading
 * team, loading, flying, hub turnaround after it); down time and cargo waits belong to no base and appear in the fleet's.
 */
import type { CargoClass } from '../scenario/types.ts';
import { EPS_ST } from './cargo.ts';
import { CARGO, CLEARANCE, CLOSED, DOWN, FLYING, GROUND, HUB, N_PHASES, RAMP, TEAM } from './phases.ts';
import type { BaseRun, Run } from './run.ts';
import type { BaseResult, DailyRecord, ReplicationResult, TimeBudget } from './types.ts';

/** Builds the replication's result, the run having ended at hour endT. */
export function buildResult(run: Run, endT: number, stopCause: string): ReplicationResult {
  run.catchUpAll(endT);
  const fleet = new Array<number>(N_PHASES).fill(0);
  for (const ac of run.aircraft) {
    ac.clock.accrue(endT);
    const t = ac.clock.total;
    for (let i = 0; i < fleet.length; i++) fleet[i]! += t[i]!;
  }
  const bases: Record<string, BaseResult> = {};
  const perBase = run.bases.map(classDone);
  run.bases.forEach((b, i) => {
    bases[b.spec.id] = {
      closedH: b.cargo.closed ? b.cargo.closedH : null,
      sensitiveDoneH: perBase[i]!.sensitive,
      sorties: b.sorties,
      time: budget(b.budget, false),
    };
  });
  const result: ReplicationResult = {
    replication: run.replication,
    stopReason: run.done ? 'done' : 'horizon',
    stopCause: run.done ? '' : stopCause,
    completedH: run.done ? run.completedH : null,
    classDoneH: latest(perBase),
    bases,
    sorties: run.sorties,
    commercialPersonnel: run.commercialPersonnel,
    time: budget(fleet, true),
    daily: daily(run.bases, endT),
  };
  if (run.sortieLog !== null) result.sortieLog = run.sortieLog;
  return result;
}

function budget(a: number[], withHub: boolean): TimeBudget {
  return {
    clearanceWaitH: a[CLEARANCE]!,
    rampWaitH: a[RAMP]!,
    groundH: a[GROUND]!,
    flyingH: a[FLYING]!,
    hubH: a[HUB]!,
    downH: withHub ? a[DOWN]! : 0,
    cargoWaitH: withHub ? a[CARGO]! : 0,
    teamWaitH: a[TEAM]!,
    closedWaitH: a[CLOSED]!,
  };
}

/** When each class had left one base: its last departure carrying it; 0 if it had none to move; null if some is left. */
function classDone(b: BaseRun): Record<CargoClass, number | null> {
  const c = b.cargo;
  const last = (amounts: number[]): number => {
    for (let i = amounts.length - 1; i >= 0; i--) if (amounts[i]! > 0) return b.depT[i]!;
    return 0;
  };
  return {
    sensitive: c.sTot - c.sLeft < EPS_ST ? last(b.depS) : null,
    equipment: c.eTot - c.eLeft < EPS_ST ? last(b.depE) : null,
    personnel: c.pLeft === c.pTot && c.cLeft === c.cTot ? last(b.depP) : null,
  };
}

/**
 * When each class had left every base: the latest of the bases' times (0 with no bases), null if
 * some base still holds some. Derived from the per-base times so the two can never disagree.
 */
function latest(perBase: Array<Record<CargoClass, number | null>>): Record<CargoClass, number | null> {
  const max = (k: CargoClass): number | null => {
    let m = 0;
    for (const d of perBase) {
      const v = d[k];
      if (v === null) return null;
      m = Math.max(m, v);
    }
    return m;
  };
  return { sensitive: max('sensitive'), equipment: max('equipment'), personnel: max('personnel') };
}

function daily(bases: BaseRun[], endT: number): DailyRecord[] {
  const days = Math.max(1, Math.ceil(endT / 24));
  // Sized once (about 200 records a run): growing it by push reallocates and copies it several times.
  const out = new Array<DailyRecord>(days * bases.length);
  let n = 0;
  for (const b of bases) {
    const c = b.cargo;
    const id = b.spec.id;
    let s = c.sTot;
    let e = c.eTot;
    let p = c.pTot + c.cTot;
    const us = b.us.sweep();
    const ru = b.ru.sweep();
    const { depT, depS, depE, depP } = b;
    const nDep = depT.length;
    let i = 0;
    for (let d = 0; d < days; d++) {
      const end = 24 * d + 24;
      for (; i < nDep && depT[i]! < end; i++) {
        s -= depS[i]!;
        e -= depE[i]!;
        p -= depP[i]!;
      }
      out[n++] = {
        day: d,
        base: id,
        sensitiveST: s < EPS_ST ? 0 : s,
        equipmentST: e < EPS_ST ? 0 : e,
        personnel: p,
        usOnRamp: us.dayMean(d, endT),
        ruOnRamp: ru.dayMean(d, endT),
      };
    }
  }
  return out;
}
