import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Clock, OperatingHours } from '../../sim/model/calendar.ts';

const midnight = new Clock('2024-05-01T00:00:00Z');
// Agadez-like: open 05:30-17:30 local, UTC+1, so 04:30-16:30 in model hours from a UTC midnight.
const agadez = new OperatingHours('AB201', 5.5, 17.5, 1, midnight);

test('a UTC+1 base open 05:30-17:30 local is open from 04:30 to 16:30 UTC', () => {
  assert.is(agadez.isOpen(4.49), false);
  assert.is(agadez.isOpen(4.5), true);
  assert.is(agadez.isOpen(16.49), true);
  assert.is(agadez.isOpen(16.5), false);
  assert.is(agadez.isOpen(24 + 10), true);
});

test('the next opening is now when open, else the next day window', () => {
  assert.is(agadez.nextOpen(10), 10);
  assert.is(agadez.nextOpen(2), 4.5);
  assert.is(agadez.nextOpen(20), 28.5);
});

test('working hours pause overnight and resume at the next opening', () => {
  // 3 h of work started at 15:30 model time: 1 h today, 2 h tomorrow from 04:30.
  assert.is(agadez.addWorkingHours(15.5, 3), 24 + 4.5 + 2);
  // Started while closed: begins at the opening.
  assert.is(agadez.addWorkingHours(0, 2), 6.5);
  // Work that ends exactly at closing stays at closing.
  assert.is(agadez.addWorkingHours(4.5, 12), 16.5);
  // 30 working hours = two full 12 h days and 6 h: from 04:30 day 0 to 10:30 day 2.
  assert.is(agadez.addWorkingHours(4.5, 30), 48 + 10.5);
  // An exact multiple of the window ends at a closing, not at the next opening.
  assert.is(agadez.addWorkingHours(4.5, 24), 24 + 16.5);
});

test('open hours between two instants count only open time', () => {
  assert.is(agadez.openHoursBetween(0, 24), 12);
  assert.is(agadez.openHoursBetween(10, 34), 12);
  assert.is(agadez.openHoursBetween(15.5, 24 + 6.5), 3);
});

test('always open (0-24) adds hours straight', () => {
  const h = new OperatingHours('AB101', 0, 24, 1, midnight);
  assert.is(h.always, true);
  assert.is(h.addWorkingHours(23, 3.25), 26.25);
  assert.is(h.nextOpen(3.3), 3.3);
});

test('a window that wraps midnight (20:00-04:00) is handled', () => {
  const h = new OperatingHours('night', 20, 4, 0, midnight);
  assert.is(h.isOpen(21), true);
  assert.is(h.isOpen(2), true);
  assert.is(h.isOpen(5), false);
  assert.is(h.nextOpen(5), 20);
  assert.is(h.addWorkingHours(3, 2), 21);
});

test('the last landing instant before an expiry is the expiry if open, else the last closing', () => {
  assert.is(agadez.lastOpenBefore(10), 10);
  assert.is(agadez.lastOpenBefore(20), 16.5);
  assert.is(agadez.lastOpenBefore(24 + 2), 16.5);
});

test('a start that is not at UTC midnight shifts UTC days and local hours', () => {
  const c = new Clock('2024-05-01T18:00:00Z');
  assert.is(c.startUtcHour, 18);
  assert.is(c.utcDay(5.9), 0);
  assert.is(c.utcDay(6), 1);
  assert.is(c.utcDayStart(1), 6);
  const h = new OperatingHours('AB201', 5.5, 17.5, 1, c);
  // 05:30 local = 04:30 UTC = model hour 10.5.
  assert.is(h.nextOpen(0), 10.5);
  assert.is(c.iso(10.5), '2024-05-02T04:30:00.000Z');
});

test('operating hours that never open are refused, naming the base', () => {
  assert.throws(() => new OperatingHours('AB301', 8, 8, 0, midnight), /AB301: operating hours open 8 and close 8 leave the base never open/);
  assert.throws(() => new OperatingHours('AB301', -1, 8, 0, midnight), /AB301: operating hours must be within 0..24/);
});

test('a clock refuses a start that is not a date', () => {
  assert.throws(() => new Clock('soon'), /Clock: start must be an ISO-8601 instant, got "soon"/);
});

test.run();
