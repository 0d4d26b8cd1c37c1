// Slices of a sweep over several parameters, and the checks findTarget makes on the table it is
// given: a script asks the target question of a two-parameter grid by slicing it, never by
// filtering rows by hand, and a table that is not a sweep's is refused in words that say why.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findTarget, sliceSweep, type ParamValue, type SweepRow, type SweepTable } from '../../sim/sweep/index.ts';

/** A row at `values` whose P(by deadline) is `p`, interval +-0.01; the rest does not matter here. */
function row(values: Record<string, ParamValue>, p: number): SweepRow {
  return {
    values,
    runs: 100,
    p_by_deadline: p,
    p_by_deadline_ci95: [p - 0.01, p + 0.01],
    completion: { p10: null, p50: null, p90: null, mean_days: null } as SweepRow['completion'],
    sensitive_p50: null,
    mean_sorties: 0,
    time: {} as SweepRow['time'],
    diagnosis: '',
  };
}

/** Fleet 1..3 by approval delay 24h and 48h, and a map-valued parameter on a third axis: P rises with the fleet, falls with the delay. */
function grid(): SweepTable {
  const rows: SweepRow[] = [];
  for (const count of [1, 2, 3]) {
    for (const delay of ['24h', '48h']) {
      for (const dist of [{ uniform: ['1h', '2h'] }, { exponential: '3h' }]) {
        rows.push(row({ 'fleet.C-17.count': count, 'clearance.approval_delay': delay, 'bases.AB101.prep': dist }, 0.5 + count * 0.15 - (delay === '48h' ? 0.1 : 0)));
      }
    }
  }
  return { scenario: 's', seed: '1', runs: 100, start: '2024-05-01', deadline: '2024-09-15', parameters: ['fleet.C-17.count', 'clearance.approval_delay', 'bases.AB101.prep'], rows };
}

test('a slice keeps the rows at the fixed values, over the remaining parameters, in order', () => {
  const t = grid();
  const s = sliceSweep(t, { 'clearance.approval_delay': '48h', 'bases.AB101.prep': { exponential: '3h' } });
  assert.equal(s.parameters, ['fleet.C-17.count']);
  assert.equal(
    s.rows.map((r) => r.values),
    [{ 'fleet.C-17.count': 1 }, { 'fleet.C-17.count': 2 }, { 'fleet.C-17.count': 3 }],
  );
  const byHand = t.rows.filter((r) => r.values['clearance.approval_delay'] === '48h' && 'exponential' in (r.values['bases.AB101.prep'] as object));
  assert.equal(s.rows, byHand.map((r) => ({ ...r, values: { 'fleet.C-17.count': r.values['fleet.C-17.count'] as number } })));
  assert.is(s.seed, t.seed);
  assert.is(s.runs, t.runs);
  // The table sliced is left as it was.
  assert.equal(t, grid());
});

test('a map value is matched as a value, whatever the order of its keys', () => {
  const s = sliceSweep(grid(), { 'bases.AB101.prep': { uniform: ['1h', '2h'] } });
  assert.equal(s.parameters, ['fleet.C-17.count', 'clearance.approval_delay']);
  assert.is(s.rows.length, 6);
  const reordered: SweepTable = { ...grid(), rows: grid().rows.map((r) => ({ ...r, values: { ...r.values, 'bases.AB101.prep': reorder(r.values['bases.AB101.prep']) } })) };
  assert.is(sliceSweep(reordered, { 'bases.AB101.prep': { uniform: ['1h', '2h'] } }).rows.length, 6);
});

/** The same map with its keys in reverse order. */
function reorder(v: ParamValue | undefined): ParamValue {
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).reverse());
}

test('findTarget answers on a slice of a two-parameter sweep', () => {
  const s = sliceSweep(grid(), { 'clearance.approval_delay': '24h', 'bases.AB101.prep': { exponential: '3h' } });
  const a = findTarget(s, 0.9);
  assert.is(a.parameter, 'fleet.C-17.count');
  assert.is(a.confident?.value, 3);
});

test('a parameter the table does not sweep is refused, naming it, a likely intended one and the parameters swept', () => {
  assert.throws(
    () => sliceSweep(grid(), { 'fleet.C-17.cont': 2 }),
    (e: Error) =>
      e instanceof RangeError &&
      /^sliceSweep: "fleet\.C-17\.cont" is not a parameter of this sweep; did you mean "fleet\.C-17\.count"\? \(its parameters: fleet\.C-17\.count, clearance\.approval_delay, bases\.AB101\.prep\)$/.test(e.message),
  );
});

test('a value the parameter does not take is refused, naming the parameter and the values it has', () => {
  assert.throws(
    () => sliceSweep(grid(), { 'clearance.approval_delay': '36h' }),
    /^sliceSweep: clearance\.approval_delay is never "36h" in this sweep; its values are "24h", "48h"$/,
  );
  // A number is not the same value as its text: say so through the listed values.
  assert.throws(() => sliceSweep(grid(), { 'fleet.C-17.count': '2' }), /^sliceSweep: fleet\.C-17\.count is never "2" in this sweep; its values are 1, 2, 3$/);
});

test('findTarget on two parameters says to take a slice, with a call that would do it', () => {
  const t = grid();
  const two = { ...t, parameters: t.parameters.slice(0, 2), rows: sliceSweep(t, { 'bases.AB101.prep': { exponential: '3h' } }).rows };
  assert.throws(
    () => findTarget(two, 0.9),
    /^findTarget needs a sweep of exactly one parameter, got 2 \(fleet\.C-17\.count, clearance\.approval_delay\); take a slice first: sliceSweep\(table, \{ 'clearance\.approval_delay': "24h" \}\)$/,
  );
});

test('findTarget refuses a table with no rows', () => {
  assert.throws(() => findTarget({ ...grid(), parameters: ['fleet.C-17.count'], rows: [] }, 0.9), /^findTarget: the table has no rows/);
});

test("findTarget refuses rows whose values do not have exactly the table's parameters", () => {
  const t = sliceSweep(grid(), { 'clearance.approval_delay': '24h', 'bases.AB101.prep': { exponential: '3h' } });
  // A row filtered by hand keeps every parameter of the grid.
  const byHand: SweepTable = { ...t, rows: grid().rows.slice(0, 1) };
  assert.throws(
    () => findTarget(byHand, 0.9),
    /^findTarget: row 1 has values for fleet\.C-17\.count, clearance\.approval_delay, bases\.AB101\.prep but the table's parameters are fleet\.C-17\.count; take a slice with sliceSweep instead of filtering rows$/,
  );
  const missing: SweepTable = { ...t, rows: [...t.rows, row({}, 0.5)] };
  assert.throws(() => findTarget(missing, 0.9), /^findTarget: row 4 has values for no parameter but the table's parameters are fleet\.C-17\.count/);
});

test('sliceSweep checks its table the same way', () => {
  assert.throws(() => sliceSweep({ ...grid(), rows: [] }, {}), /^sliceSweep: the table has no rows/);
});

test.run();
