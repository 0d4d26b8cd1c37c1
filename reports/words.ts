/** Counts and shares in words for the report's text: one format for every report. */
import { overridesWords } from '../sim/batch/command.ts';

/** A count with thousands separators: "2,000"; fractions are rounded to whole numbers. */
export function countText(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "1 run", "2,000 runs". */
export function runsText(n: number): string {
  return `${countText(n)} run${n === 1 ? '' : 's'}`;
}

/** Overrides for a headline, shell-quoted as the terminal prints them: " · overrides: a=1 'b=x y'", or '' for none. */
export function overridesText(overrides: readonly string[] | undefined): string {
  return overrides !== undefined && overrides.length > 0 ? ` · overrides: ${overridesWords(overrides)}` : '';
}
