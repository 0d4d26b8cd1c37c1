import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { compareScenarios, compareCsv, COMPARE_COLUMNS, SweepInputError } from '../../sim/sweep/index.ts';
import { mainConstraint } from '../../sim/sweep/compare.ts';

const file = 'scenarios/niger-2024-thin-fleet.yaml';
const thin = { text: readFileSync(file, 'utf8'), file };
const opts = { runs: 120, seed: 'compare', workers: 0 };

/** A copy of the thin fleet with `pattern` replaced, under another file name; fails when nothing matched. */
function variant(pattern: RegExp, by: string, name = 'variant.yaml'): { text: string; file: string } {
  if (!pattern.test(thin.text)) throw new Error(`no match for ${pattern}`);
  return { text: thin.text.replace(pattern, by), file: name };
}

test('a scenario compared with an identical copy: no change, no discordant replication, the same row', async () => {
  // The thin fleet finishes in some replications and not others: unpaired replications would disagree.
  const t = await compareScenarios([thin, { ...thin, file: 'copy.yaml' }], opts);
  const [ref, copy] = t.rows;
  assert.ok(ref !== undefined && copy !== undefined);
  assert.ok(ref.p_by_deadline > 0.1 && ref.p_by_deadline < 0.9, `P ${ref.p_by_deadline}: the test needs outcomes of both kinds`);
  assert.is(copy.delta_p, 0);
  assert.equal(copy.discordant_runs, { variant_only: 0, reference_only: 0 });
  assert.is(copy.delta_p50_days, 0);
  assert.equal(copy.differs, []);
  assert.equal(ref.delta_p_ci95, [0, 0], 'the reference against itself: exactly 0');
  assert.ok(copy.delta_p_ci95[0] < 0 && copy.delta_p_ci95[1] > 0 && copy.delta_p_ci95[1] < 0.05, `a copy: Tango's interval around 0, ${copy.delta_p_ci95}`);
  assert.equal({ ...copy, file: ref.file, delta_p_ci95: ref.delta_p_ci95 }, ref);
});

test('a variant with one more C-17 does at least as well, on the same replications, and names only the count', async () => {
  const more = variant(/^( {4}count: )1\b/m, '$12', 'one-more-c17.yaml');
  const t = await compareScenarios([thin, more], opts);
  const r = t.rows[1];
  assert.ok(r !== undefined);
  assert.equal(r.differs, ['fleet.C-17.count']);
  assert.ok(r.delta_p >= 0, `delta_p ${r.delta_p}`);
  assert.ok(r.discordant_runs.variant_only > r.discordant_runs.reference_only, JSON.stringify(r.discordant_runs));
  assert.is(r.delta_p, (r.discordant_runs.variant_only - r.discordant_runs.reference_only) / t.runs);
  assert.ok(r.delta_p_ci95[0] > 0, `a second C-17 is not noise: ${r.delta_p_ci95}`);
  assert.ok((r.delta_p50_days ?? 0) < 0, 'and it brings the median completion forward');
});

test('each P is against its own deadline, and the table says the deadlines differ', async () => {
  const earlier = variant(/^deadline: 2024-09-15/m, 'deadline: 2024-09-01', 'earlier.yaml');
  const t = await compareScenarios([thin, earlier], opts);
  assert.ok(t.deadlines_differ);
  const [ref, r] = t.rows;
  assert.ok(ref !== undefined && r !== undefined);
  assert.is(r.deadline, '2024-09-01T00:00:00.000Z');
  assert.equal(r.differs, ['deadline']);
  // The same replications, an earlier bar: none can finish by it and not by the later one.
  assert.is(r.discordant_runs.variant_only, 0);
  assert.ok(r.delta_p < 0, `delta_p ${r.delta_p}`);
  assert.equal(r.completion, ref.completion);
});

test('runs and seed come from the first scenario, and a variant batch section that is not used is noted', async () => {
  const other = variant(/^( {2}seed: ).*$/m, '$1another', 'other-seed.yaml');
  const t = await compareScenarios([thin, other], { workers: 0, runs: 20 });
  assert.is(t.seed, 'niger-2024-thin-fleet');
  assert.equal(t.notes, ['note: batch.seed differs (other-seed.yaml has another); every scenario uses the first\'s, niger-2024-thin-fleet from scenarios/niger-2024-thin-fleet.yaml']);
  assert.equal(t.rows[1]?.differs, []);
  const given = await compareScenarios([thin, other], { ...opts, runs: 20 });
  assert.equal(given.notes, [], 'with a seed given, no batch section is used');
});

test('every problem of every file is listed before anything runs', async () => {
  const bad = variant(/^( {4}count: )1\b/m, '$1-1', 'bad.yaml');
  const worse = variant(/^( {4}ramp_spots: )4\b/m, '$1x', 'worse.yaml');
  const err = await compareScenarios([thin, bad, worse], opts).catch((e: unknown) => e);
  assert.instance(err, SweepInputError);
  const message = (err as Error).message;
  const lineOf = (text: string, pattern: RegExp): number => text.split('\n').findIndex((l) => pattern.test(l)) + 1;
  assert.match(message, new RegExp(`^bad\\.yaml:${lineOf(bad.text, /^ {4}count: -1\b/)}:\\d+ {2}fleet\\.C-17\\.count: expected an integer >= 0, got -1$`, 'm'));
  assert.match(message, new RegExp(`^worse\\.yaml:${lineOf(worse.text, /^ {4}ramp_spots: x\b/)}:\\d+ {2}bases\\.AB101\\.ramp_spots: `, 'm'));
});

test('misuse is refused in the words of compareScenarios', async () => {
  const refuse = (args: unknown[], pattern: RegExp) =>
    (compareScenarios as (...a: unknown[]) => Promise<unknown>)(...args).then(
      () => assert.unreachable('accepted'),
      (e: unknown) => assert.match((e as Error).message, pattern),
    );
  await refuse([[thin], opts], /needs at least 2 scenarios .*got 1/);
  await refuse([[thin, thin], opts], /scenarios\/niger-2024-thin-fleet\.yaml is given twice/);
  await refuse([thin, opts], /needs a list of scenario texts/);
  await refuse([[thin, { ...thin, file: 'b.yaml' }], { ...opts, varyLabel: 'x' }], /unknown option "varyLabel"/);
  await refuse([[thin, variant(/^start: 2024-05-19/m, 'start: 2024-05-26', 'later.yaml')], opts], /start at different instants \(scenarios\/niger-2024-thin-fleet\.yaml 2024-05-19.*, later\.yaml 2024-05-26/);
});

test('the CSV has one row per scenario under the documented columns', async () => {
  const t = await compareScenarios([thin, variant(/^( {4}count: )1\b/m, '$12', 'more.yaml')], { ...opts, runs: 30 });
  const lines = compareCsv(t).trimEnd().split('\n');
  assert.is(lines[0], COMPARE_COLUMNS.join(','));
  assert.is(lines.length, 3);
  const cells = (lines[2] as string).split(',');
  assert.is(cells.length, COMPARE_COLUMNS.length);
  const at = (c: (typeof COMPARE_COLUMNS)[number]): string => cells[COMPARE_COLUMNS.indexOf(c)] as string;
  assert.is(at('file'), 'more.yaml');
  assert.is(Number(at('delta_p')), t.rows[1]?.delta_p);
  assert.is(at('differs'), 'fleet.C-17.count');
});

test('the main constraint is the largest wait, or the fleet size when no wait reaches 5%', () => {
  const time = { clearanceWait: 0.3, rampWait: 0.4, loading: 0.05, flying: 0.1, hub: 0.1, down: 0.05, cargoWait: 0, teamWait: 0, closedWait: 0 };
  assert.is(mainConstraint(time), 'ramp spots 40%');
  assert.is(mainConstraint({ ...time, clearanceWait: 0.01, rampWait: 0.04, down: 0.04 }), 'fleet size');
});

test.run();
