/**
 * Why unfinished runs stopped, summed over a batch without keeping anything per replication.
 *
 * The model says each stop cause in words with figures in them ("too slow: AB101: 177 ST and
 * 90 personnel left ..."). Runs are grouped by the kind of their cause (the words with the figures
 * taken out), and for each figure the batch keeps how often each value came up, so the summary
 * can give the median of every figure over the runs of that kind instead of one run's words.
 */

/** How many runs stopped for one kind of cause, the earliest such run, and the values of each figure. */
export interface CauseCount {
  count: number;
  /** The lowest replication index with this kind of cause (ties between kinds go to the earliest). */
  replication: number;
  /** Per figure of the kind, in order: how many runs had each value (as written). */
  figures: Array<Record<string, number>>;
}

// A date is one figure; digits glued to a letter or hyphen are part of a name (AB101, C-17).
const FIGURE = /\d{4}-\d{2}-\d{2}|(?<![\w-])\d+(?:[.,]\d+)*/g;
const SLOT = '#';

/**
 * The kind of a stop cause: its text with the figures taken out, so that "AB101: 120 ST left"
 * and "AB101: 95 ST left" count as one cause, while names such as AB101, AB201 or C-17 stay.
 */
export function causeKind(text: string): string {
  return text.replace(FIGURE, SLOT);
}

/** One run's cause as a table entry of its own. */
export function oneCause(replication: number, text: string): CauseCount {
  const figures = (text.match(FIGURE) ?? []).map((v) => ({ [v]: 1 }));
  return { count: 1, replication, figures };
}

/** Adds the runs of one cause into a table, keeping the earliest replication (order-independent: counts are integers). */
export function addCause(table: Record<string, CauseCount>, kind: string, c: CauseCount): void {
  const t = table[kind];
  if (t === undefined) {
    table[kind] = { ...c, figures: c.figures.map((f) => ({ ...f })) };
    return;
  }
  t.count += c.count;
  if (c.replication < t.replication) t.replication = c.replication;
  c.figures.forEach((f, i) => {
    const into = (t.figures[i] ??= {});
    for (const [v, n] of Object.entries(f)) into[v] = (into[v] ?? 0) + n;
  });
}

/** Orders written figures: dates as text (ISO sorts), numbers by value. */
function byValue(a: string, b: string): number {
  const da = a.includes('-');
  const db = b.includes('-');
  if (da || db) return da === db ? (a < b ? -1 : a > b ? 1 : 0) : da ? 1 : -1;
  return Number(a.replace(/,/g, '')) - Number(b.replace(/,/g, ''));
}

/** The (lower) median of a figure's values, as written: a value some run actually had. */
function median(values: Record<string, number>): string {
  const sorted = Object.keys(values).sort(byValue);
  const total = sorted.reduce((s, v) => s + (values[v] as number), 0);
  let seen = 0;
  for (const v of sorted) {
    seen += values[v] as number;
    if (2 * seen >= total) return v;
  }
  return sorted[sorted.length - 1] ?? SLOT;
}

/** The words of a kind with each figure replaced by its median over the runs of that kind. */
export function medianText(kind: string, c: CauseCount): string {
  let i = 0;
  return kind.replace(/#/g, () => median(c.figures[i++] ?? {}));
}

/**
 * The class of a kind: the words before its first colon ("too slow", "no aircraft available")
 * when they are plain words, else the whole kind.
 */
function causeClass(kind: string): string {
  const m = /^([a-z][a-z ]*): /.exec(kind);
  return m ? (m[1] as string) : kind;
}

const earliest = (a: CauseCount, b: CauseCount): number => b.count - a.count || a.replication - b.replication;

/**
 * The most common cause among `unfinished` runs, in words that say how many runs it covers and
 * which figures are medians, e.g. "too slow in 143 of 162; median figures over the 98 stopped the
 * same way: AB101: 177 ST and 90 personnel left ...". Empty when no run is unfinished.
 */
export function describeCauses(causes: Record<string, CauseCount>, unfinished: number): string {
  const classes = new Map<string, { count: number; replication: number; kinds: Array<[string, CauseCount]> }>();
  for (const [kind, c] of Object.entries(causes)) {
    const key = causeClass(kind);
    const g = classes.get(key) ?? { count: 0, replication: Infinity, kinds: [] };
    g.count += c.count;
    g.replication = Math.min(g.replication, c.replication);
    g.kinds.push([kind, c]);
    classes.set(key, g);
  }
  const top = [...classes.entries()].sort(([, a], [, b]) => b.count - a.count || a.replication - b.replication)[0];
  if (top === undefined) return '';
  const [cls, group] = top;
  const [kind, c] = group.kinds.sort(([, a], [, b]) => earliest(a, b))[0] as [string, CauseCount];
  const hasFigures = kind.includes(SLOT);
  const words = medianText(kind, c);
  const share = `in ${group.count} of ${unfinished}`;
  if (cls === kind) return `${words} (${share}${hasFigures ? '; median figures' : ''})`;
  const detail = words.slice(cls.length + 2);
  const scope = hasFigures
    ? c.count === group.count ? 'median figures' : `median figures over the ${c.count} stopped the same way`
    : c.count === group.count ? '' : `${c.count} of them`;
  return `${cls} ${share}; ${scope === '' ? detail : `${scope}: ${detail}`}`;
}
