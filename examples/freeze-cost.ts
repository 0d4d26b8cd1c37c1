/**
 * A planner's question: what does a clearance freeze cost? The host nation stops approving
 * flights from 24 June for 0 to 5 weeks: how likely is the deadline, and how much later do we
 * finish?
 *
 * Run: npx tsx examples/freeze-cost.ts   (RUNS=500 for a quicker, rougher answer)
 */
import { readScenarioText, runPoints } from '../sim/index.ts';

const runs = Number(process.env.RUNS ?? 2000);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`RUNS must be an integer >= 1, got ${JSON.stringify(process.env.RUNS)}`);
  process.exit(2);
}
const scenario = readScenarioText('scenarios/niger-2024.yaml');
const freezeStart = Date.parse('2024-06-24T00:00:00Z');
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

// Every point is a whole `clearance.freezes` list: none, or one freeze of w weeks.
const weeks = [0, 1, 2, 3, 4, 5];
const points = weeks.map((w) => ({
  'clearance.freezes': w === 0 ? [] : [{ from: day(freezeStart), to: day(freezeStart + w * 7 * 86_400_000) }],
}));
const table = await runPoints(scenario, points, { runs, seed: 'freeze-cost' });

const baseline = table.rows[0];
const medianDay = (iso: string | null | undefined): number => (iso ? Date.parse(iso) / 86_400_000 : NaN);
console.log(`Clearance freeze from ${day(freezeStart)} (${runs} replication${runs === 1 ? '' : 's'} per point, common random numbers):`);
table.rows.forEach((row, k) => {
  const delay = medianDay(row.completion.p50) - medianDay(baseline?.completion.p50);
  console.log(
    `  ${weeks[k]} week${weeks[k] === 1 ? '' : 's'}: P(by deadline) ${(row.p_by_deadline * 100).toFixed(1)}%, median completion ${row.completion.p50?.slice(0, 10) ?? 'after the horizon'}` +
      (k > 0 ? ` (${Number.isNaN(delay) ? 'n/a' : `+${delay.toFixed(1)} days`})` : ''),
  );
});
