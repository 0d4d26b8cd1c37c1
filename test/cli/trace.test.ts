/**
 * What the README and `retrograde schema` say about clearances and trace events, checked on the
 * events `retrograde trace` prints: the daily cap counts approvals per UTC day over all bases, and
 * the answers a freeze holds back all come out at its end.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TRACE_EVENTS } from '../../sim/model/index.ts';
import { cli } from './helpers.ts';

const baseline = 'scenarios/niger-2024.yaml';
const freeze = 'scenarios/niger-2024-clearance-freeze.yaml';

interface Event {
  at: string;
  event: string;
  base?: string;
}

/** The events of one traced replication (fails the test on a non-zero exit). */
async function events(file: string, ...more: string[]): Promise<Event[]> {
  const r = await cli('trace', file, '--seed', 'claims', ...more);
  assert.is(r.code, 0, r.err);
  return r.out.trim().split('\n').map((l) => JSON.parse(l) as Event);
}

/** Approvals per UTC day (the date of their ISO instant). */
function approvalsByDay(es: readonly Event[]): Map<string, Event[]> {
  const days = new Map<string, Event[]>();
  for (const e of es) if (e.event === 'clearance approved') days.set(e.at.slice(0, 10), [...(days.get(e.at.slice(0, 10)) ?? []), e]);
  return days;
}

test('trace --help lists every event name, and says what "aircraft released" and "closure team stays" mean', async () => {
  const r = await cli('trace', '--help');
  const help = r.out.replace(/\s+/g, ' ');
  for (const e of TRACE_EVENTS) assert.ok(help.includes(e), `trace --help does not list "${e}"`);
  assert.match(help, /aircraft released \(every load left at the bases it may serve is booked by other aircraft: it flies no more\)/);
  assert.match(help, /closure team stays \(booked on a departing aircraft while other load of its base is still to leave, it stays for a later sortie\)/);
});

test('clearance.daily_cap counts approvals per UTC day over all bases together', async () => {
  // Without a cap both bases get approvals on one day; with a cap of 1 no UTC day has two, whatever the base.
  const free = approvalsByDay(await events(baseline));
  assert.ok([...free.values()].some((d) => new Set(d.map((e) => e.base)).size > 1), 'no day with approvals at two bases without a cap');
  const capped = approvalsByDay(await events(baseline, '--set', 'clearance.daily_cap=1'));
  const crowded = [...capped].filter(([, d]) => d.length > 1).map(([day, d]) => `${day}: ${d.map((e) => e.base).join(', ')}`);
  assert.equal(crowded, []);
  assert.ok(new Set([...capped.values()].flat().map((e) => e.base)).size === 2, 'the capped run served only one base');
});

test('answers a freeze holds back all come out at its end, then within the daily cap', async () => {
  // The freeze runs from 2024-06-24 to 2024-07-15 (00:00 UTC); both C-17s wait through it.
  const held = (await events(freeze)).filter((e) => e.event === 'clearance approved');
  assert.equal(held.filter((e) => e.at >= '2024-06-24' && e.at < '2024-07-15'), []);
  assert.is(held.filter((e) => e.at === '2024-07-15T00:00:00Z').length, 2);
  const capped = (await events(freeze, '--set', 'clearance.daily_cap=1')).filter((e) => e.event === 'clearance approved');
  assert.equal(capped.filter((e) => e.at >= '2024-07-15' && e.at < '2024-07-17').map((e) => e.at), ['2024-07-15T00:00:00Z', '2024-07-16T00:00:00Z']);
});

test.run();
