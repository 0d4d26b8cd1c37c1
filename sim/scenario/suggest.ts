/**
 * Did-you-mean suggestions for unknown keys, base ids and choices.
 */

/** Lower case without separators, so `Ramp-Spots` matches `ramp_spots`. */
function normalise(s: string): string {
  return s.toLowerCase().replace(/[-_\s]/g, '');
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The known name closest to `word`, if one is close enough to be a likely typo. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  const w = normalise(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const n = normalise(k);
    if (n === w) return k;
    const dist = editDistance(w, n);
    // Allow about one typo per three letters, at least 2, and never more than half the word.
    const limit = Math.max(2, Math.floor(n.length / 3));
    if (dist <= limit && dist < n.length / 2 + 1 && dist < bestDistance) {
      best = k;
      bestDistance = dist;
    }
  }
  return best;
}

/** `unknown key "cuont"; did you mean "count"?` or, without a close match, the list of known keys. */
export function unknownMessage(what: string, word: string, known: readonly string[]): string {
  // `median:36h` in a YAML flow map is one key: YAML needs a space after the colon.
  const colon = /^([\w-]+):(\S.*)$/.exec(word);
  if (colon !== null && known.includes(colon[1] as string)) {
    return `unknown ${what} "${word}"; YAML needs a space after the colon: "${colon[1]}: ${colon[2]}"`;
  }
  const guess = didYouMean(word, known);
  if (guess !== undefined) return `unknown ${what} "${word}"; did you mean "${guess}"?`;
  if (known.length === 0) return `unknown ${what} "${word}"`;
  return `unknown ${what} "${word}" (expected one of: ${known.join(', ')})`;
}
