/**
 * The hand-made sample Summary the report tests draw (two bases, 2024 dates, deadline 15 Sep),
 * loaded fresh for each caller so tests can alter their copy.
 */
import { readFileSync } from 'node:fs';
import type { Summary } from '../../sim/batch/types.ts';

const FIXTURE = new URL('../fixtures/summary-sample.json', import.meta.url);

/** A fresh copy of test/fixtures/summary-sample.json. */
export function sampleSummary(): Summary {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Summary;
}

/**
 * The sample stretched to the size of a large batch: five bases, a year of daily points,
 * 2,000 completion quantiles, 500 closure dates per base and 600 sorties in the sample run.
 */
export function largeSummary(): Summary {
  const s = sampleSummary();
  const ids = ['AB101', 'AB201', 'AB301', 'AB401', 'AB501'];
  const spread = (n: number, from: number, to: number): number[] => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
  const template = s.bases.AB101!;
  s.runs = 2000;
  s.completion_days_sample = spread(2000, 80.123456, 180.654321);
  s.bases = Object.fromEntries(ids.map((id, k) => [id, { ...template, name: `Air Base ${id.slice(2)} (Long Name ${k})`, closed_days_sample: spread(500, 40 + k, 150 + k) }]));
  const day = (d: number): string => new Date(Date.parse(s.start) + d * 86_400_000).toISOString().slice(0, 10);
  const q = (x: number) => ({ p10: x * 0.9, p50: x, p90: x * 1.1 });
  s.fan = Array.from({ length: 365 }, (_, d) => ['all', ...ids].map((base) => ({ date: day(d + 1), base, cargoST: q(3000.123 - 8 * d), personnel: q(900.4 - 2 * d) }))).flat();
  s.ramp = Array.from({ length: 365 }, (_, d) => ids.map((base) => ({ date: day(d), base, us: 1.23456, ru: 0.54321, spots: 6 }))).flat();
  s.sample.daily = Array.from({ length: 365 }, (_, d) =>
    ids.map((base) => ({ day: d, base, sensitiveST: 100, equipmentST: 1000, personnel: 300, usOnRamp: 1.2345, ruOnRamp: 0.4321 })),
  ).flat();
  const first = s.sample.sorties[0]!;
  s.sample.sorties = Array.from({ length: 600 }, (_, i) => {
    const t = i * 14.123456;
    return { ...first, aircraft: `C-17 #${(i % 24) + 1}`, base: ids[i % 5]!, requestedH: t, approvedH: t + 6.5, landedH: t + 11.25, departedH: t + 14.75, rampWaitH: 0.5, closedWaitH: 0.5, teamWaitH: 0.5, groundH: 2.75, flyingH: 9.5, sensitiveST: 12.345678, equipmentST: 45.678912, personnel: 3 };
  });
  return s;
}
