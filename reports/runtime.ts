/**
 * The vega runtime that reports inline, read from the installed `vega` package. Reading a
 * packaged asset is the one file access in reports/; writing files is the CLI's job.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The source of vega's minified browser build (about 0.5 MB); throws naming the path if it is missing. */
export function vegaRuntimeSource(): string {
  // `vega` exports no path to its browser build, but does export its schema, which sits beside it.
  const schema = createRequire(import.meta.url).resolve('vega/vega-schema.json');
  const path = join(dirname(schema), 'vega.min.js');
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`Report: cannot read the vega runtime at ${path} (${(e as Error).message}); run \`npm ci\``);
  }
}
