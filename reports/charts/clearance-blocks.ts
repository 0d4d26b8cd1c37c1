/**
 * Spans in which the host nation approves no landing (a `clearance.freezes` entry, or the time
 * before `clearance.not_before`), as shaded bands on the time charts: without them a fan that
 * goes flat for three weeks says nothing about why. The summary carries them only as rows of its
 * inputs table (sim/scenario/describe.ts writes `Clearance freeze` and `Clearance not before`,
 * and has since the first saved results), so they are read back from there: a saved result of
 * any age gets its bands, and `run --json` needs no new field.
 */
import type { Summary } from '../../sim/batch/types.ts';
import type { Layer } from '../types.ts';
import type { RunFacts } from '../facts.ts';
import { rangedX, withHalo } from '../theme.ts';
import { dayRangeLabel, isoMinute, shortDayLabel } from '../time.ts';

export interface ClearanceBlock {
  fromMs: number;
  toMs: number;
  /** What the band is, in a few words: `Clearance freeze`, `No clearance yet`. */
  label: string;
  /** When, for readers: `24 Jun – 15 Jul 2024`. */
  when: string;
}

const BLOCK_COLOR = '#8d8d8d';
const TEXT_COLOR = '#555555';
const LINE_PX = 13;
/** A label's width as a share of a 940 px plot ("Clearance freeze" at 11 px, with some air). */
const LABEL_SHARE = 0.11;

/** `2024-06-24 UTC` or `2024-06-24 06:00 UTC` (describe.ts's formatDate) to UTC ms; NaN for anything else. */
function parseInputDate(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))? UTC$/.exec(text.trim());
  return m === null ? NaN : Date.parse(`${m[1]}T${m[2] ?? '00:00'}:00Z`);
}

/**
 * The spans without approvals that the summary's inputs name, in time order; rows that do not
 * read as dates are left out (the band is a reading aid, the inputs table still shows the row).
 */
export function clearanceBlocks(summary: Summary, facts: RunFacts): ClearanceBlock[] {
  const out: ClearanceBlock[] = [];
  for (const [key, value] of summary.inputs) {
    if (key === 'Clearance freeze') {
      const [from, to] = value.split(' to ');
      const fromMs = parseInputDate(from ?? '');
      const toMs = parseInputDate(to ?? '');
      if (Number.isFinite(fromMs) && Number.isFinite(toMs) && toMs > fromMs) out.push({ fromMs, toMs, label: 'Clearance freeze', when: dayRangeLabel(fromMs, toMs) });
    } else if (key === 'Clearance not before') {
      const toMs = parseInputDate(value);
      if (Number.isFinite(toMs) && toMs > facts.startMs) out.push({ fromMs: facts.startMs, toMs, label: 'No clearance yet', when: `until ${shortDayLabel(toMs)}` });
    }
  }
  return out.sort((a, b) => a.fromMs - b.fromMs);
}

/** A sentence for a chart's subtitle naming the shaded bands, or '' when there are none. */
export function clearanceBlocksText(blocks: ClearanceBlock[]): string {
  if (blocks.length === 0) return '';
  const spans = blocks.map((b) => (b.label === 'Clearance freeze' ? `a clearance freeze ${b.when}` : `before the first clearance, ${b.when}`));
  return `Grey bands: no landing approved (${spans.join('; ')}).`;
}

/**
 * Shaded bands over the blocks (`under`: put them first in a layer list, under the data), each
 * labelled with what it is and when at the top or bottom of the plot, or not at all (`over`: put
 * them after the data, so no area hides them). `x` is the chart's x encoding; the band goes no
 * further than its domain.
 */
export function clearanceBlockLayers(blocks: ClearanceBlock[], x: { field: string } & Layer, labelAt: 'top' | 'bottom' | 'none'): { under: Layer[]; over: Layer[] } {
  const none = { under: [], over: [] };
  if (blocks.length === 0) return none;
  const domain = (x.scale as { domain?: unknown } | undefined)?.domain;
  const [lo, hi] = Array.isArray(domain) && typeof domain[0] === 'number' && typeof domain[1] === 'number' ? [domain[0], domain[1]] : [-Infinity, Infinity];
  const values = blocks
    .filter((b) => b.toMs > lo && b.fromMs < hi)
    .map((b) => ({ [x.field]: isoMinute(Math.max(lo, b.fromMs)), blockEnd: isoMinute(Math.min(hi, b.toMs)), blockLabel: b.label, blockWhen: b.when }));
  if (values.length === 0) return none;
  const band: Layer = {
    data: { values },
    mark: { type: 'rect', color: BLOCK_COLOR, opacity: 0.18 },
    encoding: { x: rangedX(x), x2: { field: 'blockEnd' }, tooltip: [{ field: 'blockLabel', title: 'No landing approved' }, { field: 'blockWhen', title: 'When (UTC)' }] },
  };
  if (labelAt === 'none') return { under: [band], over: [] };
  // Two short lines, left-aligned inside the band's start (a three-week band is about 140 px wide
  // on a four-month axis). A label starting within LABEL_SHARE of the plot's width after the one
  // before it goes one row further in, so two blocks close together do not write over each other.
  const rows: number[] = [];
  const lastOnRow: number[] = [];
  blocks.filter((b) => b.toMs > lo && b.fromMs < hi).forEach((b) => {
    const at = Math.max(lo, b.fromMs);
    let row = 0;
    while (Number.isFinite(hi - lo) && lastOnRow[row] !== undefined && (at - lastOnRow[row]!) / (hi - lo) < LABEL_SHARE) row++;
    lastOnRow[row] = at;
    rows.push(row);
  });
  return { under: [band], over: [...new Set(rows)].flatMap((row) => withHalo(labelLayer(values.filter((_, i) => rows[i] === row), x, labelAt, row))) };
}

/** The labels of one row; vega places a multi-line text's first line at `y`, so at the bottom the second line is lifted in too. */
function labelLayer(values: Array<Record<string, string>>, x: Layer, labelAt: 'top' | 'bottom', row: number): Layer {
  const shift = row * (2 * LINE_PX + 4);
  const place = labelAt === 'top' ? { baseline: 'top', y: 4 + shift } : { baseline: 'bottom', y: 'height', dy: -4 - LINE_PX - shift };
  return {
    data: { values },
    transform: [{ calculate: "datum.blockLabel + '\\n' + datum.blockWhen", as: 'blockText' }],
    mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: TEXT_COLOR, lineBreak: '\n', lineHeight: LINE_PX, ...place },
    encoding: { x, text: { field: 'blockText' } },
  };
}
