/**
 * Slices of a sweep table: the rows where some parameters take fixed values, as a table over the
 * others, so that questions asked of one parameter (findTarget) can be asked of a grid.
 */
import { isDeepStrictEqual } from 'node:util';
import { didYouMean } from '../scenario/suggest.ts';
import type { ParamValue } from './grid.ts';
import type { SweepRow, SweepTable } from './sweep.ts';

/** A value as a script writes it: `4`, `"24h"`, `{"exponential":"3h"}`. */
const literal = (v: unknown): string => JSON.stringify(v) ?? String(v);

/**
 * Throws a RangeError in `who`'s name when `table` is not a sweep's table: no rows, or a row
 * whose values are not exactly for the table's parameters (a row filtered by hand from a larger
 * grid keeps the grid's parameters).
 */
export function checkSweepTable(who: string, table: SweepTable): void {
  if (typeof table !== 'object' || table === null || !Array.isArray(table.rows) || !Array.isArray(table.parameters)) {
    throw new TypeError(`${who} needs a table returned by sweep, runPoints or sliceSweep, got ${table === null ? 'null' : typeof table}`);
  }
  if (table.rows.length === 0) throw new RangeError(`${who}: the table has no rows; a sweep's table has one row per point`);
  const want = [...table.parameters].sort();
  table.rows.forEach((r, i) => {
    const has = Object.keys(r.values ?? {});
    if (!isDeepStrictEqual([...has].sort(), want)) {
      throw new RangeError(
        `${who}: row ${i + 1} has values for ${has.length === 0 ? 'no parameter' : has.join(', ')} but the table's parameters are ${table.parameters.join(', ') || 'none'}; take a slice with sliceSweep instead of filtering rows`,
      );
    }
  });
}

/** The values `parameter` takes in the table, each once, in the order of the rows. */
function valuesOf(table: SweepTable, parameter: string): ParamValue[] {
  const out: ParamValue[] = [];
  for (const r of table.rows) {
    const v = r.values[parameter] as ParamValue;
    if (!out.some((o) => isDeepStrictEqual(o, v))) out.push(v);
  }
  return out;
}

/**
 * The rows of `table` where each parameter of `fixed` takes its given value, as a table over the
 * remaining parameters (rows in the same order, their `values` without the fixed ones). Values
 * are compared as values: `4` is not `"4"`, and maps match whatever the order of their keys.
 * Throws a RangeError naming the parameter when `fixed` names one the table does not sweep, or a
 * value it never takes (listing the values it has), and as checkSweepTable on a malformed table.
 */
export function sliceSweep(table: SweepTable, fixed: Record<string, ParamValue>): SweepTable {
  checkSweepTable('sliceSweep', table);
  for (const [path, value] of Object.entries(fixed ?? {})) {
    if (!table.parameters.includes(path)) {
      const guess = didYouMean(path, table.parameters);
      throw new RangeError(
        `sliceSweep: "${path}" is not a parameter of this sweep; ${guess === undefined ? '' : `did you mean "${guess}"? `}(its parameters: ${table.parameters.join(', ')})`,
      );
    }
    const values = valuesOf(table, path);
    if (!values.some((v) => isDeepStrictEqual(v, value))) {
      throw new RangeError(`sliceSweep: ${path} is never ${literal(value)} in this sweep; its values are ${values.map(literal).join(', ')}`);
    }
  }
  const fixedPaths = Object.keys(fixed ?? {});
  const rows: SweepRow[] = table.rows
    .filter((r) => fixedPaths.every((p) => isDeepStrictEqual(r.values[p], fixed[p])))
    .map((r) => ({ ...r, values: Object.fromEntries(Object.entries(r.values).filter(([p]) => !fixedPaths.includes(p))) }));
  // Each value is in the table, but a table of chosen points (runPoints) may lack the combination.
  if (rows.length === 0) throw new RangeError(`sliceSweep: no row has ${fixedPaths.map((p) => `${p} = ${literal(fixed[p])}`).join(' and ')} together`);
  return { ...table, parameters: table.parameters.filter((p) => !fixedPaths.includes(p)), rows };
}
