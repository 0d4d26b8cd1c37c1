/**
 * CSV for sweeps, sensitivity tables and comparisons: a header row, one row per point, ISO dates, plain
 * numbers (a dot for decimals, no thousands separators), empty cells for "not by the horizon".
 * Loads as it is in pandas (`pd.read_csv`), R (`read.csv`) and spreadsheets.
 */
import type { SweepTable } from './sweep.ts';
import type { SensitivityTable } from './sensitivity.ts';
import type { CompareTable } from './compare.ts';
import { valueText, type ParamValue } from './grid.ts';
import { csvCell } from '../batch/replications-csv.ts';

function cell(v: ParamValue | null | undefined): string {
  return v === null || v === undefined ? '' : csvCell(valueText(v));
}

const line = (cells: Array<ParamValue | null | undefined>): string => cells.map(cell).join(',');

/** Column names of a sweep CSV after the parameter columns (documented in the README). */
export const SWEEP_COLUMNS = [
  'runs', 'p_by_deadline', 'p_ci95_lo', 'p_ci95_hi',
  'completion_p10', 'completion_p50', 'completion_p90', 'completion_mean_days',
  'sensitive_p50', 'mean_sorties',
  'share_clearance_wait', 'share_ramp_wait', 'share_cargo_wait', 'share_loading', 'share_flying', 'share_hub', 'share_down',
  'share_team_wait', 'share_closed_wait',
] as const;

/** The sweep table as CSV, one column per swept parameter first. */
export function sweepCsv(t: SweepTable): string {
  // Then, per base (in the scenario's order), its median closure and sensitive-out dates.
  const baseIds = Object.keys(t.rows[0]?.bases ?? {});
  const perBase = baseIds.flatMap((id) => [`closed_p50_${id}`, `sensitive_p50_${id}`]);
  const rows = [line([...t.parameters, ...SWEEP_COLUMNS, ...perBase])];
  for (const r of t.rows) {
    rows.push(
      line([
        ...t.parameters.map((p) => r.values[p]),
        r.runs, r.p_by_deadline, r.p_by_deadline_ci95[0], r.p_by_deadline_ci95[1],
        r.completion.p10, r.completion.p50, r.completion.p90, r.completion.mean_days,
        r.sensitive_p50, r.mean_sorties,
        r.time.clearanceWait, r.time.rampWait, r.time.cargoWait, r.time.loading, r.time.flying, r.time.hub, r.time.down,
        r.time.teamWait, r.time.closedWait,
        ...baseIds.flatMap((id) => [r.bases?.[id]?.closed_p50, r.bases?.[id]?.sensitive_p50]),
      ]),
    );
  }
  return `${rows.join('\n')}\n`;
}

/**
 * Column names of a sensitivity CSV (documented in the README). Columns added later go at the
 * end, so that scripts reading columns by position keep working.
 */
export const SENSITIVITY_COLUMNS = [
  'input', 'source', 'low', 'high', 'p_low', 'p_high', 'delta_p', 'completion_p50_low', 'completion_p50_high', 'delta_p50_days',
  'delta_p_ci95_lo', 'delta_p_ci95_hi',
] as const;

/** The sensitivity table as CSV, largest effect first. */
export function sensitivityCsv(t: SensitivityTable): string {
  const rows = [line([...SENSITIVITY_COLUMNS])];
  for (const r of t.rows) {
    rows.push(line([r.path, r.source, r.low, r.high, r.low_row.p_by_deadline, r.high_row.p_by_deadline, r.delta_p, r.low_row.completion.p50, r.high_row.completion.p50, r.delta_p50_days, r.delta_p_ci95[0], r.delta_p_ci95[1]]));
  }
  return `${rows.join('\n')}\n`;
}

/**
 * Column names of a comparison CSV: one row per scenario, the reference first. `differs` lists
 * the paths a variant changes, separated by spaces (empty for the reference).
 */
export const COMPARE_COLUMNS = [
  'name', 'file', 'deadline', 'runs', 'p_by_deadline', 'p_ci95_lo', 'p_ci95_hi',
  'delta_p', 'delta_p_ci95_lo', 'delta_p_ci95_hi', 'variant_only_runs', 'reference_only_runs',
  'completion_p10', 'completion_p50', 'completion_p90', 'delta_p50_days', 'main_constraint', 'differs',
] as const;

/** The comparison table as CSV, the reference first. */
export function compareCsv(t: CompareTable): string {
  const rows = [line([...COMPARE_COLUMNS])];
  for (const r of t.rows) {
    rows.push(
      line([
        r.name, r.file, r.deadline, r.runs, r.p_by_deadline, r.p_by_deadline_ci95[0], r.p_by_deadline_ci95[1],
        r.delta_p, r.delta_p_ci95[0], r.delta_p_ci95[1], r.discordant_runs.variant_only, r.discordant_runs.reference_only,
        r.completion.p10, r.completion.p50, r.completion.p90, r.delta_p50_days, r.main_constraint, r.differs.join(' '),
      ]),
    );
  }
  return `${rows.join('\n')}\n`;
}
