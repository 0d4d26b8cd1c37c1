import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseVary, gridPoints, overrideText, VaryError } from '../../sim/sweep/index.ts';

test('an inclusive integer range expands to every value', () => {
  assert.equal(parseVary('fleet.C-17.count=2..8'), { path: 'fleet.C-17.count', values: [2, 3, 4, 5, 6, 7, 8] });
});

test('a range with a step keeps the end when it lands on it', () => {
  assert.equal(parseVary('fleet.C-17.count=2..8:2').values, [2, 4, 6, 8]);
  assert.equal(parseVary('x=1..6:2').values, [1, 3, 5]);
});

test('decimal steps do not accumulate rounding error', () => {
  assert.equal(parseVary('fleet.C-17.availability.mission_capable=0.6..0.9:0.1').values, [0.6, 0.7, 0.8, 0.9]);
});

test('listed values are read as YAML scalars: durations stay text, numbers become numbers', () => {
  assert.equal(parseVary('clearance.approval_delay=12h,24h,48h').values, ['12h', '24h', '48h']);
  assert.equal(parseVary('clearance.denial_probability=0,0.1').values, [0, 0.1]);
});

test('flow values with commas inside braces survive the split', () => {
  const v = parseVary('clearance.approval_delay={ exponential: { mean: 12h } },{ exponential: { mean: 24h } }').values;
  assert.equal(v, [{ exponential: { mean: '12h' } }, { exponential: { mean: '24h' } }]);
});

test('malformed --vary arguments are rejected with a message that shows the fix', () => {
  assert.throws(() => parseVary('fleet.C-17.count'), (e: Error) => e instanceof VaryError && /path=v1,v2/.test(e.message));
  assert.throws(() => parseVary('x=8..2'), /runs backwards/);
  assert.throws(() => parseVary('x=1..5:0'), /step must be > 0/);
  assert.throws(() => parseVary('x=1..100000'), /at most 1000/);
});

test('a malformed range says what a range looks like instead of being read as a literal value', () => {
  const rangeHelp = /a range is low\.\.high or low\.\.high:step, numbers only, with a step > 0/;
  for (const text of ['fleet.C-17.count=1..3:-1', 'fleet.C-17.count=a..b', 'clearance.validity=1d..3d', 'x=1..3,5', 'x=1...3']) {
    assert.throws(() => parseVary(text), (e: Error) => e instanceof VaryError && rangeHelp.test(e.message), text);
  }
  assert.throws(() => parseVary('x=1..3:-1'), /step must be > 0, got -1/);
  assert.equal(parseVary('x={ a: 1..2 }').values, [{ a: '1..2' }]);
});

test('a value listed twice is refused, naming it', () => {
  assert.throws(() => parseVary('fleet.C-17.count=2,2'), (e: Error) => e instanceof VaryError && /fleet\.C-17\.count: the value 2 is listed twice/.test(e.message));
  assert.throws(() => parseVary('x=2,2.0'), /2 and 2\.0 are the same value/);
  assert.throws(() => parseVary('x=12h,24h,12h'), /the value 12h is listed twice/);
  assert.equal(parseVary('x=12h,1d').values, ['12h', '1d']);
});

test('several parameters make a grid, the first varying slowest', () => {
  const points = gridPoints({ a: [1, 2], b: ['x', 'y', 'z'] });
  assert.is(points.length, 6);
  assert.equal(points[0], { a: 1, b: 'x' });
  assert.equal(points[1], { a: 1, b: 'y' });
  assert.equal(points[5], { a: 2, b: 'z' });
});

test('a point becomes a --set override, objects as flow JSON', () => {
  assert.is(overrideText('fleet.C-17.count', 4), 'fleet.C-17.count=4');
  assert.is(overrideText('clearance.approval_delay', { lognormal: { median: '12h', p90: '36h' } }), 'clearance.approval_delay={ lognormal: { median: 12h, p90: 36h } }');
  assert.equal(parseVary(overrideText('x', { lognormal: { median: '12h', p90: '36h' } })).values, [{ lognormal: { median: '12h', p90: '36h' } }]);
});

test.run();
