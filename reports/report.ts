/**
 * A report from Vega-Lite specs: what the run, sweep and sensitivity reports call. It compiles
 * each chart to Vega and renders the page shell with the vega runtime inlined.
 */
import type { VegaLiteSpec } from './types.ts';
import { compileSpecs } from './compile.ts';
import { renderPage, type PageCode, type PageHeadline, type PageTable } from './page.ts';
import { vegaRuntimeSource } from './runtime.ts';

export interface ReportChart {
  /** Lower-case id (`[a-z0-9-]+`), unique in the report. */
  name: string;
  spec: VegaLiteSpec;
  caption?: string;
}

export interface ReportSection {
  heading: string;
  intro?: string;
  charts?: ReportChart[];
  tables?: PageTable[];
  code?: PageCode[];
}

export interface Report {
  title: string;
  headline: PageHeadline;
  sections: ReportSection[];
  footer?: string;
  /** The vega runtime to inline; read from the installed `vega` package when absent. */
  vegaRuntime?: string;
}

/** One self-contained HTML page from Vega-Lite charts; throws naming a chart that does not compile. */
export function renderReport(report: Report): string {
  const specs: Record<string, VegaLiteSpec> = {};
  for (const s of report.sections) for (const c of s.charts ?? []) specs[c.name] = c.spec;
  const { vega } = compileSpecs(specs);
  return renderPage({
    title: report.title,
    headline: report.headline,
    sections: report.sections.map((s) => ({
      heading: s.heading,
      ...(s.intro === undefined ? {} : { intro: s.intro }),
      ...(s.tables === undefined ? {} : { tables: s.tables }),
      ...(s.code === undefined ? {} : { code: s.code }),
      charts: (s.charts ?? []).map((c) => ({ name: c.name, vega: vega[c.name]!, ...(c.caption === undefined ? {} : { caption: c.caption }) })),
    })),
    vegaRuntime: report.vegaRuntime ?? vegaRuntimeSource(),
    ...(report.footer === undefined ? {} : { footer: report.footer }),
  });
}
