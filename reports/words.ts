/** Counts and shares in words for the report's text: one format for every report. */

/** A count with thousands separators: "2,000"; fractions are rounded to whole numbers. */
export function countText(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "1 run", "2,000 runs". */
export function runsText(n: number): string {
  return `${countText(n)} run${n === 1 ? '' : 's'}`;
}
