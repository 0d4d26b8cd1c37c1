// Every replication's outcomes (runBatch's `replications` option): each row lands at its index
// whatever the workers or rounds, agrees with the replication run on its own and with the summary,
// and asking for them changes nothing else.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBatch } from '../../sim/batch/run.ts';
import { createModel } from '../../sim/model/index.ts';
import { causeKind } from '../../sim/batch/causes.ts';
import { emptyReplicationColumns, joinReplications, recordReplication, replicationRow } from '../../sim/batch/replications.ts';
import { replicationsCsv, replicationsCsvHeader, replicationsCsvParts } from '../../sim/batch/replications-csv.ts';
import { loadScenarioFile } from '../../sim/cli/files.ts';
import type { ReplicationResult } from '../../sim/model/types.ts';
import { rejection } from '../support/rejection.ts';

// A horizon a day after the typical completion: some replications on time, some late, some unfinished.
const mixed = () => loadScenarioFile('scenarios/niger-2024-thin-fleet.yaml', ['horizon=2024-09-21']);

test('row i is replication i run on its own, the same with 0 and 2 workers, and the summary does not change', async () => {
  const scenario = mixed();
  const runs = 120;
  const [zero, two, plain] = await Promise.all([
    runBatch(scenario, { runs, seed: 'rows', workers: 0, replications: true }),
    runBatch(scenario, { runs, seed: 'rows', workers: 2, replications: true }),
    runBatch(scenario, { runs, seed: 'rows', workers: 0 }),
  ]);
  const t = zero.replications!;
  assert.is(plain.replications, undefined);
  assert.is(JSON.stringify(zero.summary), JSON.stringify(plain.summary));
  assert.is(replicationsCsv(two.replications!), replicationsCsv(t));
  assert.equal(t.causeKinds, two.replications!.causeKinds, 'cause kinds are numbered in replication order, not arrival order');
  const model = createModel(scenario);
  const kinds = { on: 0, late: 0, unfinished: 0 };
  for (let i = 0; i < runs; i++) {
    const r = model.run('rows', i);
    const row = replicationRow(t, i);
    assert.is(row.replication, i);
    assert.is(row.completedH, r.completedH, `replication ${i}`);
    assert.is(row.sensitiveH, r.classDoneH.sensitive);
    assert.is(row.sorties, r.sorties);
    for (const id of t.baseIds) assert.equal(row.bases[id], { closedH: r.bases[id]!.closedH, sensitiveH: r.bases[id]!.sensitiveDoneH, sorties: r.bases[id]!.sorties });
    assert.is(row.stopCause, r.completedH === null ? causeKind(r.stopCause) : '');
    kinds[row.onTime ? 'on' : row.finished ? 'late' : 'unfinished']++;
  }
  assert.ok(kinds.on > 0 && kinds.late > 0 && kinds.unfinished > 0, `the check needs all three outcomes, got ${JSON.stringify(kinds)}`);
});

test('on-time rows count P(by deadline) x runs exactly, their median completion is the summary P50 within its hour bins, and no base closes after completion', async () => {
  const runs = 200;
  const { summary, replications } = await runBatch(mixed(), { runs, seed: 'agree', workers: 0, replications: true });
  const t = replications!;
  let onTime = 0;
  for (let i = 0; i < runs; i++) if (replicationRow(t, i).onTime) onTime++;
  assert.is(onTime, Math.round(summary.p_by_deadline * runs));
  assert.is(runs - [...t.completedH].filter((h) => !Number.isNaN(h)).length, summary.unfinished.runs);
  // The summary's P50 interpolates inside the one-hour bin holding the ceil(runs/2)-th completion
  // (unfinished runs count as later than any).
  const sorted = [...t.completedH].map((h) => (Number.isNaN(h) ? Infinity : h)).sort((a, b) => a - b);
  const kth = sorted[Math.ceil(runs / 2) - 1]!;
  const p50 = (Date.parse(summary.completion.p50!) - Date.parse(summary.start)) / 3_600_000;
  assert.ok(Math.abs(p50 - kth) <= 1 + 1 / 3600, `summary P50 ${p50} h, replications' median ${kth} h`);
  for (let i = 0; i < runs; i++) {
    const row = replicationRow(t, i);
    for (const id of t.baseIds) {
      const closed = row.bases[id]!.closedH;
      if (row.finished) assert.ok(closed !== null && closed <= row.completedH!, `replication ${i}: ${id} closed at ${closed}, completion ${row.completedH}`);
    }
  }
});

test('with precision, the table holds every replication of every round', async () => {
  const r = await runBatch(loadScenarioFile('scenarios/niger-2024-thin-fleet.yaml'), { runs: 40, seed: 'rounds', workers: 0, precision: 0.09, replications: true });
  const t = r.replications!;
  assert.ok(r.summary.runs > 40, `precision should have asked for more than the first round, ran ${r.summary.runs}`);
  assert.is(t.runs, r.summary.runs);
  assert.is(t.completedH.length, r.summary.runs);
  const last = createModel(loadScenarioFile('scenarios/niger-2024-thin-fleet.yaml')).run('rounds', t.runs - 1);
  assert.is(replicationRow(t, t.runs - 1).completedH, last.completedH);
  assert.is([...t.completedH].filter((h) => h <= t.deadlineH).length, Math.round(r.summary.p_by_deadline * t.runs));
});

/** A hand-made result: only the fields the columns read. */
function result(replication: number, completedH: number | null, stopCause = ''): ReplicationResult {
  const base = { closedH: completedH, sensitiveDoneH: 5, sorties: 2, time: {} as ReplicationResult['time'] };
  return { replication, completedH, classDoneH: { sensitive: 5, equipment: null, personnel: null }, stopCause, sorties: 3, bases: { A: base }, stopReason: completedH === null ? 'horizon' : 'done' } as unknown as ReplicationResult;
}

test('joining renumbers cause kinds in replication order and refuses a gap or a chunk run without columns', () => {
  const late = emptyReplicationColumns(1, 2, 4);
  recordReplication(late, ['A'], result(2, null, 'too slow: 7 ST left'));
  recordReplication(late, ['A'], result(3, null, 'no aircraft, 1 left'));
  const early = emptyReplicationColumns(1, 0, 2);
  recordReplication(early, ['A'], result(0, 30));
  recordReplication(early, ['A'], result(1, null, 'no aircraft, 2 left'));
  const meta = { start: '2024-06-01T00:00:00Z', deadlineH: 40, baseIds: ['A'] };
  const t = joinReplications([{ from: 2, to: 4, replications: late }, { from: 0, to: 2, replications: early }], 4, meta);
  assert.equal(t.causeKinds, ['no aircraft, # left', 'too slow: # ST left']);
  assert.equal([...t.cause], [-1, 0, 1, 0]);
  assert.throws(() => joinReplications([{ from: 0, to: 2, replications: early }, { from: 3, to: 4, replications: late }], 4, meta), /expected a chunk starting at 2, got 3/);
  assert.throws(() => joinReplications([{ from: 0, to: 2 }], 2, meta), /chunk \[0, 2\) was run without per-replication columns/);
  assert.throws(() => joinReplications([{ from: 0, to: 2, replications: early }], 4, meta), /the chunks cover \[0, 2\), expected \[0, 4\)/);

  // The CSV of that table: ISO dates, 1/0, empty cells for "not by the horizon", a quoted cause with a comma.
  assert.is(
    replicationsCsv(t),
    [
      'replication,finished,on_time,completion,completion_days,sensitive_out,sorties,closed_A,sensitive_out_A,sorties_A,stop_cause',
      '0,1,1,2024-06-02T06:00:00Z,1.25,2024-06-01T05:00:00Z,3,2024-06-02T06:00:00Z,2024-06-01T05:00:00Z,2,',
      '1,0,0,,,2024-06-01T05:00:00Z,3,,2024-06-01T05:00:00Z,2,"no aircraft, # left"',
      '2,0,0,,,2024-06-01T05:00:00Z,3,,2024-06-01T05:00:00Z,2,too slow: # ST left',
      '3,0,0,,,2024-06-01T05:00:00Z,3,,2024-06-01T05:00:00Z,2,"no aircraft, # left"',
      '',
    ].join('\n'),
  );
  assert.is([...replicationsCsvParts(t, 3)].length, 2, 'parts of at most 3 rows: 4 rows make two');
  assert.is([...replicationsCsvParts(t, 3)].join(''), replicationsCsv(t));
  assert.match(replicationsCsvHeader({ baseIds: ['x,y'] }), /,"closed_x,y","sensitive_out_x,y","sorties_x,y",stop_cause$/);
});

test('replicationRow refuses an index outside the table, and runBatch a replications option that is not a boolean', async () => {
  const cols = emptyReplicationColumns(1, 0, 1);
  recordReplication(cols, ['A'], result(0, 30));
  const t = joinReplications([{ from: 0, to: 1, replications: cols }], 1, { start: '2024-06-01T00:00:00Z', deadlineH: 1, baseIds: ['A'] });
  assert.is(replicationRow(t, 0).onTime, false, 'completion at 30 h is after a deadline of 1 h');
  for (const i of [1, -1, 0.5]) assert.throws(() => replicationRow(t, i), new RegExp(`^replicationRow: replication must be an integer in \\[0, 0\\], got ${i}$`));
  const e = await rejection(runBatch(mixed(), { runs: 5, workers: 0, replications: 'yes' as unknown as boolean }));
  assert.instance(e, TypeError);
  assert.match(e.message, /^runBatch: replications must be true or false, got "yes"$/);
});

test.run();
