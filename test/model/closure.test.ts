import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TraceEvent } from '../../sim/model/index.ts';
import { createModel } from '../../sim/model/index.ts';
import { hoursFrom, scenarioFixture } from '../support/scenario-fixture.ts';
import { loadScenarioFile } from '../../sim/cli/files.ts';
import { pairedDiffCI, runMany } from './stats.ts';

const N = 200;

test('sensitive equipment has left before the other equipment', () => {
  for (const r of runMany(scenarioFixture(), N)) {
    const { sensitive, equipment } = r.classDoneH;
    assert.ok(sensitive !== null && equipment !== null && sensitive < equipment, `replication ${r.replication}: ${sensitive} vs ${equipment}`);
  }
});

test('putting other equipment first in the load order makes the sensitive equipment leave later', () => {
  const first = runMany(scenarioFixture(), N).map((r) => r.classDoneH.sensitive!);
  const last = runMany(scenarioFixture({ loadOrder: ['equipment', 'sensitive', 'personnel'] }), N).map((r) => r.classDoneH.sensitive!);
  const d = pairedDiffCI(first, last);
  assert.ok(d.lo > 0, `sensitive done (equipment first) - (sensitive first), hours: ${d.text}`);
});

/** Departures from the trace of one replication: base, time, closure-team heads, load. */
function departures(seed: string, i: number): { base: string; t: number; closure: number; heads: number; tons: number }[] {
  const out: { base: string; t: number; closure: number; heads: number; tons: number }[] = [];
  const trace = (e: TraceEvent): void => {
    if (e.event !== 'departed') return;
    const d = e.detail!;
    out.push({
      base: e.base!,
      t: e.t,
      closure: d.closureTeam as number,
      heads: d.personnel as number,
      tons: (d.sensitiveST as number) + (d.equipmentST as number),
    });
  };
  createModel(scenarioFixture()).run(seed, i, { trace });
  return out;
}

test('the closure team leaves last, on the sortie that closes the base', () => {
  const sc = scenarioFixture();
  for (let i = 0; i < 30; i++) {
    const r = createModel(sc).run('closure', i);
    const deps = departures('closure', i);
    for (const id of ['AB101', 'AB201']) {
      const here = deps.filter((d) => d.base === id);
      const team = here.filter((d) => d.closure > 0);
      assert.is(team.reduce((a, d) => a + d.closure, 0), sc.bases[id]!.closureTeam, `replication ${i} ${id}: the whole team left`);
      const lastOther = Math.max(...here.filter((d) => d.closure === 0).map((d) => d.t));
      for (const d of team) assert.ok(d.t >= lastOther, `replication ${i} ${id}: closure team left at ${d.t}, other load at ${lastOther}`);
      assert.is(Math.max(...team.map((d) => d.t)), r.bases[id]!.closedH, `replication ${i} ${id}: the team's departure closes the base`);
    }
  }
});

test('the closure team leaves whole, on one sortie, even when the last load is full (shipped baseline, 4 C-17s)', () => {
  // With personnel leaving in step with the equipment, the last equipment sortie takes the last
  // people and often has no room for the whole team: the team then waits for an aircraft of its
  // own rather than leaving in parts (which also cost a sortie for its last heads).
  const sc = loadScenarioFile('scenarios/niger-2024.yaml', ['fleet.C-17.count=4']);
  const m = createModel(sc);
  let withTeam = 0;
  for (let i = 0; i < 100; i++) {
    const teams = new Map<string, number[]>();
    m.run('inv', i, {
      trace: (e) => {
        if (e.event === 'departed' && Number(e.detail?.closureTeam) > 0) teams.set(e.base!, [...(teams.get(e.base!) ?? []), Number(e.detail!.closureTeam)]);
      },
    });
    for (const [id, parts] of teams) {
      assert.equal(parts, [sc.bases[id]!.closureTeam], `replication ${i} ${id}: the team left as ${parts.join(' + ')}`);
      withTeam++;
    }
  }
  assert.is(withTeam, 200, 'both bases closed in every replication');
});

test('the closure order holds: a base closes only after the one before it', () => {
  const natural = runMany(scenarioFixture({ closureOrder: [] }), N);
  const early = natural.filter((r) => r.bases.AB101!.closedH! < r.bases.AB201!.closedH!).length;
  assert.ok(early > N / 2, `without an order, AB101 usually closes first (${early} of ${N})`);
  for (const r of runMany(scenarioFixture({ closureOrder: ['AB201', 'AB101'] }), N)) {
    const a = r.bases.AB101!.closedH!;
    const b = r.bases.AB201!.closedH!;
    assert.ok(a >= b, `replication ${r.replication}: AB101 closed at ${a}, before AB201 at ${b}`);
  }
});

test('commercial flights carry personnel, never the closure team', () => {
  const none = runMany(scenarioFixture({ commercial: {} }), 50);
  assert.ok(none.every((r) => r.commercialPersonnel === 0));
  const sc = scenarioFixture({ commercial: { AB101: { seatsPerDay: 10, fromH: 0, toH: hoursFrom('2024-05-19T00:00:00Z') } } });
  const some = runMany(sc, 50);
  for (const r of some) {
    // 18 days of 10 seats before 19 May, when no military aircraft can land yet.
    assert.is(r.commercialPersonnel, 180, `replication ${r.replication}`);
    const day17 = r.daily.find((d) => d.day === 17 && d.base === 'AB101')!;
    assert.is(day17.personnel, 350 - 180);
  }
  // Unlimited seats all along: everyone but the closure team could go commercial.
  const all = runMany(scenarioFixture({ commercial: { AB101: { seatsPerDay: 1000, fromH: 0, toH: 1e5 } } }), 20);
  for (const r of all) {
    assert.is(r.commercialPersonnel, 350 - 20, `replication ${r.replication}`);
    assert.ok(r.bases.AB101!.closedH !== null);
  }
});

test.run();
