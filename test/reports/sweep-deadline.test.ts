/**
 * A sweep of the deadline itself: each point has its own deadline, so the report must not draw
 * or name the first point's deadline as if it held for all of them (the table's `deadline` is
 * only the first point's).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileSpecs } from '../../reports/index.ts';
import { sweepReportHtml, sweepReportSpecs } from '../../reports/sweep.ts';
import type { SweepTable } from '../../sim/sweep/index.ts';
import { tables } from './sweep-tables.ts';
import { walk, type Json } from '../support/json-walk.ts';

const DEADLINES = ['2024-08-15', '2024-09-01', '2024-09-15T12:00+01:00'];

/** The one-parameter table relabelled as a sweep of the deadline (the numbers are not a real run). */
async function deadlineTable(): Promise<SweepTable> {
  const { one } = await tables();
  const rows = one.rows.slice(0, DEADLINES.length).map((r, i) => ({ ...r, values: { deadline: DEADLINES[i] as string } }));
  return { ...one, parameters: ['deadline'], deadline: '2024-08-15T00:00:00.000Z', rows };
}

/** Every inline data row of a spec that carries a `deadline` field. */
function deadlineRows(spec: unknown): Json[] {
  return [...walk(spec)]
    .map(([, o]) => o)
    .flatMap((o) => (((o.data as Json | undefined)?.values ?? []) as Json[]))
    .filter((r) => typeof r === 'object' && r !== null && 'deadline' in r);
}

test("a swept deadline is drawn at each point's own date, never the first point's across all", async () => {
  const table = await deadlineTable();
  const specs = sweepReportSpecs(table);
  assert.equal(compileSpecs(specs as never).warnings, []);
  const drawn = deadlineRows(specs['dates-by-value']);
  const want = [Date.UTC(2024, 7, 15), Date.UTC(2024, 8, 1), Date.UTC(2024, 8, 15, 11)];
  assert.equal(drawn.map((r) => Date.parse(r.deadline as string)), want);
  assert.equal(drawn.map((r) => r.label), DEADLINES, "each dash sits at its own point's value");
});

test('with the deadline swept the headline says "the deadline", not the first point\'s date', async () => {
  const table = await deadlineTable();
  const html = sweepReportHtml(table, undefined, { vegaRuntime: '' });
  const header = /<header class="headline[^"]*">[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
  assert.match(header, /chance to finish by the deadline/);
  assert.not.match(header, /15 Aug 2024/);
});

test('a deadline that is not swept is still drawn at the one date every point shares', async () => {
  const { one } = await tables();
  const drawn = deadlineRows(sweepReportSpecs(one)['dates-by-value']);
  assert.ok(drawn.length > 0);
  assert.equal([...new Set(drawn.map((r) => Date.parse(r.deadline as string)))], [Date.parse(one.deadline)]);
});

test.run();
