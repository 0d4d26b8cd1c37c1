import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatDuration, parseDate, parseDuration, parseHours, parseQuantity } from '../../sim/scenario/units.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(`expected a value, got the message: ${r.message}`);
  return r.value;
};
const message = (r: { ok: boolean; message?: string }): string => (r.ok ? '(ok)' : (r.message as string));

test('durations take units, and plain numbers are hours', () => {
  assert.is(value(parseDuration('36h')), 36);
  assert.is(value(parseDuration('2d')), 48);
  assert.is(value(parseDuration('90m')), 1.5);
  assert.is(value(parseDuration('90min')), 1.5);
  assert.is(value(parseDuration('1w')), 168);
  assert.is(value(parseDuration('1d12h')), 36);
  assert.is(value(parseDuration('1d 12h')), 36);
  assert.is(value(parseDuration('2.25h')), 2.25);
  assert.is(value(parseDuration(16.5)), 16.5);
  assert.is(value(parseDuration('16.5')), 16.5);
});

test('bad durations say what was expected and what was given', () => {
  assert.match(message(parseDuration('36 hours')), /expected a duration like 36h.*got "36 hours"/);
  assert.match(message(parseDuration('-2h')), /got "-2h"/);
  assert.match(message(parseDuration(-3)), /got -3/);
  assert.match(message(parseDuration('1h30')), /got "1h30"/);
  assert.match(message(parseDuration(undefined)), /^missing: expected a duration/);
});

test('durations format back readably', () => {
  assert.is(formatDuration(36), '36h');
  assert.is(formatDuration(72), '3d');
  assert.is(formatDuration(78), '3d 6h');
  assert.is(formatDuration(0.5), '30m');
});

test('dates are ISO and UTC unless an offset is given', () => {
  assert.is(value(parseDate('2024-05-19')), Date.UTC(2024, 4, 19));
  assert.is(value(parseDate('2024-05-19T06:30Z')), Date.UTC(2024, 4, 19, 6, 30));
  assert.is(value(parseDate('2024-05-19T06:30')), Date.UTC(2024, 4, 19, 6, 30));
  assert.is(value(parseDate('2024-05-19T07:30+01:00')), Date.UTC(2024, 4, 19, 6, 30));
  assert.match(message(parseDate('2024-02-30')), /expected a real calendar date/);
  assert.match(message(parseDate('19/05/2024')), /expected an ISO date/);
  assert.match(message(parseDate(20240519)), /got 20240519/);
});

test('opening hours read as hours of the local day', () => {
  assert.equal(value(parseHours('05:30-17:30')), { open: 5.5, close: 17.5 });
  assert.equal(value(parseHours('always')), { open: 0, close: 24 });
  assert.equal(value(parseHours('00:00-24:00')), { open: 0, close: 24 });
  assert.match(message(parseHours('17:30-05:30')), /closing time after the opening time/);
  assert.match(message(parseHours('25:00-26:00')), /between 00:00 and 24:00/);
});

test('quantities take an optional unit from a list, case-insensitive', () => {
  assert.is(value(parseQuantity('65 ST', ['ST'], 'a tonnage')), 65);
  assert.is(value(parseQuantity('65st', ['ST'], 'a tonnage')), 65);
  assert.is(value(parseQuantity(65, ['ST'], 'a tonnage')), 65);
  assert.is(value(parseQuantity('20 ST/d', ['ST/d', 'ST/day'], 'a rate')), 20);
  assert.match(message(parseQuantity('85 kg', ['ST'], 'a tonnage in ST')), /got unit "kg" in "85 kg"/);
});

test('a metric unit is refused with the conversion and the value converted', () => {
  assert.match(message(parseQuantity('3060 km', ['nm'], 'a distance in nautical miles')), /got unit "km" in "3060 km"; convert: 1 km = 0\.54 nm, so 3060 km is 1652\.3 nm$/);
  assert.match(message(parseQuantity('1800 t', ['ST'], 'a tonnage in ST')), /; convert: 1 t \(metric\) = 1\.1023 ST, so 1800 t is 1984\.2 ST$/);
  assert.match(message(parseQuantity('30 t/d', ['ST/d', 'ST/day'], 'a rate in ST/day')), /so 30 t\/d is 33\.1 ST\/d$/);
  assert.match(message(parseQuantity('800 km/h', ['kt', 'kts', 'knots'], 'a speed in knots')), /; convert: 1 kt = 1\.852 km\/h, so 800 km\/h is 432 kt$/);
  // Only where the conversion lands in the unit asked for: km is no tonnage.
  assert.not.match(message(parseQuantity('30 km', ['ST'], 'a tonnage in ST')), /convert/);
});

test.run();
