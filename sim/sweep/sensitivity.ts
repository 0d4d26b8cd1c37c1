/**
 * One-at-a-time sensitivity: each uncertain input moves to its declared low and high value while
 * everything else stays at the baseline, all with the same replications (common random
 * numbers), and the inputs are ranked by how much they move P(by deadline) and the median
 * completion date.
 */
import type { DistSpec, Scenario } from '../scenario/types.ts';
import { parseScenario, formatIssues } from '../scenario/index.ts';
import { checkSweepArguments, runPointsWithOutcomes, SweepInputError, type ScenarioText, type SweepOptions, type SweepRow } from './sweep.ts';
import { pairedCounts, pairedDifferenceCi } from './paired.ts';
import type { OnTimeBits } from '../batch/on-time.ts';
import { valueText, type ParamValue } from './grid.ts';
import { Z90 } from '../random/special.ts';

export interface SensitivityInput {
  path: string;
  low: ParamValue;
  high: ParamValue;
  /** 'declared' in the scenario's `sensitivity` section, or a 'default' range. */
  source: 'declared' | 'default';
}

export interface SensitivityRow extends SensitivityInput {
  low_row: SweepRow;
  high_row: SweepRow;
  /** P(by deadline) at high minus at low. */
  delta_p: number;
  /**
   * Paired 95% interval of delta_p (Tango's score interval, see paired.ts): the same
   * replications run at low and high, so it comes from the discordant ones. One that includes 0
   * means the change is within the noise left at this number of replications.
   */
  delta_p_ci95: [number, number];
  /** Replications that finished by the deadline only at high, and only at low: the discordant pairs behind delta_p_ci95. */
  discordant_runs: { high_only: number; low_only: number };
  /** Median completion at high minus at low, days; null when either is past the horizon. */
  delta_p50_days: number | null;
}

/** Whether the paired 95% interval of an input's change in P includes 0: its effect cannot be told from none at this number of replications. */
export function withinNoise(r: Pick<SensitivityRow, 'delta_p_ci95'>): boolean {
  return r.delta_p_ci95[0] <= 0 && r.delta_p_ci95[1] >= 0;
}

export interface SensitivityTable {
  scenario: string;
  seed: string;
  runs: number;
  start: string;
  deadline: string;
  baseline: SweepRow;
  /** Largest effect first. */
  rows: SensitivityRow[];
  /** The overrides applied at every point (`sets`: the CLI's --set), as given. */
  overrides?: string[];
}

const round = (x: number, k = 4): number => Math.round(x * 10 ** k) / 10 ** k;

/**
 * Sensible default ranges, used when a scenario declares none: fleet counts one either side (down
 * to 0 when another type flies, else 1) and ramp spots one either side, mission-capable rates from the whole-fleet 67% to +10 points, clearance delays
 * half and twice as long, denial probability halved and doubled, Russian arrivals from none to
 * three times, each base's cargo preparation rate half and double, loading teams one either
 * side (at least 1), commercial seats per day half and double where a base has them, and the
 * clearance daily cap half and double where one is set (rounded, at least 1). An input whose low
 * and high would be the same value is left out.
 */
export function defaultInputs(s: Scenario): SensitivityInput[] {
  const out: SensitivityInput[] = [];
  const add = (path: string, low: ParamValue, high: ParamValue): void => {
    if (valueText(low) !== valueText(high)) out.push({ path, low, high, source: 'default' });
  };
  for (const [type, a] of Object.entries(s.fleet)) {
    add(`fleet.${type}.count`, Math.max(othersServeEveryBase(s, type) ? 0 : 1, a.count - 1), a.count + 1);
    // A type with no aircraft: its availability moves nothing.
    if (a.availability.kind === 'mission-capable' && a.count > 0) {
      const r = a.availability.rate;
      add(`fleet.${type}.availability.mission_capable`, round(Math.min(r, 0.67)), round(Math.min(1, r + 0.1)));
    }
  }
  const delayLow = scaledDuration(s.clearance.approvalDelayH, 0.5);
  const delayHigh = scaledDuration(s.clearance.approvalDelayH, 2);
  if (delayLow !== undefined && delayHigh !== undefined) add('clearance.approval_delay', delayLow, delayHigh);
  const p = s.clearance.denialProb;
  add('clearance.denial_probability', round(p / 2), round(p > 0 ? Math.min(0.9, p * 2) : 0.1));
  for (const [id, b] of Object.entries(s.bases)) {
    const held = s.russian[id]?.permanentSpots ?? 0;
    add(`bases.${id}.ramp_spots`, Math.max(held + 1, b.rampSpots - 1), b.rampSpots + 1);
  }
  for (const [id, r] of Object.entries(s.russian)) {
    if (r.arrivalsPerDay > 0) add(`russian.${id}.arrivals_per_day`, 0, round(r.arrivalsPerDay * 3));
  }
  for (const [id, b] of Object.entries(s.bases)) {
    // Packing sets the pace once the fleet outruns it (a user saw P go from 82% to 94% on it);
    // a base with everything ready at start, or no tons, never draws its rate.
    const toPrepare = b.readiness.readyAtStart < 1 && b.cargo.sensitiveST + b.cargo.equipmentST > 0;
    const rateLow = scaledRate(b.readiness.prepSTPerDay, 0.5);
    const rateHigh = scaledRate(b.readiness.prepSTPerDay, 2);
    if (toPrepare && rateLow !== undefined && rateHigh !== undefined) add(`bases.${id}.readiness.prep_rate`, rateLow, rateHigh);
    // Loading teams (working MOG): one either side, never below 1, which would load nothing.
    if (b.loadingTeams >= 1) add(`bases.${id}.loading_teams`, Math.max(1, b.loadingTeams - 1), b.loadingTeams + 1);
  }
  for (const [id, c] of Object.entries(s.commercial)) {
    // Seats are whole: half rounds to the nearest seat (half of 1 stays 1).
    if (c.seatsPerDay > 0) add(`commercial.${id}.seats_per_day`, Math.round(c.seatsPerDay / 2), c.seatsPerDay * 2);
  }
  const cap = s.clearance.dailyCap;
  // A cap of 0 approves nothing (refused as infeasible), so both ends stay at 1 or more.
  if (cap !== null) add('clearance.daily_cap', Math.max(1, Math.round(cap / 2)), Math.max(1, Math.round(cap * 2)));
  return out;
}

/** Whether every base with something to move is still served by some other type that flies, were `type` taken out. */
function othersServeEveryBase(s: Scenario, type: string): boolean {
  return Object.values(s.bases).every((b) => {
    if (b.cargo.sensitiveST + b.cargo.equipmentST + b.cargo.personnel === 0) return true;
    return Object.entries(s.fleet).some(([t, other]) => t !== type && other.count > 0 && (b.aircraftTypes === undefined || b.aircraftTypes.includes(t)));
  });
}

/**
 * Duration distribution `d` (hours) with its time scale multiplied by `k`, in scenario-file
 * syntax; undefined for a kind that has no time scale (bernoulli).
 */
export function scaledDuration(d: DistSpec, k: number): ParamValue | undefined {
  return scaledDist(d, k, 'h');
}

/**
 * Rate distribution `d` (ST per day) with every value multiplied by `k`, in scenario-file syntax
 * (`{ triangular: [12.5 ST/d, 20 ST/d, 27.5 ST/d] }`); undefined for bernoulli, which has no scale.
 */
export function scaledRate(d: DistSpec, k: number): ParamValue | undefined {
  return scaledDist(d, k, ' ST/d');
}

/** Distribution `d` with its scale multiplied by `k`, each value written with `unit` (the file's syntax). */
function scaledDist(d: DistSpec, k: number, unit: string): ParamValue | undefined {
  const h = (x: number): string => `${round(x * k, 6)}${unit}`;
  switch (d.kind) {
    case 'fixed':
      return h(d.value);
    case 'exponential':
      return { exponential: h(d.mean) };
    case 'uniform':
      return { uniform: [h(d.min), h(d.max)] };
    case 'triangular':
      return { triangular: [h(d.min), h(d.mode), h(d.max)] };
    case 'normal':
      return { normal: { mean: h(d.mean), sd: h(d.sd), ...(d.min === undefined ? {} : { min: h(d.min) }), ...(d.max === undefined ? {} : { max: h(d.max) }) } };
    case 'lognormal':
      // In the readable form: scaling multiplies every quantile by k.
      return { lognormal: { median: h(Math.exp(d.mu)), p90: h(Math.exp(d.mu + Z90 * d.sigma)) } };
    case 'gamma':
      return { gamma: { shape: d.shape, scale: h(d.scale) } };
    case 'weibull':
      return { weibull: { shape: d.shape, scale: h(d.scale) } };
    case 'empirical':
      return { empirical: { values: d.values.map(h), ...(d.weights === undefined ? {} : { weights: [...d.weights] }) } };
    case 'bernoulli':
      return undefined;
  }
}

/** The inputs a scenario declares in its `sensitivity` section, or the defaults. */
export function sensitivityInputs(s: Scenario): SensitivityInput[] {
  const declared = Object.entries(s.sensitivity).map(([path, r]) => ({ path, low: r.low as ParamValue, high: r.high as ParamValue, source: 'declared' as const }));
  return declared.length > 0 ? declared : defaultInputs(s);
}

/** Days from ISO instant `b` to `a`, two decimals; null when either is null (not by the horizon). */
export function daysBetween(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  return round((Date.parse(a) - Date.parse(b)) / 86_400_000, 2);
}

/**
 * Runs the baseline and every input at its low and high value, and ranks the inputs by the swing
 * in P(by deadline), then in median completion; each swing comes with its paired 95% interval.
 * Throws SweepInputError when the scenario or a low/high value does not validate (every problem
 * listed), and on bad arguments or options as checkSweepArguments (sweep.ts).
 */
export async function sensitivity(base: ScenarioText, options: SweepOptions = {}): Promise<SensitivityTable> {
  checkSweepArguments('sensitivity', base, options);
  const parsed = parseScenario(base.text, base.file, options.sets ?? []);
  if (!parsed.ok) throw new SweepInputError(formatIssues(parsed.issues, base.file), parsed.issues);
  const inputs = sensitivityInputs(parsed.scenario);
  // The baseline, then each input at its low and high value.
  const points: Array<Record<string, ParamValue>> = [{}];
  for (const i of inputs) points.push({ [i.path]: i.low }, { [i.path]: i.high });
  const { table, onTimeBits } = await runPointsWithOutcomes(base, points, { ...options, varyLabel: 'sensitivity point' }).catch((err: unknown) => {
    // A default range the scenario cannot take: say where the range came from and how to set one.
    if (err instanceof SweepInputError && inputs.some((i) => i.source === 'default')) {
      const note = 'These are default ranges (the scenario declares none): declare the ones you want in its `sensitivity` section, e.g. sensitivity: { fleet.C-17.count: { low: 1, high: 3 } }.';
      throw new SweepInputError(`${err.message}\n${note}`, err.issues);
    }
    throw err;
  });
  const baseline = table.rows[0] as SweepRow;
  const rows: SensitivityRow[] = inputs.map((input, k) => {
    const lowRow = table.rows[1 + 2 * k] as SweepRow;
    const highRow = table.rows[2 + 2 * k] as SweepRow;
    const pairs = pairedCounts(onTimeBits[1 + 2 * k] as OnTimeBits, onTimeBits[2 + 2 * k] as OnTimeBits, table.runs);
    return {
      ...input,
      low_row: lowRow,
      high_row: highRow,
      delta_p: round(highRow.p_by_deadline - lowRow.p_by_deadline, 6),
      delta_p_ci95: pairedDifferenceCi(pairs).map((x) => round(x, 6)) as [number, number],
      discordant_runs: { high_only: pairs.highOnly, low_only: pairs.lowOnly },
      delta_p50_days: daysBetween(highRow.completion.p50, lowRow.completion.p50),
    };
  });
  rows.sort((a, b) => Math.abs(b.delta_p) - Math.abs(a.delta_p) || Math.abs(b.delta_p50_days ?? Infinity) - Math.abs(a.delta_p50_days ?? Infinity) || (a.path < b.path ? -1 : 1));
  return { scenario: table.scenario, seed: table.seed, runs: table.runs, start: table.start, deadline: table.deadline, baseline, rows, overrides: table.overrides ?? [] };
}
