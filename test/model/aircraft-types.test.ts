import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createModel } from '../../sim/model/index.ts';
import { agadezFixture, aircraftFixture, baseFixture, fixed, scenarioFixture } from '../support/scenario-fixture.ts';

const mixed = {
  'C-17': aircraftFixture({ count: 3 }),
  'C-130J': aircraftFixture({ count: 3, payloadST: fixed(18), maxPayloadST: 22, palletPositions: 6, stPerPallet: 3.7, seats: 64, blockSpeedKt: 320 }),
};

test('a base that takes only some aircraft types is served by those alone, and the others still fly elsewhere', () => {
  const sc = scenarioFixture({ fleet: mixed, bases: { AB101: baseFixture(), AB201: agadezFixture({ aircraftTypes: ['C-130J'] }) } });
  const m = createModel(sc);
  for (let i = 0; i < 5; i++) {
    const r = m.run('types', i, { keepSorties: true });
    const at201 = r.sortieLog!.filter((s) => s.base === 'AB201');
    assert.ok(at201.length > 0 && at201.every((s) => s.type === 'C-130J'), `replication ${i}: AB201 served by ${[...new Set(at201.map((s) => s.type))].join(', ')}`);
    assert.ok(r.sortieLog!.some((s) => s.type === 'C-17' && s.base === 'AB101'), `replication ${i}: no C-17 sortie`);
    assert.ok(r.completedH !== null, `replication ${i} finishes`);
  }
  // Without the restriction, C-17s do go to AB201.
  const free = createModel(scenarioFixture({ fleet: mixed })).run('types', 0, { keepSorties: true });
  assert.ok(free.sortieLog!.some((s) => s.type === 'C-17' && s.base === 'AB201'));
});

test('a hand-built scenario naming a type the fleet does not have is refused, naming it', () => {
  const sc = scenarioFixture({ bases: { AB101: baseFixture({ aircraftTypes: ['C-5'] }), AB201: agadezFixture() } });
  assert.throws(() => createModel(sc), /AB101.*aircraftTypes: unknown aircraft type "C-5" \(fleet: C-17\)/);
});

test('an aircraft whose type no base with load left accepts is released, instead of idling at the hub as if waiting for cargo', () => {
  const sc = scenarioFixture({ fleet: mixed, bases: { AB101: baseFixture(), AB201: agadezFixture({ aircraftTypes: ['C-130J'] }) } });
  const m = createModel(sc);
  for (let i = 0; i < 3; i++) {
    const events: Array<{ t: number; event: string; aircraft: string }> = [];
    m.run('types', i, { trace: (e) => events.push({ t: e.t, event: e.event, aircraft: e.aircraft ?? '' }) });
    const released = new Map(events.filter((e) => e.event === 'aircraft released').map((e) => [e.aircraft, e.t]));
    const c17s = [...new Set(events.filter((e) => e.aircraft.startsWith('C-17')).map((e) => e.aircraft))];
    assert.is(c17s.length, 3);
    // The C-130Js are still flying to AB201 long after AB101 is empty; the C-17s must not wait for them.
    const lastC130Request = Math.max(...events.filter((e) => e.event === 'clearance requested' && e.aircraft.startsWith('C-130J')).map((e) => e.t));
    for (const a of c17s) {
      const t = released.get(a);
      assert.ok(t !== undefined && t < lastC130Request, `replication ${i}: ${a} released at ${t}, the last C-130J sortie requested at ${lastC130Request}`);
    }
  }
});

test.run();
