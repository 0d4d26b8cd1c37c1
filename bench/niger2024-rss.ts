/**
 * Child process for an honest peak-memory figure: runs one batch of the baseline scenario in a
 * fresh process and prints {"runs", "workers", "seconds", "p_by_deadline", "peak_rss_mb"}.
 * maxRSS is the whole process's high-water mark: main thread, worker threads (they share the
 * process), Node and the TypeScript loader.
 *
 * Usage: node --import tsx bench/niger2024-rss.ts <runs> [workers]
 */
import { runBatch } from '../sim/batch/run.ts';
import { loadBaseline } from './niger2024.ts';

const runs = Number(process.argv[2] ?? 1_000_000);
const workers = Number(process.argv[3] ?? 2);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`niger2024-rss: runs must be an integer >= 1, got ${process.argv[2]}\n`);
  process.exit(2);
}
if (!Number.isInteger(workers) || workers < 1) {
  process.stderr.write(`niger2024-rss: workers must be an integer >= 1, got ${process.argv[3]}\n`);
  process.exit(2);
}
const scenario = loadBaseline();
const t0 = performance.now();
const { summary } = await runBatch(scenario, { runs, seed: scenario.batch.seed, workers });
const seconds = (performance.now() - t0) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
process.stdout.write(
  `${JSON.stringify({ runs, workers, seconds, p_by_deadline: summary.p_by_deadline, peak_rss_mb: Math.round(peakMb * 10) / 10 })}\n`,
);
