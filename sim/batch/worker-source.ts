/**
 * The worker thread's code, bundled once per process from sim/batch/worker.ts with esbuild.
 *
 * Why: worker threads on Node 20 do not inherit tsx's loader, and registering tsx in every
 * worker costs each one about 40 MB and most of a second before its first replication. One
 * in-memory bundle (about 120 KB of plain JavaScript, evaluated by the workers) costs neither
 * and writes no file. The bundle is the same code the main thread runs under tsx.
 */
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The worker's source as one CommonJS script; throws if esbuild fails (an installation problem). */
export function workerSource(): string {
  if (cached === undefined) {
    const result = buildSync({
      entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const file = result.outputFiles[0];
    if (file === undefined) throw new Error('workerSource: esbuild produced no output for sim/batch/worker.ts');
    cached = file.text;
  }
  return cached;
}
