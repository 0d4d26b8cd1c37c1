// When the clearance request for the next sortie goes in: when the aircraft is ready at the hub
// (the order of steps, the default), or on its return to the hub, so that the host
// nation's delay runs during crew rest (`clearance.request: during-turnaround`).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadScenarioFile } from '../../sim/cli/files.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { completion, pairedDiffCI, runMany } from './stats.ts';

const niger = (overrides: string[] = []): Scenario => loadScenarioFile('scenarios/niger-2024.yaml', overrides);
const DURING = ['clearance.request=during-turnaround'];

test('the default files requests when the aircraft is ready: the same runs as when-ready said outright', () => {
  const plain = niger();
  assert.is(plain.clearance.request, 'when-ready');
  const { request: _, ...without } = plain.clearance;
  assert.equal(runMany({ ...plain, clearance: without }, 5), runMany(niger(['clearance.request=when-ready']), 5));
});

test('filed during the turnaround, the wait for clearance shrinks and the withdrawal ends earlier, over the same replications', () => {
  const ready = runMany(niger(), 200);
  const during = runMany(niger(DURING), 200);
  const wait = (rs: typeof ready) => rs.reduce((a, r) => a + r.time.clearanceWaitH, 0) / rs.reduce((a, r) => a + r.sorties, 0);
  assert.ok(wait(during) < 0.8 * wait(ready), `clearance wait per sortie: ${wait(ready).toFixed(1)} h when ready, ${wait(during).toFixed(1)} h during the turnaround`);
  const d = pairedDiffCI(completion(ready, niger().horizonH), completion(during, niger().horizonH));
  assert.ok(d.hi < 0, `completion(during) - completion(when ready), hours: ${d.text}`);
});

test('a request filed early never lets an aircraft leave the hub before its turnaround is over, nor land outside its approval', () => {
  const sc = niger(DURING);
  const validity = sc.clearance.validityH;
  const minTurnaround = 16.5; // the baseline's hub_turnaround is triangular from 16.5 h
  const runs = runMany(sc, 30, 'model-tests', { keepSorties: true });
  let early = 0;
  for (const r of runs) {
    const last = new Map<string, number>(); // aircraft -> hour back at the hub
    for (const s of r.sortieLog ?? []) {
      const flyH = s.flyingH / 2;
      const back = last.get(s.aircraft);
      if (back !== undefined) {
        // Filed on return to the hub (so approved after it), and left the hub only once ready.
        assert.ok(s.approvedH >= back - 1e-9, `${s.aircraft}: approved at ${s.approvedH}, back at the hub at ${back}`);
        assert.ok(s.landedH - flyH >= back + minTurnaround - 1e-6, `${s.aircraft}: left the hub at ${s.landedH - flyH}, back at ${back}`);
        if (s.approvedH < s.landedH - flyH - 1e-6) early++;
      }
      assert.ok(s.landedH <= s.approvedH + validity + 1e-9, `${s.aircraft}: landed at ${s.landedH}, approval valid until ${s.approvedH + validity}`);
      last.set(s.aircraft, s.departedH + flyH);
    }
  }
  // The case the option is for happens: approvals that came before the aircraft was ready.
  assert.ok(early > 0, 'no approval arrived during a turnaround');
});

test('filed during the turnaround, each sortie still accounts for every hour from its start to its return once', () => {
  const sc = niger(DURING);
  const speed = sc.fleet['C-17']!.blockSpeedKt;
  let sorties = 0;
  for (const r of runMany(sc, 5, 'model-tests', { keepSorties: true })) {
    for (const s of r.sortieLog ?? []) {
      const oneWay = sc.bases[s.base]!.hubDistanceNm / speed;
      const phases = s.clearanceWaitH + s.rampWaitH + s.closedWaitH + s.teamWaitH + s.groundH + s.flyingH;
      assert.ok(Math.abs(phases - (s.departedH - s.requestedH + oneWay)) < 1e-6, `${s.aircraft} at ${s.requestedH}: ${phases}`);
      sorties++;
    }
  }
  assert.ok(sorties > 100, `${sorties} sorties`);
});

test.run();
