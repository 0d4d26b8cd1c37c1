/**
 * Scenario paths in plain words, for headlines: "the number of C-17s" reads better than
 * `fleet.C-17.count` to someone who has not seen the scenario file. Only paths a reader is
 * likely to move are named; any other path is shown as written, and tables and charts always
 * show the path itself.
 */

/** Patterns over a path's parts; `*` matches one part (an aircraft type, a base id), passed in order. */
const WORDS: Array<[string, (...ids: string[]) => string]> = [
  ['fleet.*.count', (t) => `the number of ${t}s`],
  ['fleet.*.availability.mission_capable', (t) => `the ${t} mission-capable rate`],
  ['fleet.*.payload', (t) => `the ${t} payload`],
  ['fleet.*.ground_time', (t) => `the ${t} ground time`],
  ['fleet.*.hub_turnaround', (t) => `the ${t} hub turnaround`],
  ['fleet.*.block_speed', (t) => `the ${t} speed`],
  ['clearance.approval_delay', () => 'the clearance approval delay'],
  ['clearance.denial_probability', () => 'the clearance denial rate'],
  ['clearance.resubmit_delay', () => 'the delay before a denied clearance is resubmitted'],
  ['clearance.validity', () => 'how long a clearance stays valid'],
  ['clearance.not_before', () => 'the date of the first clearance'],
  ['clearance.daily_cap', () => 'the daily cap on clearances'],
  ['clearance.request', () => 'when clearance requests are filed'],
  ['bases.*.ramp_spots', (b) => `the ramp spots at ${b}`],
  ['bases.*.loading_teams', (b) => `the loading teams at ${b}`],
  ['bases.*.readiness.prep_rate', (b) => `the packing rate at ${b}`],
  ['bases.*.readiness.ready_at_start', (b) => `the cargo ready at the start at ${b}`],
  ['bases.*.hub_distance', (b) => `the distance from ${b} to the hub`],
  ['russian.*.arrivals_per_day', (b) => `Russian arrivals at ${b}`],
  ['russian.*.ground_time', (b) => `the Russian ground time at ${b}`],
  ['russian.*.permanent_spots', (b) => `the ramp spots Russian aircraft hold at ${b}`],
  ['commercial.*.seats_per_day', (b) => `the commercial seats a day from ${b}`],
];

/** A scenario path in plain words (`fleet.C-17.count` → `the number of C-17s`), or undefined when none is known. */
export function pathWords(path: string): string | undefined {
  const parts = path.split('.');
  for (const [pattern, words] of WORDS) {
    const want = pattern.split('.');
    // A type or base id with a dot in it splits into more parts and matches nothing: it is shown
    // as its path, which is never wrong.
    if (want.length !== parts.length) continue;
    const ids: string[] = [];
    if (want.every((w, i) => (w === '*' ? (ids.push(parts[i]!), true) : w === parts[i]))) return words(...ids);
  }
  return undefined;
}

/** A path in words with a capital first letter for the start of a sentence, or the path itself when none is known. */
export function pathLabel(path: string): string {
  const words = pathWords(path);
  return words === undefined ? path : words.charAt(0).toUpperCase() + words.slice(1);
}
