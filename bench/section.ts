/**
 * What a benchmark section is: a named function that measures something and returns a plain
 * JSON-able object. bench/index.ts runs the sections asked for and merges their results
 * under their names into one JSON object.
 */
export interface SectionContext {
  /** Progress for humans; goes to stderr so stdout stays one JSON object. */
  log(message: string): void;
  /** Smaller sizes for a quick look (`--quick`); figures are then not the reference ones. */
  quick: boolean;
  /** Sizes too long for a routine run (`--full`), e.g. a 1,000,000-replication memory check. */
  full: boolean;
}

export type Section = (ctx: SectionContext) => Promise<Record<string, unknown>>;

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
