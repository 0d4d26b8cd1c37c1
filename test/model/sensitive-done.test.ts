import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createModel } from '../../sim/model/index.ts';
import type { ReplicationResult } from '../../sim/model/index.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { agadezFixture, baseFixture, fixed, scenarioFixture } from '../support/scenario-fixture.ts';
import { pairedDiffCI, runMany } from './stats.ts';

const N = 200;

/** Staged withdrawal, AB201 first, everything ready at the start. */
function staged(sensitivePriority: Scenario['sensitivePriority'] = 'per-sortie'): Scenario {
  const ready = { readyAtStart: 1, prepSTPerDay: fixed(0) };
  return scenarioFixture({
    assignment: 'staged',
    sensitivePriority,
    closureOrder: ['AB201', 'AB101'],
    bases: { AB101: baseFixture({ readiness: ready }), AB201: agadezFixture({ readiness: ready }) },
  });
}

/** The last departure from each base that carried sensitive equipment, from the sortie log (0: none did). */
function lastSensitiveDeparture(r: ReplicationResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of r.sortieLog!) {
    out[s.base] ??= 0;
    if (s.sensitiveST > 0) out[s.base] = Math.max(out[s.base]!, s.departedH);
  }
  return out;
}

test("each base's sensitive equipment is out at the last departure from it that carried some", () => {
  for (const sc of [scenarioFixture(), staged()]) {
    const m = createModel(sc);
    for (let i = 0; i < 20; i++) {
      const r = m.run('sensitive-done', i, { keepSorties: true });
      const last = lastSensitiveDeparture(r);
      for (const id of ['AB101', 'AB201']) {
        assert.ok(last[id]! > 0, `replication ${i} ${id}: some sortie carried sensitive equipment`);
        assert.is(r.bases[id]!.sensitiveDoneH, last[id], `replication ${i} ${id}`);
      }
    }
  }
});

test('the overall sensitive date is, run by run, the latest of the bases', () => {
  for (const sc of [scenarioFixture(), staged(), staged('across-bases')]) {
    for (const r of runMany(sc, N)) {
      const perBase = Object.values(r.bases).map((b) => b.sensitiveDoneH!);
      assert.is(r.classDoneH.sensitive, Math.max(...perBase), `replication ${r.replication}`);
    }
  }
});

test('a base with no sensitive equipment has it out at hour 0, and the overall date is the other base', () => {
  const sc = scenarioFixture({ bases: { AB101: baseFixture(), AB201: agadezFixture({ cargo: { sensitiveST: 0, equipmentST: 1300, personnel: 550 } }) } });
  for (const r of runMany(sc, 50)) {
    assert.is(r.bases.AB201!.sensitiveDoneH, 0, `replication ${r.replication}`);
    assert.ok(r.bases.AB101!.sensitiveDoneH! > 0);
    assert.is(r.classDoneH.sensitive, r.bases.AB101!.sensitiveDoneH);
  }
});

test('sensitive equipment still at a base at the horizon leaves its date null, and the overall one', () => {
  // Two days: the clearances do not open before 19 May, so nothing leaves.
  const sc = scenarioFixture({ horizonH: 48 });
  for (const r of runMany(sc, 5)) {
    assert.is(r.bases.AB101!.sensitiveDoneH, null);
    assert.is(r.bases.AB201!.sensitiveDoneH, null);
    assert.is(r.classDoneH.sensitive, null);
  }
});

test("staged: the later base's sensitive equipment is out after the earlier base's, in every run", () => {
  for (const r of runMany(staged(), N)) {
    const first = r.bases.AB201!.sensitiveDoneH!;
    const later = r.bases.AB101!.sensitiveDoneH!;
    assert.ok(later > first, `replication ${r.replication}: AB101 ${later} h, AB201 ${first} h`);
  }
});

test("across-bases gets the later base's sensitive equipment out earlier under 'staged' (paired 95% interval)", () => {
  const later = (sc: Scenario) => runMany(sc, N).map((r) => r.bases.AB101!.sensitiveDoneH!);
  const d = pairedDiffCI(later(staged('across-bases')), later(staged('per-sortie')));
  assert.ok(d.lo > 0, `AB101 sensitive out, per-sortie - across-bases, hours: ${d.text}`);
});

test.run();
