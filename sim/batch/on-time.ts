/**
 * Per-replication outcomes, kept only when a caller asks (paired comparisons between sweep
 * points): one bit per replication, set when that replication got everything out by the
 * deadline. A bitset keeps a million replications in 125 kB, and bit i belongs to replication i
 * whichever chunk or worker ran it, so paired results do not depend on the worker count.
 */

/** Bit i (LSB first within each byte) is 1 when replication i finished everything by the deadline. */
export type OnTimeBits = Uint8Array;

/** An all-zero bitset for `n` replications. */
export function emptyOnTimeBits(n: number): OnTimeBits {
  return new Uint8Array(Math.ceil(n / 8));
}

/** Sets bit `i`. */
export function setOnTime(bits: OnTimeBits, i: number): void {
  bits[i >> 3] = (bits[i >> 3] as number) | (1 << (i & 7));
}

/** Whether bit `i` is set. */
export function isOnTime(bits: OnTimeBits, i: number): boolean {
  return (((bits[i >> 3] as number) >> (i & 7)) & 1) === 1;
}

/**
 * Joins chunk bitsets (each: bit j is replication from + j) into one for replications [0, n);
 * throws when a chunk has no bits or the chunks do not tile [0, n) (a scheduler bug, never input).
 */
export function joinOnTimeBits(chunks: ReadonlyArray<{ from: number; to: number; onTimeBits?: OnTimeBits | undefined }>, n: number): OnTimeBits {
  const out = emptyOnTimeBits(n);
  let expected = 0;
  for (const c of [...chunks].sort((a, b) => a.from - b.from)) {
    if (c.from !== expected) throw new Error(`joinOnTimeBits: expected a chunk starting at ${expected}, got ${c.from}`);
    const bits = c.onTimeBits;
    if (bits === undefined) throw new Error(`joinOnTimeBits: chunk [${c.from}, ${c.to}) was run without per-replication outcomes`);
    for (let j = 0; j < c.to - c.from; j++) if (isOnTime(bits, j)) setOnTime(out, c.from + j);
    expected = c.to;
  }
  if (expected !== n) throw new Error(`joinOnTimeBits: the chunks cover [0, ${expected}), expected [0, ${n})`);
  return out;
}
