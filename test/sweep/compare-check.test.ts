import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkCompareTable, compareIssuePath, looksLikeCompareTable } from '../../sim/sweep/compare-check.ts';
import { compareTables } from '../reports/compare-tables.ts';

const paths = (doc: unknown): string[] => checkCompareTable(doc).map((i) => compareIssuePath(i.path));

test('a table straight from compareScenarios has no problem, and is told from a run result or a sweep table', async () => {
  const { worse, better } = await compareTables();
  assert.equal(checkCompareTable(worse), []);
  assert.equal(checkCompareTable(better), []);
  assert.ok(looksLikeCompareTable(worse));
  assert.not.ok(looksLikeCompareTable({ p_by_deadline: 0.5 }));
  assert.not.ok(looksLikeCompareTable({ rows: [{ values: {} }], parameters: [] }));
});

test('figures that disagree are each refused with their path', async () => {
  const cases: Array<[string, (t: any) => void, string[]]> = [
    ['a change not equal to the chance minus the reference', (t) => (t.rows[1].delta_p += 0.1), ['rows[1].delta_p', 'rows[1].discordant_runs']],
    ['a chance outside its interval', (t) => (t.rows[2].p_by_deadline_ci95 = [0, 0.01]), ['rows[2].p_by_deadline_ci95']],
    ['a chance edited without its change', (t) => (t.rows[2].p_by_deadline = Math.min(1, t.rows[2].p_by_deadline + 0.05)), ['rows[2].delta_p']],
    ['quantiles out of order', (t) => ([t.rows[1].completion.p10, t.rows[1].completion.p90] = [t.rows[1].completion.p90, t.rows[1].completion.p10]), ['rows[1].completion']],
    ['a change outside its paired interval', (t) => (t.rows[1].delta_p_ci95 = [0.2, 0.3]), ['rows[1].delta_p_ci95']],
    ['a wrong median shift', (t) => (t.rows[1].delta_p50_days = 99), ['rows[1].delta_p50_days']],
    ['deadlines_differ that is not so', (t) => (t.deadlines_differ = true), ['deadlines_differ']],
    ['a row of other runs', (t) => (t.rows[1].runs = 7), ['rows[1].runs']],
    ['a single row', (t) => (t.rows = t.rows.slice(0, 1)), ['rows']],
    ['a garbage date', (t) => (t.rows[0].completion.p50 = 'garbage'), ['rows[0].completion.p50']],
    ['a main constraint its time shares do not name', (t) => (t.rows[1].main_constraint = 'ramp spot 99%'), ['rows[1].main_constraint']],
    ['time shares edited without the main constraint', (t) => ([t.rows[2].time.clearanceWait, t.rows[2].time.rampWait] = [0, t.rows[2].time.clearanceWait]), ['rows[2].main_constraint']],
    ['a reference with an interval of change against itself', (t) => (t.rows[0].delta_p_ci95 = [-0.002, 0.002]), ['rows[0]']],
  ];
  for (const [what, damage, want] of cases) {
    const t = (await compareTables()).worse;
    damage(t);
    assert.equal(paths(t), want, what);
  }
});

test('a reference with a change against itself is refused', async () => {
  const t = (await compareTables()).worse as any;
  t.rows[0].differs = ['fleet.C-17.count'];
  assert.equal(paths(t), ['rows[0]']);
  assert.match(checkCompareTable(t)[0]!.message, 'the reference (the first row) has no change against itself');
});

test('every problem of one table is listed at once, and a non-table is one problem', async () => {
  const t = (await compareTables()).worse as any;
  t.seed = 3;
  t.rows[1].name = null;
  t.rows[2].differs = 'fleet';
  assert.equal(paths(t), ['seed', 'rows[1].name', 'rows[2].differs']);
  assert.is(checkCompareTable(null).length, 1);
  assert.match(checkCompareTable([]).at(0)!.message, 'expected a comparison table');
});

test.run();
