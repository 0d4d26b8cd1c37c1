/**
 * Vega-Lite to Vega, in Node, so the page needs only the vega runtime. Compiler warnings are
 * collected as data (never printed): a warning means a chart is not drawn as written.
 */
import { compile } from 'vega-lite';
import type { LoggerInterface } from 'vega';
import type { VegaLiteSpec, VegaSpec } from './types.ts';

export interface CompiledSpecs {
  /** Chart name -> compiled Vega spec, in the input's order. */
  vega: Record<string, VegaSpec>;
  /** Compiler warnings, each prefixed with its chart's name. */
  warnings: string[];
}

/** Compiles each named Vega-Lite spec to Vega; throws naming the chart when vega-lite rejects it. */
export function compileSpecs(specs: Record<string, VegaLiteSpec>): CompiledSpecs {
  const vega: Record<string, VegaSpec> = {};
  const warnings: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const logger = collectingLogger((level, args) => warnings.push(`${name}: ${level}: ${args.map(String).join(' ')}`));
    try {
      vega[name] = compile(spec, { logger }).spec;
    } catch (e) {
      throw new Error(`Report: chart "${name}" does not compile: ${(e as Error).message}`);
    }
  }
  return { vega, warnings };
}

function collectingLogger(record: (level: string, args: unknown[]) => void): LoggerInterface {
  let level = 2;
  const logger: LoggerInterface = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      record('error', args);
      return logger;
    },
    warn(...args: unknown[]) {
      record('warning', args);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}
