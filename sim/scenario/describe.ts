/**
 * The inputs of a scenario as rows of a table (label, value), for reports and `run`'s summary.
 */
import { Z90 } from '../random/index.ts';
import type { Availability, DistSpec, Scenario } from './types.ts';
import { formatClock, formatDate, formatDuration, HOUR_MS } from './units.ts';

const r = (x: number): string => String(Math.round(x * 100) / 100);

const ASSIGNMENT_WORDS: Record<Scenario['assignment'], string> = {
  'most-ready': 'base with the most ready load',
  nearest: 'nearest base with ready load',
  staged: 'bases one after another, in closure order',
};

/** A distribution in words; `unit` formats one value ('h' formats durations, else appended: 'ST'). */
export function describeDist(spec: DistSpec, unit: string): string {
  const v = (x: number): string => (unit === 'h' ? formatDuration(x) : `${r(x)} ${unit}`);
  switch (spec.kind) {
    case 'fixed':
      return v(spec.value);
    case 'exponential':
      return `exponential, mean ${v(spec.mean)}`;
    case 'uniform':
      return `uniform ${v(spec.min)} to ${v(spec.max)}`;
    case 'triangular':
      return `triangular ${v(spec.min)} / ${v(spec.mode)} / ${v(spec.max)} (min / mode / max)`;
    case 'normal': {
      const cut = spec.min !== undefined || spec.max !== undefined ? `, kept in [${v(spec.min ?? -Infinity)}, ${spec.max === undefined ? '∞' : v(spec.max)}]` : '';
      return `normal, mean ${v(spec.mean)}, sd ${v(spec.sd)}${cut}`;
    }
    case 'lognormal':
      return `lognormal, median ${v(Math.exp(spec.mu))}, p90 ${v(Math.exp(spec.mu + Z90 * spec.sigma))}`;
    case 'gamma':
      return `gamma, shape ${r(spec.shape)}, scale ${v(spec.scale)}`;
    case 'weibull':
      return `Weibull, shape ${r(spec.shape)}, scale ${v(spec.scale)}`;
    case 'empirical':
      return `one of ${spec.values.map(v).join(', ')}${spec.weights ? ` (weights ${spec.weights.join(', ')})` : ''}`;
    case 'bernoulli':
      return `1 with probability ${spec.p}, else 0`;
  }
}

function describeAvailability(a: Availability): string {
  if (a.kind === 'always') return 'always available';
  if (a.kind === 'mission-capable') return `mission-capable ${r(a.rate * 100)}% of sorties, else down ${describeDist(a.downH, 'h')}`;
  return `breaks down after ${r(a.perSortie * 100)}% of sorties, repair ${describeDist(a.repairH, 'h')}`;
}

/** Rows (label, value) describing every input of a scenario, in file order. */
export function describeInputs(s: Scenario): Array<[string, string]> {
  const start = Date.parse(s.start);
  const at = (h: number): string => formatDate(start + h * HOUR_MS);
  const rows: Array<[string, string]> = [
    ['Scenario', s.name],
    ['Start', formatDate(start)],
    ['Deadline', `${formatDate(Date.parse(s.deadline))} (${r(s.deadlineH / 24)} days after start)`],
    ['Horizon', `${at(s.horizonH)} (runs stop here if not finished)`],
  ];
  for (const [t, a] of Object.entries(s.fleet)) {
    rows.push([`Fleet ${t}`, `${a.count} aircraft; payload ${describeDist(a.payloadST, 'ST')} (max ${r(a.maxPayloadST)} ST, ${a.palletPositions} pallets x ${r(a.stPerPallet)} ST); ${a.seats} seats${(a.seatsWithFullPallets ?? 0) > 0 ? ` (${a.seatsWithFullPallets} beside full pallets)` : ''}; ${r(a.blockSpeedKt)} kt`]);
    rows.push([`Fleet ${t} times`, `ground ${describeDist(a.groundTimeH, 'h')}; hub turnaround ${describeDist(a.hubTurnaroundH, 'h')}; ${describeAvailability(a.availability)}`]);
  }
  for (const [id, b] of Object.entries(s.bases)) {
    const hours = b.hours.open === 0 && b.hours.close === 24 ? 'open always' : `open ${formatClock(b.hours.open)}-${formatClock(b.hours.close)} local (UTC${b.utcOffsetH >= 0 ? '+' : ''}${b.utcOffsetH})`;
    rows.push([`Base ${id}`, `${b.name}: ${b.rampSpots} ramp spots, ${b.loadingTeams} loading teams, ${hours}, ${r(b.hubDistanceNm)} nm to hub${b.aircraftTypes === undefined ? '' : `; only ${b.aircraftTypes.join(', ')} may land`}`]);
    rows.push([`Base ${id} cargo`, `${r(b.cargo.sensitiveST)} ST sensitive, ${r(b.cargo.equipmentST)} ST equipment, ${b.cargo.personnel} personnel (closure team ${b.closureTeam})`]);
    rows.push([`Base ${id} readiness`, `${r(b.readiness.readyAtStart * 100)}% ready at start; then ${describeDist(b.readiness.prepSTPerDay, 'ST/day')}`]);
  }
  const c = s.clearance;
  rows.push(['Clearance approval delay', describeDist(c.approvalDelayH, 'h')]);
  rows.push(['Clearance denial', c.denialProb === 0 ? 'never denied' : `${r(c.denialProb * 100)}%, resubmitted after ${describeDist(c.resubmitDelayH, 'h')}`]);
  rows.push(['Clearance validity', formatDuration(c.validityH)]);
  if (c.notBeforeH > 0) rows.push(['Clearance not before', at(c.notBeforeH)]);
  c.freezes.forEach((f) => rows.push(['Clearance freeze', `${at(f.fromH)} to ${at(f.toH)}`]));
  rows.push(['Clearance daily cap', c.dailyCap === null ? 'none' : `${c.dailyCap} landings per UTC day`]);
  rows.push(['Clearance request', c.request === 'during-turnaround' ? 'filed on return to the hub, during the turnaround' : 'filed when the aircraft is ready at the hub']);
  for (const [id, ru] of Object.entries(s.russian)) {
    const parts = [`${r(ru.arrivalsPerDay)} arrivals/day`];
    if (ru.scheduleH.length > 0) parts.push(`${ru.scheduleH.length} scheduled`);
    parts.push(`ground ${describeDist(ru.groundTimeH, 'h')}`, `${ru.permanentSpots} spots held throughout`);
    rows.push([`Russian traffic ${id}`, parts.join('; ')]);
  }
  rows.push(['Ramp priority', s.rampPriority === 'first-come' ? 'first come, first served' : 'Russian aircraft first']);
  for (const [id, c2] of Object.entries(s.commercial)) {
    rows.push([`Commercial ${id}`, `${c2.seatsPerDay} seats/day from ${at(c2.fromH)} to ${at(c2.toH)}`]);
  }
  rows.push(['Load order', s.loadOrder.join(', ')]);
  const acrossBases = s.sensitivePriority === 'across-bases' ? '; sensitive equipment first, across bases' : '';
  rows.push(['Assignment', ASSIGNMENT_WORDS[s.assignment] + acrossBases]);
  rows.push(['Personnel drawdown', drawdownWords(s)]);
  if (s.closureOrder.length > 0) rows.push(['Closure order', s.closureOrder.join(' before ')]);
  rows.push(['Batch', `${s.batch.runs} runs, seed "${s.batch.seed}"`]);
  return rows;
}

/** How a base's personnel leave, in words for the inputs table. */
function drawdownWords(s: Scenario): string {
  if (s.personnelDrawdown !== 'with-cargo') return 'on any seat from the start';
  const h = s.withCargoShare ?? 1;
  if (h === 1) return 'in step with the equipment leaving';
  return `${r(h * 100)}% in step with the equipment leaving, the rest on any seat from the start`;
}
