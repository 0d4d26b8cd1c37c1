/**
 * Benchmarks: `npm run bench [-- --json] [-- --only mm1,other] [-- --quick] [-- --full]`.
 *
 * Each section (see section.ts) returns an object; with --json this prints ONE JSON object
 * on stdout, `{ "<section>": { ... }, ... }`, and progress on stderr. Without --json it
 * prints a readable table. To add a section, write bench/<name>.ts exporting a Section and
 * register it below.
 */
import { engineCostsSection } from './engine-costs.ts';
import { mm1Section } from './mm1.ts';
import { niger2024Section } from './niger2024.ts';
import { reportSection } from './report.ts';
import { sweepSection } from './sweep.ts';
import type { Section } from './section.ts';

const SECTIONS: Record<string, Section> = {
  mm1: mm1Section,
  niger2024: niger2024Section,
  sweep: sweepSection,
  engine_costs: engineCostsSection,
  report: reportSection,
};

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\nusage: npm run bench -- [--json] [--quick | --full] [--only ${Object.keys(SECTIONS).join(',')}]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { json: boolean; quick: boolean; full: boolean; only: string[] } {
  let json = false;
  let quick = false;
  let full = false;
  let only = Object.keys(SECTIONS);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') json = true;
    else if (a === '--quick') quick = true;
    else if (a === '--full') full = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const v = a === '--only' ? argv[++i] : a.slice('--only='.length);
      if (v === undefined || v === '') usage('--only needs a section name');
      only = v.split(',');
      const unknown = only.filter((n) => !(n in SECTIONS));
      if (unknown.length > 0) usage(`unknown section ${unknown.join(', ')} (known: ${Object.keys(SECTIONS).join(', ')})`);
    } else usage(`unknown argument ${a}`);
  }
  if (quick && full) usage('--quick and --full exclude each other');
  return { json, quick, full, only };
}

function printTable(results: Record<string, Record<string, unknown>>): void {
  for (const [name, fields] of Object.entries(results)) {
    process.stdout.write(`\n${name}\n`);
    const width = Math.max(...Object.keys(fields).map((k) => k.length));
    for (const [k, v] of Object.entries(fields)) {
      const shown = typeof v === 'number' ? v.toLocaleString('en-US') : typeof v === 'string' ? v : JSON.stringify(v);
      process.stdout.write(`  ${k.padEnd(width)}  ${shown}\n`);
    }
  }
}

const args = parseArgs(process.argv.slice(2));
const results: Record<string, Record<string, unknown>> = {};
for (const name of args.only) {
  const section = SECTIONS[name] as Section;
  results[name] = await section({ log: (m) => process.stderr.write(`${m}\n`), quick: args.quick, full: args.full });
}
if (args.json) process.stdout.write(`${JSON.stringify(results)}\n`);
else printTable(results);
