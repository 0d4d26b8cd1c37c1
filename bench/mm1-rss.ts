/**
 * Child process for an honest peak-memory figure: runs one engine M/M/1 of N customers in a
 * fresh process and prints {"customers", "wq", "peak_rss_mb"} from resourceUsage().maxRSS
 * (which counts everything the process touched, including Node and the TypeScript loader).
 *
 * Usage: node --import tsx bench/mm1-rss.ts <customers>
 */
import { engineMM1 } from './mm1-models.ts';

const customers = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(customers) || customers < 1) {
  process.stderr.write(`mm1-rss: customers must be an integer >= 1, got ${process.argv[2]}\n`);
  process.exit(2);
}
const res = engineMM1({ customers, lambda: 0.9, mu: 1.0, seed: 'bench' });
const peakMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
process.stdout.write(`${JSON.stringify({ customers, wq: res.wq, peak_rss_mb: Math.round(peakMb * 10) / 10 })}\n`);
