/**
 * The row layout every comparison chart shares: one block per scenario, its name (with a figure)
 * on a line or more of its own across the plot, then the scenario's bar or interval on the row
 * under it. Names of courses of action are long ("Niger 2024: three-week clearance freeze and a
 * thin fleet"): a y axis of names would take half the plot in a narrow window, or cut them.
 */
import { scenarioNames, type CompareRow, type CompareTable } from '../../sim/sweep/compare.ts';
import { withinNoise } from '../../sim/sweep/sensitivity.ts';
import type { Layer } from '../types.ts';
import { withHalo, wrapLines } from '../theme.ts';
import { percent } from '../run-headline.ts';
import { momentLabel, parseInstant } from '../time.ts';
import { ciText, dateText, signed } from './sweep-data.ts';

/** Height of one row (a line of a name, or a scenario's bar), px. */
export const ROW_PX = 20;
/** Characters of a name line: about 460 px of 12 px bold text, inside the plot at an 800 px window. */
const NAME_CHARS = 64;

/**
 * Each scenario's label: its name, with its file when two scenarios share a name (a copy), and
 * `(reference)` after the first, as the terminal tells them apart.
 */
export function scenarioLabels(table: CompareTable): string[] {
  return scenarioNames(table).map((name, i) => `${name}${i === 0 ? ' (reference)' : ''}`);
}

export interface ScenarioRows {
  /** Every row key, top to bottom (the y scale's domain). */
  keys: string[];
  /** One text per name line: the row it sits on and its words. */
  lines: Array<{ row: string; line: string }>;
  /** The key of the bar row of the scenario at `index` in `table.rows`. */
  bar: (index: number) => string;
}

/**
 * The rows of the scenarios at `indexes` (of table.rows), in that order; `heading(i)` is the text
 * over scenario i's bar, broken into lines of at most NAME_CHARS characters.
 */
export function scenarioRows(indexes: number[], heading: (index: number) => string): ScenarioRows {
  const keys: string[] = [];
  const lines: ScenarioRows['lines'] = [];
  for (const i of indexes) {
    wrapLines(heading(i), NAME_CHARS).forEach((line, k) => {
      const row = `${i} name ${k}`;
      keys.push(row);
      lines.push({ row, line });
    });
    keys.push(`${i} bar`);
  }
  return { keys, lines, bar: (i) => `${i} bar` };
}

/** The y encoding over the rows, with no axis: the name lines say what each bar is. */
export function rowsY(keys: string[]): Layer {
  return { field: 'row', type: 'nominal', sort: keys, scale: { domain: keys, paddingInner: 0.2, paddingOuter: 0.2 }, axis: null };
}

/** The name lines as a text layer, left-aligned at the plot's left edge, with a white halo: a zero line or a deadline passes behind the words. */
export function nameLayer(rows: ScenarioRows): Layer[] {
  return withHalo({
    data: { values: rows.lines },
    mark: { type: 'text', x: 0, align: 'left', baseline: 'middle', fontSize: 12, fontWeight: 600, color: '#111' },
    encoding: { y: rowsY(rows.keys), text: { field: 'line' } },
  });
}

/** A variant's change in the chance as the page writes it: `−38.3 points`. */
export function pointsText(delta: number): string {
  return `${signed(delta * 100, 1)} points`;
}

/** The paired 95% interval of a change, in signed points (`−51.0 to −27.1`), marked when within noise. */
export function changeCiText(r: Pick<CompareRow, 'delta_p_ci95'>): string {
  const [lo, hi] = r.delta_p_ci95;
  return `${signed(lo * 100, 1)} to ${signed(hi * 100, 1)}${withinNoise(r) ? ' (within noise)' : ''}`;
}

/** The deadline a row's chance is against, for readers, with its time (two deadlines may fall on one day). */
export function deadlineText(r: CompareRow, i: number): string {
  return momentLabel(parseInstant(r.deadline, `rows[${i}].deadline`));
}

/** The tooltip fields every scenario datum carries. */
export function scenarioDatum(table: CompareTable, r: CompareRow, i: number, label: string): Record<string, unknown> {
  return {
    scenario: label,
    file: r.file,
    pText: percent(r.p_by_deadline),
    ci: ciText(r.p_by_deadline_ci95),
    deadline: deadlineText(r, i),
    median: dateText(r.completion.p50, `rows[${i}].completion.p50`),
    constraint: r.main_constraint,
    change: i === 0 ? 'the reference' : `${pointsText(r.delta_p)} (95% interval ${changeCiText(r)})`,
    runs: table.runs,
  };
}

export const TOOLTIP = [
  { field: 'scenario', title: 'Scenario' },
  { field: 'file', title: 'File' },
  { field: 'pText', title: 'Chance by the deadline' },
  { field: 'ci', title: '95% interval' },
  { field: 'deadline', title: 'Its deadline' },
  { field: 'change', title: 'Change from the reference' },
  { field: 'median', title: 'Median completion' },
  { field: 'constraint', title: 'Main constraint' },
];
