/**
 * A check against history: Air Base 101 (Niamey) was handed over on 7 July 2024 and Air Base 201
 * (Agadez) on 5 August, with 1,593 tons and 766 of about 950 personnel out by the end of 7 July.
 * Which ways of running the withdrawal produce those dates, and at what cost to the
 * sensitive-first rule? (The README's "Against the record" table comes from this script.)
 *
 * Run: npx tsx examples/against-the-record.ts   (RUNS=500 for a quicker, rougher answer)
 */
import { loadScenario, runBatch, WorkerPool, type Summary } from '../sim/index.ts';

const runs = Number(process.env.RUNS ?? 2000);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`RUNS must be an integer >= 1, got ${JSON.stringify(process.env.RUNS)}`);
  process.exit(2);
}
const file = 'scenarios/niger-2024.yaml';
const variants: Array<[string, string[]]> = [
  ['baseline (most-ready)', []],
  ['staged', ['assignment=staged']],
  ['staged, sensitive across bases', ['assignment=staged', 'sensitive_priority=across-bases']],
  ['staged, filed during turnaround', ['assignment=staged', 'clearance.request=during-turnaround']],
  ['all three', ['assignment=staged', 'sensitive_priority=across-bases', 'clearance.request=during-turnaround']],
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const short = (iso: string | null): string => {
  if (iso === null) return 'after the horizon';
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
};
const range = (q: { p10: string | null; p50: string | null; p90: string | null }): string => `${short(q.p10)} / ${short(q.p50)} / ${short(q.p90)}`;
/** What had left by the end of 7 July: the fan's row for 8 July holds what was left at 00:00. */
function outBy7July(s: Summary, tons: number, people: number): string {
  const row = s.fan.find((f) => f.base === 'all' && f.date === '2024-07-08');
  if (row === undefined) return 'n/a';
  return `${Math.round(tons - row.cargoST.p50).toLocaleString('en-US')} ST and ${Math.round(people - row.personnel.p50)} of ${people} personnel`;
}

const base = loadScenario(file);
const tons = Object.values(base.bases).reduce((a, b) => a + b.cargo.sensitiveST + b.cargo.equipmentST, 0);
const people = Object.values(base.bases).reduce((a, b) => a + b.cargo.personnel, 0);
console.log(`${file}, ${runs} replications per variant, seed ${base.batch.seed}; dates P10 / median / P90`);
console.log('  the record: AB101 closes 7 Jul, AB201 5 Aug; 1,593 tons (TASS, unit not given: 1,756 ST if metric) and 766 of ~950 personnel out by the end of 7 Jul');
const pool = new WorkerPool();
try {
  for (const [name, overrides] of variants) {
    const { summary: s } = await runBatch(loadScenario(file, overrides), { runs, pool });
    console.log(`\n  ${name}`);
    console.log(`    AB101 closes ${range(s.bases.AB101!.closed)}; AB201 closes ${range(s.bases.AB201!.closed)}`);
    const perBase = Object.entries(s.bases).map(([id, b]) => `${id} ${b.sensitive ? short(b.sensitive.p50) : 'n/a'}`).join(', ');
    console.log(`    sensitive equipment out ${short(s.sensitive.p50)} (median; ${perBase}); P(by deadline) ${(s.p_by_deadline * 100).toFixed(1)}%`);
    console.log(`    out by the end of 7 Jul: ${outBy7July(s, tons, people)} (medians)`);
  }
} finally {
  await pool.close();
}
