/**
 * A planner's question: how many C-17s do we need to be 95% sure of the deadline if clearances
 * take twice as long as in the baseline?
 *
 * Run: npx tsx examples/how-many-c17s.ts   (RUNS=500 for a quicker, rougher answer)
 */
import { readScenarioText, sweep, findTarget } from '../sim/index.ts';

const runs = Number(process.env.RUNS ?? 2000);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`RUNS must be an integer >= 1, got ${JSON.stringify(process.env.RUNS)}`);
  process.exit(2);
}
const scenario = readScenarioText('scenarios/niger-2024.yaml');

// The baseline's approval delay is lognormal with median 24 h and P90 72 h: double both.
const slowClearances = 'clearance.approval_delay={ lognormal: { median: 48h, p90: 144h } }';

const table = await sweep(scenario, { 'fleet.C-17.count': [1, 2, 3, 4, 5, 6] }, { runs, seed: 'how-many-c17s', sets: [slowClearances] });

const c17s = (n: unknown): string => `${n} C-17${n === 1 ? '' : 's'}`;

console.log(`With clearances twice as slow (${runs} replication${runs === 1 ? '' : 's'} per fleet size):`);
for (const row of table.rows) {
  const [lo, hi] = row.p_by_deadline_ci95;
  console.log(`  ${c17s(row.values['fleet.C-17.count'])}: P(by deadline) ${(row.p_by_deadline * 100).toFixed(1)}% (95% CI ${(lo * 100).toFixed(1)}-${(hi * 100).toFixed(1)}%), median completion ${row.completion.p50?.slice(0, 10) ?? 'after the horizon'}`);
}
const answer = findTarget(table, 0.95);
console.log(
  answer.confident
    ? `Answer: ${c17s(answer.confident.value)} is the smallest fleet whose whole 95% interval is at or above 95%.`
    : 'Answer: no fleet size up to 6 C-17s is 95% sure of the deadline.',
);
