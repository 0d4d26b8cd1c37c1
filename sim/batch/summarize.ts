/**
 * Turns merged batch totals into the `Summary` that the CLI prints and reports draw.
 */
import type { Scenario } from '../scenario/types.ts';
import type { ReplicationResult } from '../model/types.ts';
import type { FanPoint, Quantiles, RampPoint, Summary, TimeShares } from './types.ts';
import { BUDGET_KEYS, FAN_BINS, TIME_ALL, TIME_BASE0, TIME_SENSITIVE, sensitiveSeries, type Layout, type Totals } from './accumulate.ts';
import { describeCauses } from './causes.ts';
import { binnedQuantile, histogramQuantile, wilson } from './stats.ts';

const HOUR_MS = 3_600_000;

/** ISO-8601 instant (UTC, to the second) of `hours` after the scenario start. */
export function isoAt(start: string, hours: number): string {
  return new Date(Date.parse(start) + Math.round(hours * 3600) * 1000).toISOString().replace('.000Z', 'Z');
}

/** ISO date (YYYY-MM-DD) of day `day` (the day that starts 24*day hours after start). */
function dayDate(start: string, day: number): string {
  return new Date(Date.parse(start) + day * 24 * HOUR_MS).toISOString().slice(0, 10);
}

/** One finishing-time series of the totals: its histogram and counts. */
interface Series {
  counts: Uint32Array;
  offset: number;
  bins: number;
  total: number;
  finished: number;
  onTime: number;
  sumH: number;
}

function series(layout: Layout, t: Totals, k: number): Series {
  return {
    counts: t.times,
    offset: k * layout.hourBins,
    bins: layout.hourBins,
    total: t.runs,
    finished: t.finished[k] as number,
    onTime: t.onTime[k] as number,
    sumH: t.sumH[k] as number,
  };
}

/** Quantile q of a series in hours (null: after the horizon). */
function hoursAt(s: Series, q: number): number | null {
  return binnedQuantile(s.counts, s.offset, s.bins, s.total, q);
}

function quantiles(start: string, s: Series): Quantiles {
  const q = (p: number): string | null => {
    const h = hoursAt(s, p);
    return h === null ? null : isoAt(start, h);
  };
  return { p10: q(0.1), p50: q(0.5), p90: q(0.9) };
}

/** At most `k` evenly spaced quantiles of the finished values, in days, for ECDF and histogram (sorted). */
function daysSample(s: Series, k = 2000): number[] {
  const n = Math.min(k, s.finished);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = hoursAt(s, (((i + 0.5) / n) * s.finished) / s.total) as number;
    out.push(round(h / 24, 4));
  }
  return out;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The share each budget field becomes, by its place in BUDGET_KEYS. */
const SHARE_OF: Record<(typeof BUDGET_KEYS)[number], keyof TimeShares> = {
  clearanceWaitH: 'clearanceWait',
  rampWaitH: 'rampWait',
  groundH: 'loading',
  flyingH: 'flying',
  hubH: 'hub',
  downH: 'down',
  cargoWaitH: 'cargoWait',
  teamWaitH: 'teamWait',
  closedWaitH: 'closedWait',
};

function shares(time: Float64Array, offset: number): TimeShares {
  const v = BUDGET_KEYS.map((_, k) => time[offset + k] as number);
  const total = v.reduce((a, b) => a + b, 0) || 1;
  const out = {} as TimeShares;
  BUDGET_KEYS.forEach((key, k) => {
    out[SHARE_OF[key]] = round((v[k] as number) / total, 4);
  });
  return out;
}

/**
 * The waits the diagnosis can name, each in the words of the lever that would shorten it
 * (loading and flying are work, the hub is the fleet's own cycle: those are not delays).
 */
const DELAY_LABELS: Array<[keyof TimeShares, string]> = [
  ['clearanceWait', 'waiting for host-nation clearance'],
  ['rampWait', 'waiting for a ramp spot (parking MOG)'],
  ['teamWait', 'waiting for a loading team (working MOG)'],
  ['closedWait', 'waiting for the airfield to open (operating hours)'],
  ['cargoWait', 'waiting for cargo to be prepared'],
  ['down', 'grounded (not mission-capable)'],
];

/** The waits the diagnosis can name, largest share of the aircraft time first (ties in DELAY_LABELS order). */
export function rankedDelays(time: TimeShares): Array<{ key: keyof TimeShares; share: number; label: string }> {
  return DELAY_LABELS.map(([key, label]) => ({ key, share: time[key], label })).sort((a, b) => b.share - a.share);
}

/** Below this share of the aircraft time no wait is named as the main constraint: the fleet's own cycle sets the pace. */
export const MAIN_DELAY_SHARE = 0.05;

/** One sentence naming what holds the withdrawal back, from where the aircraft time went. */
export function diagnose(time: TimeShares, p: number, unfinishedCause: string): string {
  const delays = rankedDelays(time);
  const top = delays[0] as (typeof delays)[number];
  const second = delays[1] as (typeof delays)[number];
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const head = unfinishedCause ? `Some runs never finish (${unfinishedCause}). ` : '';
  if (top.share < MAIN_DELAY_SHARE) {
    return `${head}No external delay dominates: aircraft spent ${pct(time.flying)} of their time flying and ${pct(time.hub)} turning around at the hub, so the fleet size sets the pace.`;
  }
  const named = second.share >= MAIN_DELAY_SHARE ? [top, second] : [top];
  // Aircraft waiting for a team hold their spots meanwhile, so a ramp queue can come from too
  // few teams: when the ramp is named and team waits are not small, say so.
  const teamsToo = named.some((d) => d.key === 'rampWait') && time.teamWait >= 0.01 && !named.some((d) => d.key === 'teamWait');
  return `${head}Main constraint: aircraft spent ${pct(top.share)} of their time ${top.label}` +
    (named.length > 1 ? `, then ${pct(second.share)} ${second.label}.` : '.') +
    (teamsToo ? ` Aircraft holding spots also waited ${pct(time.teamWait)} of the time for a loading team, so more teams may free spots too.` : '') +
    (p === 0 ? ' No run finished by the deadline.' : p < 0.5 ? ' The deadline is more likely missed than met.' : '');
}

/**
 * Whether no base has sensitive equipment to move (each base's `sensitive` is null), so that the
 * overall sensitive-out dates are only the start and should be said as "none to move". False for
 * a result saved before the per-base dates existed (they are undefined there: not known).
 */
export function noSensitiveToMove(s: Pick<Summary, 'bases'>): boolean {
  const bases = Object.values(s.bases);
  return bases.length > 0 && bases.every((b) => b.sensitive === null);
}

export interface SummaryContext {
  scenario: Scenario;
  layout: Layout;
  totals: Totals;
  seed: string;
  sample: ReplicationResult;
  inputs: Array<[string, string]>;
  command: string;
  /** The overrides applied to the scenario file, as given ([] for none or not known). */
  overrides: readonly string[];
}

/** Builds the batch summary. Deterministic: same totals, same bytes. */
export function summarize(ctx: SummaryContext): Summary {
  const { scenario, layout, totals, seed } = ctx;
  const start = scenario.start;
  const runs = totals.runs;
  const completion = series(layout, totals, TIME_ALL);
  const done = completion.onTime;
  const unfinished = runs - completion.finished;
  // The most common cause, with how many runs it covers and its figures as medians over them.
  const cause = describeCauses(totals.causes, unfinished);
  const time = shares(totals.time, 0);
  const p = done / runs;
  const meanDays = completion.finished === 0 ? null : round(completion.sumH / completion.finished / 24, 3);
  const nb = layout.baseIds.length;

  const bases: Summary['bases'] = {};
  layout.baseIds.forEach((id, b) => {
    const closed = series(layout, totals, TIME_BASE0 + b);
    const sensitive = series(layout, totals, sensitiveSeries(layout, b));
    const spec = scenario.bases[id] as Scenario['bases'][string];
    bases[id] = {
      name: spec.name,
      closed: quantiles(start, closed),
      p_by_deadline: round(closed.onTime / runs, 6),
      // None to move: no date to give (the model's 0 h would read as the start).
      sensitive: spec.cargo.sensitiveST > 0 ? { ...quantiles(start, sensitive), p_by_deadline: round(sensitive.onTime / runs, 6) } : null,
      mean_sorties: round((totals.sorties[1 + b] as number) / runs, 3),
      time: shares(totals.time, (1 + b) * BUDGET_KEYS.length),
      closed_days_sample: daysSample(closed, 500),
    };
  });

  // Fan points up to the day after the later of the deadline and the P90 completion.
  const p90 = hoursAt(completion, 0.9);
  const lastDay = Math.min(layout.days - 1, Math.ceil(Math.max(scenario.deadlineH, p90 ?? scenario.horizonH) / 24) + 1);
  const fan: FanPoint[] = [];
  const ramp: RampPoint[] = [];
  const stride = FAN_BINS + 1;
  const q3 = (series: number, day: number): { p10: number; p50: number; p90: number } => {
    const off = (series * layout.days + day) * stride;
    const max = layout.seriesMax[series] as number;
    const q = (x: number): number => round(histogramQuantile(totals.fan, off, FAN_BINS, max, x), 1);
    return { p10: q(0.1), p50: q(0.5), p90: q(0.9) };
  };
  for (let day = 0; day <= lastDay; day++) {
    const date = dayDate(start, day + 1);
    fan.push({ date, base: 'all', cargoST: q3(2 * nb, day), personnel: q3(2 * nb + 1, day) });
    layout.baseIds.forEach((id, b) => {
      fan.push({ date, base: id, cargoST: q3(2 * b, day), personnel: q3(2 * b + 1, day) });
      const k = b * layout.days + day;
      const n = totals.rampN[k] as number;
      if (n > 0) {
        ramp.push({
          date: dayDate(start, day),
          base: id,
          us: round((totals.rampUs[k] as number) / n, 3),
          ru: round((totals.rampRu[k] as number) / n, 3),
          spots: (scenario.bases[id] as Scenario['bases'][string]).rampSpots,
        });
      }
    });
  }

  const sensitive = series(layout, totals, TIME_SENSITIVE);
  return {
    scenario: scenario.name,
    runs,
    seed,
    start: isoAt(start, 0),
    deadline: isoAt(start, scenario.deadlineH),
    p_by_deadline: round(p, 6),
    p_by_deadline_ci95: wilson(done, runs).map((x) => round(x, 6)) as [number, number],
    unfinished: { runs: unfinished, cause },
    completion: { ...quantiles(start, completion), mean_days: meanDays },
    completion_days_sample: daysSample(completion),
    sensitive: { ...quantiles(start, sensitive), p_by_deadline: round(sensitive.onTime / runs, 6) },
    bases,
    mean_sorties: round((totals.sorties[0] as number) / runs, 3),
    time,
    diagnosis: diagnose(time, p, cause),
    fan,
    ramp,
    sample: { replication: ctx.sample.replication, sorties: ctx.sample.sortieLog ?? [], daily: ctx.sample.daily },
    inputs: ctx.inputs,
    command: ctx.command,
    overrides: [...ctx.overrides],
  };
}
