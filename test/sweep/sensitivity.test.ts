import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { overrideText, sensitivity, sensitivityCsv, SweepInputError, valueText } from '../../sim/sweep/index.ts';
import { parseScenario } from '../../sim/scenario/index.ts';
import { defaultInputs, scaledDuration, scaledRate } from '../../sim/sweep/sensitivity.ts';
import { distMean, distRange } from '../../sim/random/moments.ts';

const file = 'scenarios/niger-2024.yaml';
const base = { text: readFileSync(file, 'utf8'), file };

test('inputs are ranked by their swing in P(by deadline), the declared ranges used', async () => {
  const t = await sensitivity(base, {
    runs: 150,
    seed: 'sens',
    workers: 0,
    sets: ['sensitivity={ fleet.C-17.count: { low: 1, high: 4 }, bases.AB101.ramp_spots: { low: 3, high: 5 } }'],
  });
  assert.equal(t.rows.map((r) => r.path), ['fleet.C-17.count', 'bases.AB101.ramp_spots']);
  assert.ok(Math.abs(t.rows[0]?.delta_p as number) > Math.abs(t.rows[1]?.delta_p as number));
  assert.ok((t.rows[0]?.delta_p as number) > 0.3, 'four aircraft instead of one must raise P a lot');
  assert.ok((t.rows[0]?.delta_p50_days ?? 0) < 0, 'and bring the median completion forward');
  for (const r of t.rows) assert.is(r.source, 'declared');
  // The swing is measured on common random numbers against the same baseline.
  assert.ok(t.baseline.p_by_deadline >= (t.rows[0]?.low_row.p_by_deadline as number));
  assert.ok(t.baseline.p_by_deadline <= (t.rows[0]?.high_row.p_by_deadline as number));
});

test('without declared ranges, sensible defaults move each numeric input one step either side', () => {
  const r = parseScenario(base.text, file, ['sensitivity={}']);
  assert.ok(r.ok);
  if (!r.ok) return;
  const inputs = defaultInputs(r.scenario);
  const count = inputs.find((i) => i.path === 'fleet.C-17.count');
  assert.equal(count && [count.low, count.high], [r.scenario.fleet['C-17']!.count - 1 || 1, r.scenario.fleet['C-17']!.count + 1]);
  assert.ok(inputs.some((i) => i.path === 'clearance.denial_probability'));
  assert.ok(inputs.every((i) => i.source === 'default' && i.low !== i.high));
});

test("in a mixed fleet a type's default count range goes down to 0 (another type still flies); alone, down to 1", () => {
  const thin = parseScenario(readFileSync('scenarios/niger-2024-thin-fleet.yaml', 'utf8'), 'thin.yaml', ['sensitivity={}', 'fleet.C-17.count=1']);
  assert.ok(thin.ok);
  if (!thin.ok) return;
  const c17 = defaultInputs(thin.scenario).find((i) => i.path === 'fleet.C-17.count');
  assert.equal(c17 && [c17.low, c17.high], [0, 2]);
  const alone = parseScenario(base.text, file, ['sensitivity={}', 'fleet.C-17.count=1']);
  assert.ok(alone.ok);
  if (!alone.ok) return;
  const only = defaultInputs(alone.scenario).find((i) => i.path === 'fleet.C-17.count');
  assert.equal(only && [only.low, only.high], [1, 2]);
  // A type with count 0: its count goes 0 to 1, and its availability, which moves nothing, is left out.
  const none = parseScenario(readFileSync('scenarios/niger-2024-thin-fleet.yaml', 'utf8'), 'thin.yaml', ['sensitivity={}', 'fleet.C-130J.count=0']);
  assert.ok(none.ok);
  if (!none.ok) return;
  const c130 = defaultInputs(none.scenario).filter((i) => i.path.startsWith('fleet.C-130J.'));
  assert.equal(c130.map((i) => [i.path, i.low, i.high]), [['fleet.C-130J.count', 0, 1]]);
  // A base that takes only C-130Js: the C-130J count stays at 1 or more, since nothing else serves it.
  const restricted = parseScenario(readFileSync('scenarios/niger-2024-thin-fleet.yaml', 'utf8'), 'thin.yaml', ['sensitivity={}', 'fleet.C-130J.count=1', 'bases.AB201.aircraft_types=[C-130J]']);
  assert.ok(restricted.ok);
  if (!restricted.ok) return;
  const served = defaultInputs(restricted.scenario).find((i) => i.path === 'fleet.C-130J.count');
  assert.equal(served && [served.low, served.high], [1, 2]);
});

test('a default range the scenario cannot take is refused with a note on declaring ranges', async () => {
  // With 4 h of validity only the C-17 reaches AB101, but the default C-17 range still goes to 0.
  const thin = { text: readFileSync('scenarios/niger-2024-thin-fleet.yaml', 'utf8'), file: 'scenarios/niger-2024-thin-fleet.yaml' };
  try {
    await sensitivity(thin, { runs: 5, workers: 0, sets: ['sensitivity={}', 'clearance.validity=4h'] });
    assert.unreachable('sensitivity ran');
  } catch (err) {
    assert.instance(err, SweepInputError);
    assert.match((err as Error).message, /fleet\.C-17\.count=0[\s\S]*no aircraft could ever land there/);
    assert.match((err as Error).message, /These are default ranges \(the scenario declares none\): declare the ones you want in its `sensitivity` section/);
  }
});

test('the default clearance-delay range is the same distribution half and twice as long, for every kind', () => {
  const forms = ['30h', '{ exponential: 12h }', '{ uniform: [2h, 6h] }', '{ triangular: [1h, 2h, 9h] }', '{ normal: { mean: 20h, sd: 5h, min: 1h, max: 60h } }',
    '{ lognormal: { median: 24h, p90: 72h } }', '{ gamma: { shape: 2, scale: 6h } }', '{ weibull: { shape: 1.5, scale: 10h } }', '{ empirical: { values: [2h, 3h, 8h], weights: [1, 2, 1] } }'];
  for (const form of forms) {
    const r = parseScenario(base.text, file, ['sensitivity={}', `clearance.approval_delay=${form}`]);
    if (!r.ok) throw new Error(`${form}: ${r.issues.map((i) => i.message).join('; ')}`);
    const d = r.scenario.clearance.approvalDelayH;
    const input = defaultInputs(r.scenario).find((i) => i.path === 'clearance.approval_delay');
    assert.ok(input !== undefined, form);
    for (const [k, v] of [[0.5, input!.low], [2, input!.high]] as const) {
      assert.equal(v, scaledDuration(d, k));
      const back = parseScenario(base.text, file, ['sensitivity={}', `clearance.approval_delay=${JSON.stringify(v)}`]);
      if (!back.ok) throw new Error(`${form} x${k}: ${back.issues.map((i) => i.message).join('; ')}`);
      const e = back.scenario.clearance.approvalDelayH;
      assert.is(e.kind, d.kind, form);
      const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${form} x${k} ${what}: ${a} vs ${b}`);
      close(distMean(e), k * distMean(d), 'mean');
      distRange(e).forEach((x, i) => Number.isFinite(x) && close(x, k * (distRange(d)[i] as number), `range ${i}`));
    }
  }
  const bernoulli = parseScenario(base.text, file, ['sensitivity={}', 'clearance.approval_delay={ bernoulli: 0.5 }']);
  if (bernoulli.ok) assert.not.ok(defaultInputs(bernoulli.scenario).some((i) => i.path === 'clearance.approval_delay'));
});

/** The default inputs of the baseline file with `sets` applied (its declared section emptied). */
function defaultsWith(...sets: string[]) {
  const r = parseScenario(base.text, file, ['sensitivity={}', ...sets]);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return { scenario: r.scenario, inputs: defaultInputs(r.scenario) };
}

test('the defaults include each base\'s cargo preparation rate, half and double, in the file\'s syntax', () => {
  const { scenario, inputs } = defaultsWith();
  for (const id of Object.keys(scenario.bases)) {
    const input = inputs.find((i) => i.path === `bases.${id}.readiness.prep_rate`);
    assert.ok(input !== undefined, id);
    const d = scenario.bases[id]!.readiness.prepSTPerDay;
    for (const [k, v] of [[0.5, input!.low], [2, input!.high]] as const) {
      assert.equal(v, scaledRate(d, k));
      const back = parseScenario(base.text, file, ['sensitivity={}', overrideText(input!.path, v)]);
      if (!back.ok) throw new Error(back.issues.map((i) => i.message).join('; '));
      assert.ok(Math.abs(distMean(back.scenario.bases[id]!.readiness.prepSTPerDay) - k * distMean(d)) < 1e-6, `${id} x${k}`);
    }
  }
  // A base with everything ready at start never draws its rate.
  const ready = defaultsWith('bases.AB101.readiness.ready_at_start=1').inputs;
  assert.not.ok(ready.some((i) => i.path === 'bases.AB101.readiness.prep_rate'));
  assert.ok(ready.some((i) => i.path === 'bases.AB201.readiness.prep_rate'));
});

test('the defaults move loading teams one either side, never below 1', () => {
  const { scenario, inputs } = defaultsWith('bases.AB101.loading_teams=1');
  assert.equal(inputs.find((i) => i.path === 'bases.AB101.loading_teams'), { path: 'bases.AB101.loading_teams', low: 1, high: 2, source: 'default' });
  const teams = scenario.bases.AB201!.loadingTeams;
  assert.equal(inputs.find((i) => i.path === 'bases.AB201.loading_teams'), { path: 'bases.AB201.loading_teams', low: Math.max(1, teams - 1), high: teams + 1, source: 'default' });
});

test('the defaults halve and double commercial seats where a base has them, and only there', () => {
  const { scenario, inputs } = defaultsWith();
  const withSeats = Object.entries(scenario.commercial).filter(([, c]) => c.seatsPerDay > 0);
  assert.ok(withSeats.length > 0, 'the baseline has commercial seats');
  for (const [id, c] of withSeats) {
    assert.equal(inputs.find((i) => i.path === `commercial.${id}.seats_per_day`), { path: `commercial.${id}.seats_per_day`, low: Math.round(c.seatsPerDay / 2), high: c.seatsPerDay * 2, source: 'default' });
  }
  assert.not.ok(defaultsWith('commercial={}').inputs.some((i) => i.path.startsWith('commercial.')));
});

test('the defaults halve and double the clearance daily cap where one is set, rounded and at least 1', () => {
  assert.not.ok(defaultsWith('clearance.daily_cap=null').inputs.some((i) => i.path === 'clearance.daily_cap'));
  assert.equal(defaultsWith('clearance.daily_cap=5').inputs.find((i) => i.path === 'clearance.daily_cap'), { path: 'clearance.daily_cap', low: 3, high: 10, source: 'default' });
  assert.equal(defaultsWith('clearance.daily_cap=1').inputs.find((i) => i.path === 'clearance.daily_cap'), { path: 'clearance.daily_cap', low: 1, high: 2, source: 'default' });
});

test('every default low and high value of every shipped scenario, given a daily cap and a base with one loading team, validates', () => {
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`);
  const bad: string[] = [];
  let points = 0;
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    // One variant per file (each parse takes about 15 ms): the cap and the single team bring in
    // the defaults that sit at their floor of 1.
    for (const sets of [['clearance.daily_cap=1', 'bases.AB101.loading_teams=1']]) {
      const r = parseScenario(text, path, ['sensitivity={}', ...sets]);
      if (!r.ok) throw new Error(`${path} ${sets.join(' ')}: ${r.issues.map((i) => i.message).join('; ')}`);
      for (const input of defaultInputs(r.scenario)) {
        for (const value of [input.low, input.high]) {
          points++;
          const at = parseScenario(text, path, ['sensitivity={}', ...sets, overrideText(input.path, value)]);
          if (!at.ok) bad.push(`${path} ${sets.join(' ')} ${input.path}=${valueText(value)}: ${at.issues.map((i) => i.message).join('; ')}`);
        }
      }
    }
  }
  assert.ok(points > 100, `only ${points} points checked`);
  assert.equal(bad, [], bad.join('\n'));
});

test('a low or high value that does not validate is reported with its path before anything runs', async () => {
  try {
    await sensitivity(base, { runs: 10, workers: 0, sets: ['sensitivity={ fleet.C-17.count: { low: -1, high: 4 } }'] });
    assert.unreachable('should have thrown');
  } catch (err) {
    assert.instance(err, SweepInputError);
    assert.match((err as Error).message, /sensitivity\.fleet\.C-17\.count\.low: expected an integer >= 0, got -1/);
  }
});

test('the sensitivity CSV has a header and one row per input, the interval of the change in the last two columns', async () => {
  const t = await sensitivity(base, { runs: 40, seed: 'csv', workers: 0, sets: ['sensitivity={ fleet.C-17.count: { low: 1, high: 3 } }'] });
  const lines = sensitivityCsv(t).trim().split('\n');
  // The first ten columns keep their places: scripts that read them by position still work.
  assert.is(lines[0], 'input,source,low,high,p_low,p_high,delta_p,completion_p50_low,completion_p50_high,delta_p50_days,delta_p_ci95_lo,delta_p_ci95_hi');
  assert.is(lines.length, 2);
  assert.match(lines[1] as string, /^fleet\.C-17\.count,declared,1,3,/);
  const cells = (lines[1] as string).split(',');
  assert.equal(cells.slice(-2).map(Number), t.rows[0]!.delta_p_ci95);
});

test('each change comes with a paired 95% interval that holds it, from the replications that finished at one end only', async () => {
  const t = await sensitivity(base, {
    runs: 200,
    seed: 'ci',
    workers: 0,
    sets: ['sensitivity={ fleet.C-17.count: { low: 1, high: 3 }, fleet.C-17.availability.mission_capable: { low: 0.6, high: 0.9 } }'],
  });
  for (const r of t.rows) {
    const [lo, hi] = r.delta_p_ci95;
    assert.ok(lo <= r.delta_p && r.delta_p <= hi, `${r.path}: ${r.delta_p} outside [${lo}, ${hi}]`);
    // delta_p is the discordant pairs' balance over the replications.
    assert.ok(Math.abs((r.discordant_runs.high_only - r.discordant_runs.low_only) / t.runs - r.delta_p) < 1e-5, r.path);
  }
  const fleet = t.rows.find((r) => r.path === 'fleet.C-17.count')!;
  assert.ok(fleet.delta_p_ci95[0] > 0, 'three aircraft instead of one: the whole interval is above 0');
});

test('an input the model ignores in the scenario moves nothing, and its interval holds 0', async () => {
  // with_cargo_share only matters under personnel_drawdown: with-cargo.
  const t = await sensitivity(base, { runs: 200, seed: 'ignored', workers: 0, sets: ['personnel_drawdown=any-seat', 'sensitivity={ with_cargo_share: { low: 0.2, high: 1 } }'] });
  const [r] = t.rows;
  assert.is(r?.delta_p, 0);
  assert.equal(r?.discordant_runs, { high_only: 0, low_only: 0 });
  assert.ok(r!.delta_p_ci95[0] < 0 && r!.delta_p_ci95[1] > 0, JSON.stringify(r!.delta_p_ci95));
});

test('a sensitivity table, intervals included, gives the same bytes with 1 and 2 worker threads', async () => {
  const thin = 'scenarios/niger-2024-thin-fleet.yaml';
  const options = { runs: 130, seed: 'threads', sets: ['sensitivity={ fleet.C-130J.count: { low: 2, high: 4 }, clearance.denial_probability: { low: 0.02, high: 0.1 } }'] };
  const text = { text: readFileSync(thin, 'utf8'), file: thin };
  const one = await sensitivity(text, { ...options, workers: 1 });
  const two = await sensitivity(text, { ...options, workers: 2 });
  assert.ok(one.rows.every((r) => r.discordant_runs.high_only + r.discordant_runs.low_only > 0), 'the inputs must move some replications');
  assert.is(JSON.stringify(two), JSON.stringify(one));
  assert.is(JSON.stringify(await sensitivity(text, { ...options, workers: 0 })), JSON.stringify(one));
});

test.run();
