/**
 * The report section: how long building the run report takes once modules are loaded (the
 * report issue's target is under a second), and its size, for the hand-made fixture summary,
 * a large one (5 bases, a year of days) and a real 2,000-run batch of the baseline. A
 * benchmark rather than a timed test: on a shared machine a time bound either flakes or is
 * too loose to mean anything.
 */
import { readFileSync } from 'node:fs';
import { runReportHtml, vegaRuntimeSource } from '../reports/index.ts';
import { parseScenario } from '../sim/scenario/index.ts';
import { runBatch } from '../sim/batch/run.ts';
import type { Summary } from '../sim/batch/types.ts';
import { largeSummary, sampleSummary } from '../test/reports/fixture.ts';
import { median, type SectionContext } from './section.ts';

const REPEATS = 5;

export async function reportSection(ctx: SectionContext): Promise<Record<string, unknown>> {
  const file = 'scenarios/niger-2024.yaml';
  const parsed = parseScenario(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} does not load`);
  const runs = ctx.quick ? 200 : 2000;
  ctx.log(`report: a ${runs}-run baseline batch for a real summary`);
  const { summary: real } = await runBatch(parsed.scenario, { runs, workers: 0 });
  const runtime = vegaRuntimeSource();
  const cases: Record<string, Summary> = { fixture: sampleSummary(), large: largeSummary(), baseline: real };
  const out: Record<string, unknown> = {};
  runReportHtml(real, { vegaRuntime: runtime }); // warm-up: compile the chart code paths
  for (const [name, summary] of Object.entries(cases)) {
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REPEATS; i++) {
      const t0 = performance.now();
      bytes = Buffer.byteLength(runReportHtml(summary, { vegaRuntime: runtime }));
      ms.push(performance.now() - t0);
    }
    out[`${name}_build_ms`] = Number(median(ms).toFixed(1));
    out[`${name}_bytes`] = bytes;
    ctx.log(`report: ${name} ${median(ms).toFixed(1)} ms, ${bytes} bytes`);
  }
  out.timing = `wall clock of runReportHtml with the vega runtime already read, median of ${REPEATS}; baseline summary from ${runs} runs; node ${process.version}`;
  return out;
}
