import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createStream, sampler } from '../../sim/random/index.ts';
import { Clock } from '../../sim/model/calendar.ts';
import { ClearanceOffice } from '../../sim/model/clearance.ts';
import type { CompiledClearance } from '../../sim/model/compile.ts';

const clock = new Clock('2024-05-01T00:00:00Z');

function office(o: Partial<CompiledClearance> = {}): ClearanceOffice {
  const c: CompiledClearance = {
    approvalDelayH: sampler({ kind: 'fixed', value: 10 }),
    denialProb: 0,
    resubmitDelayH: sampler({ kind: 'fixed', value: 5 }),
    validityH: 48,
    notBeforeH: 0,
    freezes: [],
    dailyCap: null,
    duringTurnaround: false,
    ...o,
  };
  return new ClearanceOffice(c, clock, createStream('t', 0, 'clearance'), 10_000);
}

test('an answer comes after the approval delay', () => {
  assert.is(office().answer(3, null), 13);
});

test('nothing is approved before notBeforeH: the answer slides to it', () => {
  assert.is(office({ notBeforeH: 432 }).answer(0, null), 432);
});

test('an answer inside a freeze slides to the end of the freeze', () => {
  const o = office({ freezes: [{ fromH: 10, toH: 100 }, { fromH: 100, toH: 120 }] });
  assert.is(o.answer(3, null), 120);
});

test('a denial is resubmitted after the resubmit delay and answered after the approval delay', () => {
  // Certain denial would never end: p = 1 gives Infinity, not a hang.
  assert.is(office({ denialProb: 1 }).answer(0, null), Infinity);
  const denials: number[] = [];
  const o = office({ denialProb: 0.5 });
  const answers: number[] = [];
  for (let i = 0; i < 50; i++) answers.push(o.answer(0, (x) => denials.push(x)));
  assert.ok(denials.length > 10, `about half of the answers are denials, got ${denials.length}`);
  // First answer at 10, each denial adds 5 (resubmit) + 10 (delay): every approval is at 10 + 15k,
  // and every denial is at such a time too.
  for (const t of [...answers, ...denials]) assert.is((t - 10) % 15, 0, `answer at ${t}`);
  assert.ok(answers.some((t) => t > 10), 'some approvals came after denials');
  assert.is(o.denials, denials.length);
});

test('the daily cap slides approvals to the next UTC day with room', () => {
  const o = office({ dailyCap: 2 });
  assert.is(o.takeSlot(1), 1);
  assert.is(o.takeSlot(2), 2);
  assert.is(o.takeSlot(3), 24);
  assert.is(o.takeSlot(4), 24);
  assert.is(o.takeSlot(5), 48);
});

test('a cap slide that lands in a freeze moves past the freeze', () => {
  const o = office({ dailyCap: 1, freezes: [{ fromH: 24, toH: 60 }] });
  assert.is(o.takeSlot(1), 1);
  assert.is(o.takeSlot(2), 60);
});

test('a zero daily cap never approves', () => {
  assert.is(office({ dailyCap: 0 }).takeSlot(1), Infinity);
});

test.run();
