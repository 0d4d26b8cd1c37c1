import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createModel } from '../../sim/model/index.ts';
import { agadezFixture, aircraftFixture, baseFixture, fixed, scenarioFixture } from '../support/scenario-fixture.ts';

// A base with people and no equipment, served by a mixed fleet: its last people and its closure
// team are booked on different aircraft, and a small aircraft booked for the team alone can land
// and leave before the one carrying the last people (who must go before the team).
const peopleOnly = scenarioFixture({
  fleet: {
    'C-17': aircraftFixture({ count: 2 }),
    'C-130J': aircraftFixture({ count: 4, payloadST: fixed(18), maxPayloadST: 22, palletPositions: 6, stPerPallet: 3.7, seats: 64, blockSpeedKt: 320 }),
  },
  bases: {
    AB101: baseFixture(),
    AB201: agadezFixture({ cargo: { sensitiveST: 0, equipmentST: 0, personnel: 300 }, closureTeam: 25 }),
  },
  assignment: 'staged',
  closureOrder: ['AB201', 'AB101'],
});

// Equipment this time, and a closure team larger than a C-130J's seats: the team's sortie may be
// booked while the last equipment is still on another aircraft.
const bigTeam = scenarioFixture({
  ...peopleOnly,
  bases: {
    AB101: baseFixture(),
    AB201: agadezFixture({ cargo: { sensitiveST: 20, equipmentST: 300, personnel: 400 }, closureTeam: 130 }),
  },
});

const cases = [['people only', peopleOnly], ['equipment and a big closure team', bigTeam]] as const;
for (const [name, sc] of cases) {
  test(`no aircraft flies a sortie empty (${name}): the closure team is not booked alone while other load of its base is still on the ground`, () => {
    const m = createModel(sc);
    let empty = 0;
    let departures = 0;
    for (let i = 0; i < 60; i++) {
      m.run('closure-team', i, {
        trace: (e) => {
          if (e.event !== 'departed') return;
          departures++;
          const d = e.detail!;
          if (d.sensitiveST === 0 && d.equipmentST === 0 && d.personnel === 0) empty++;
        },
      });
    }
    assert.ok(departures > 60 * 20, `departures: ${departures}`);
    assert.is(empty, 0, `empty sorties in 60 replications`);
  });
}

test('the closure team still leaves last, whole, after every other person of its base', () => {
  const m = createModel(peopleOnly);
  for (let i = 0; i < 20; i++) {
    const out: { t: number; people: number; team: number }[] = [];
    m.run('closure-team', i, {
      trace: (e) => {
        if (e.event === 'departed' && e.base === 'AB201') out.push({ t: e.t, people: Number(e.detail!.personnel), team: Number(e.detail!.closureTeam) });
      },
    });
    assert.is(out.reduce((a, d) => a + d.people, 0), 300, `replication ${i}: people out of AB201`);
    const withTeam = out.filter((d) => d.team > 0);
    assert.is(withTeam.length, 1, `replication ${i}: the team leaves on one sortie`);
    assert.is(withTeam[0]!.team, 25);
    assert.ok(out.every((d) => d.t <= withTeam[0]!.t), `replication ${i}: a departure after the closure team's`);
  }
});

test.run();
