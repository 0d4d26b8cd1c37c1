/**
 * Chart data in columns: one object of parallel arrays instead of one object per row, so field
 * names are written once per chart rather than once per point (ECDF curves and closure strips
 * have thousands of points). A `flatten` transform turns it back into rows in the browser.
 */
import type { Layer } from './types.ts';

export interface Columns {
  /** Inline data: a single row whose fields are the columns. */
  values: [Record<string, unknown[]>];
  /** Put first in the layer's transforms: rows back, and the `dates` fields made Dates. */
  transform: Layer[];
}

/**
 * Columns from rows, for the given fields (every row must have them); `dates` names the fields
 * holding ISO instants. Throws naming the field when a row lacks it.
 */
export function columns(rows: ReadonlyArray<Record<string, unknown>>, fields: string[], dates: string[] = []): Columns {
  const cols: Record<string, unknown[]> = {};
  for (const f of fields) {
    cols[f] = rows.map((r, i) => {
      if (!(f in r)) throw new Error(`Report: chart row ${i} has no field "${f}"`);
      return r[f];
    });
  }
  return {
    values: [cols],
    transform: [{ flatten: fields }, ...dates.map((f) => ({ calculate: `toDate(datum[${JSON.stringify(f)}])`, as: f }))],
  };
}
