import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runFacts } from '../../reports/facts.ts';
import { timeBudgetSpec } from '../../reports/charts/time-budget.ts';
import { sampleSummary } from './fixture.ts';

function words(): { subtitle: string; axisTitle: string } {
  const s = sampleSummary();
  const spec = timeBudgetSpec(s, runFacts(s)) as { title: { subtitle: string | string[] }; layer: Array<{ encoding: { x: { axis?: { title?: string } } } }> };
  const subtitle = ([] as string[]).concat(spec.title.subtitle).join(' ');
  return { subtitle, axisTitle: spec.layer[0]?.encoding.x.axis?.title ?? '' };
}

test('the time budget says per-base rows hold only sorties to the base, and repairs and cargo waits only All bases', () => {
  const { subtitle } = words();
  assert.match(subtitle, /each base: only the time of sorties to that base/);
  assert.match(subtitle, /Repairs \(down\) and waiting for cargo .* appear only in All bases/);
});

test('the time budget axis does not call All bases\' time "time on sorties"', () => {
  const { axisTitle } = words();
  assert.is(axisTitle, 'Share of aircraft time (%)');
});

test.run();
