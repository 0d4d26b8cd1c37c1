// What a script passes to sweep, runPoints and sensitivity is checked before anything runs: an
// option key they do not know (a typo in an options object held in a variable, which TypeScript
// does not catch) is refused naming the key and the likely intended one.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareScenarios, loadScenario, readScenarioText, runPoints, sensitivity, sweep, type ScenarioText, type SweepOptions } from '../../sim/index.ts';
import { rejection } from '../support/rejection.ts';

const base = readScenarioText('scenarios/niger-2024.yaml');

test('sweep, runPoints and sensitivity refuse a misspelled option, naming it and the option meant, before any point runs', async () => {
  let progress = 0;
  const opts = { run: 10, workers: 0, onProgress: () => progress++ };
  const calls: Array<[string, Promise<unknown>]> = [
    ['sweep', sweep(base, { 'fleet.C-17.count': [1, 2] }, opts as SweepOptions)],
    ['runPoints', runPoints(base, [{}], opts as SweepOptions)],
    ['sensitivity', sensitivity(base, opts as SweepOptions)],
  ];
  for (const [who, call] of calls) {
    const e = await rejection(call);
    assert.instance(e, RangeError);
    assert.is(e.message, `${who}: unknown option "run"; did you mean "runs"?`);
  }
  assert.is(progress, 0);
});

test('an unknown option with no close match is refused with the list of options', async () => {
  const opts = { runs: 10, workers: 0, colour: 'red' };
  const e = await rejection(sweep(base, { 'fleet.C-17.count': [1, 2] }, opts as SweepOptions));
  assert.match(e.message, /^sweep: unknown option "colour" \(expected one of: runs, seed, workers, pool, sets, varyLabel, onProgress, onWarning\)$/);
});

test('a resolved Scenario given instead of the text is refused, saying what to pass and how to get it', async () => {
  const scenario = loadScenario('scenarios/niger-2024.yaml') as unknown as ScenarioText;
  const opts = { runs: 10, workers: 0 };
  const calls: Array<[Promise<unknown>, string]> = [
    [sweep(scenario, { 'fleet.C-17.count': [1, 2] }, opts), "sweep(readScenarioText('file.yaml'), vary, options)"],
    [runPoints(scenario, [{}], opts), "runPoints(readScenarioText('file.yaml'), points, options)"],
    [sensitivity(scenario, opts), "sensitivity(readScenarioText('file.yaml'), options)"],
  ];
  for (const [call, usage] of calls) {
    const e = await rejection(call);
    assert.instance(e, TypeError);
    assert.is(e.message, `${usage.slice(0, usage.indexOf('('))} needs the scenario's text and file name: ${usage}; got a resolved Scenario (loadScenario's result)`);
  }
  // Neither a string nor nothing at all reaches the parser either.
  assert.match((await rejection(sweep('scenarios/niger-2024.yaml' as unknown as ScenarioText, { 'fleet.C-17.count': [1] }, opts))).message, /^sweep needs the scenario's text and file name: .*; got the string "scenarios\/niger-2024\.yaml"$/);
  assert.match((await rejection(sensitivity(undefined as unknown as ScenarioText, opts))).message, /^sensitivity needs .*; got undefined$/);
});

test('overrides given as one text instead of a list are refused at once, saying to put it in a list', async () => {
  const opts = { runs: 5, workers: 0, sets: 'fleet.C-17.count=3' } as unknown as SweepOptions;
  const calls: Array<[string, Promise<unknown>]> = [
    ['sweep: options.sets', sweep(base, { 'fleet.C-17.count': [1, 2] }, opts)],
    ['runPoints: options.sets', runPoints(base, [{}], opts)],
    ['sensitivity: options.sets', sensitivity(base, opts)],
    ['compareScenarios: options.sets', compareScenarios([base, { ...base, file: 'b.yaml' }], opts)],
  ];
  for (const [who, call] of calls) {
    const e = await rejection(call);
    assert.instance(e, TypeError);
    assert.is(e.message, `${who}: overrides must be a list of "path=value" texts, e.g. ['fleet.C-17.count=3'], got "fleet.C-17.count=3" (a single text: put it in a list, ["fleet.C-17.count=3"])`);
  }
  assert.throws(() => loadScenario('scenarios/niger-2024.yaml', 'fleet.C-17.count=3' as unknown as string[]), (e: Error) => e instanceof TypeError && /^loadScenario: overrides must be a list/.test(e.message));
  assert.throws(() => loadScenario('scenarios/niger-2024.yaml', [3] as unknown as string[]), /got a list with something else in it/);
});

test.run();
