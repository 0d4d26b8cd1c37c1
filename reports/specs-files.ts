/**
 * The `--specs dir` output: each run chart's Vega-Lite spec as pretty JSON, to open in the Vega
 * Editor or a notebook. The CLI writes them as `<name>.vl.json`.
 */
import type { Summary } from '../sim/batch/types.ts';
import { runReportSpecs } from './run-specs.ts';

/** One file per chart: `name` is the file name (`ecdf.vl.json`), `json` its content ending in a newline. */
export function specFiles(summary: Summary): Array<{ name: string; json: string }> {
  return Object.entries(runReportSpecs(summary)).map(([chart, spec]) => ({ name: `${chart}.vl.json`, json: `${JSON.stringify(spec, null, 2)}\n` }));
}
