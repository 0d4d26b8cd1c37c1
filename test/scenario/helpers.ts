/** Shared fixtures for the scenario tests: a small valid document and parse helpers. */
import { parseScenario, pathText, type OverrideInput, type ScenarioIssue } from '../../sim/scenario/index.ts';

/** A small valid scenario in YAML; line numbers matter to the tests that use them. */
export const SMALL = `name: small
start: 2024-05-19
deadline: 2024-09-15
fleet:
  C-17:
    count: 2
    payload: { triangular: [20 ST, 45 ST, 65 ST] }
    max_payload: 85 ST
    pallet_positions: 18
    st_per_pallet: 3.61 ST
    seats: 102
    block_speed: 430 kt
    ground_time: 2.25h
    hub_turnaround: { uniform: [16.5h, 20h] }
bases:
  AB101:
    ramp_spots: 4
    loading_teams: 2
    hub_distance: 1590 nm
    cargo: { sensitive: 100, equipment: 400, personnel: 300 }
    readiness: { ready_at_start: 0.5, prep_rate: 20 ST/d }
    closure_team: 20
clearance:
  approval_delay: { lognormal: { median: 24h, p90: 72h } }
  validity: 48h
`;

/** The issues of a text that must fail (throws if it parses). */
export function issuesOf(text: string, overrides: OverrideInput[] = []): ScenarioIssue[] {
  const r = parseScenario(text, 'test.yaml', overrides);
  if (r.ok) throw new Error('expected the scenario to be rejected, but it parsed');
  return r.issues;
}

/** The issue paths, as users write them, sorted. */
export function pathsOf(issues: readonly ScenarioIssue[]): string[] {
  return issues.map((i) => pathText(i.path)).sort();
}

/** The issue at a path (throws listing the paths there are if none). */
export function issueAt(issues: readonly ScenarioIssue[], path: string): ScenarioIssue {
  const found = issues.find((i) => pathText(i.path) === path);
  if (found === undefined) throw new Error(`no issue at ${path}; issues at: ${pathsOf(issues).join(', ')}`);
  return found;
}

/** SMALL with one line replaced (by its exact text). */
export function edit(from: string, to: string, text = SMALL): string {
  if (!text.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
  return text.replace(from, to);
}
