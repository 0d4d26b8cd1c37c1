/**
 * Warnings: a valid scenario that runs, but whose answer is fixed before it runs. A clearance
 * window that opens only at or after the deadline makes P(finish by deadline) 0 by construction;
 * the run is legal (the dates after the deadline still mean something), so this is said, not
 * refused. Feasibility (feasibility.ts) refuses the same conditions against the horizon.
 */
import type { ScenarioIssue } from './issues.ts';
import type { ScenarioFile } from './schema.ts';
import { formatDate } from './units.ts';
import { approvalsBlockedUntil } from './feasibility.ts';

/** Whether some load can only leave by a US aircraft (and so needs a clearance): cargo, a closure team, or personnel with no commercial seats. */
function needsAircraft(f: ScenarioFile): boolean {
  return Object.entries(f.bases).some(([id, b]) => {
    const { sensitive, equipment, personnel } = b.cargo;
    const commercial = f.commercial[id];
    return sensitive + equipment > 0 || b.closure_team > 0 || (personnel > 0 && (commercial === undefined || commercial.seats_per_day === 0));
  });
}

/** Why no withdrawal can finish by the deadline whatever the draws, at the path to change; [] when it can. */
export function deadlineWarnings(f: ScenarioFile): ScenarioIssue[] {
  if (!needsAircraft(f)) return [];
  const out: ScenarioIssue[] = [];
  const deadline = formatDate(f.deadline);
  const late = 'nothing can finish in time (P = 0 by construction)';
  const c = f.clearance;
  const notBefore = c.not_before ?? f.start;
  if (notBefore >= f.deadline) {
    out.push({ path: ['clearance', 'not_before'], message: `${formatDate(notBefore)} is at or after the deadline (${deadline}): no clearance is approved before it, so ${late}` });
  }
  c.freezes.forEach((fr, i) => {
    if (fr.from <= f.start && fr.to >= f.deadline) {
      out.push({ path: ['clearance', 'freezes', i], message: `this freeze (${formatDate(fr.from)} to ${formatDate(fr.to)}) covers the whole time from the start to the deadline (${deadline}): ${late}` });
    }
  });
  if (out.length > 0) return out;
  const blockedTo = approvalsBlockedUntil(notBefore, c.freezes);
  if (blockedTo >= f.deadline) {
    out.push({ path: ['clearance', 'freezes'], message: `${c.not_before === undefined ? 'the freezes, one after another from the start,' : 'not_before and the freezes'} together allow no approval until ${formatDate(blockedTo)}, at or after the deadline (${deadline}): ${late}` });
  }
  return out;
}
