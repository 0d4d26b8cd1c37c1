import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createModel } from '../../sim/model/index.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { agadezFixture, baseFixture, fixed, scenarioFixture } from '../support/scenario-fixture.ts';
import { pairedDiffCI, runMany } from './stats.ts';

const N = 200;

/** Staged withdrawal, AB201 first; with everything ready at the start when `allReady`. */
function staged(sensitivePriority: Scenario['sensitivePriority'], allReady: boolean): Scenario {
  const ready = { readyAtStart: 1, prepSTPerDay: fixed(0) };
  return scenarioFixture({
    assignment: 'staged',
    closureOrder: ['AB201', 'AB101'],
    ...(sensitivePriority !== undefined ? { sensitivePriority } : {}),
    ...(allReady ? { bases: { AB101: baseFixture({ readiness: ready }), AB201: agadezFixture({ readiness: ready }) } } : {}),
  });
}

/** Sorties of replication 0 in booking order: whether each carries sensitive equipment. */
function carriesSensitive(sc: Scenario): boolean[] {
  const log = createModel(sc).run('sensitive', 0, { keepSorties: true }).sortieLog!;
  return [...log].sort((a, b) => a.requestedH - b.requestedH).map((s) => s.sensitiveST > 0);
}

test("across-bases: with everything ready, every sortie that carries sensitive equipment is booked before any that does not, even against 'staged'", () => {
  const across = carriesSensitive(staged('across-bases', true));
  const firstWithout = across.indexOf(false);
  assert.ok(firstWithout > 0, `sensitive sorties first: ${across.join(',')}`);
  assert.ok(across.slice(firstWithout).every((s) => !s), `a sensitive sortie after a sortie without: ${across.join(',')}`);
  // Per-sortie priority lets staging send the first base's other equipment ahead of the second
  // base's sensitive equipment.
  const perSortie = carriesSensitive(staged('per-sortie', true));
  const lastWith = perSortie.lastIndexOf(true);
  assert.ok(perSortie.slice(0, lastWith).includes(false), `per-sortie: ${perSortie.join(',')}`);
});

test("across-bases gets the sensitive equipment out earlier under 'staged' (paired 95% interval)", () => {
  const done = (sc: Scenario) => runMany(sc, N).map((r) => r.classDoneH.sensitive ?? sc.horizonH);
  const d = pairedDiffCI(done(staged('across-bases', false)), done(staged('per-sortie', false)));
  assert.ok(d.lo > 0, `sensitive out, per-sortie - across-bases, hours: ${d.text}`);
});

test('a scenario without sensitivePriority runs exactly as per-sortie', () => {
  assert.equal(runMany(staged(undefined, false), 5), runMany(staged('per-sortie', false), 5));
  assert.not.equal(runMany(staged('across-bases', false), 5), runMany(staged('per-sortie', false), 5));
});

test.run();
