/** Counts in words for the report's text. */

/** "1 run", "2,000 runs". */
export function runsText(n: number): string {
  return `${n.toLocaleString('en-US')} run${n === 1 ? '' : 's'}`;
}
