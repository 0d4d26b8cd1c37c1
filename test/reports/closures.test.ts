// The closures chart's second mark: when each base's sensitive equipment is out.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Summary } from '../../sim/batch/types.ts';
import { compileSpecs, renderRunReportHtml, runReportSpecs } from '../../reports/index.ts';
import { isoMinute } from '../../reports/time.ts';
import { sampleSummary } from './fixture.ts';
import { realSummary } from './real.ts';
import { walk, type Json } from '../support/json-walk.ts';

const RUNTIME = '/* no runtime: only the page text is read */';

/** The closures chart's diamond layers' data. */
function diamonds(s: Summary): Json[][] {
  const out: Json[][] = [];
  for (const [, o] of walk(runReportSpecs(s).closures)) {
    if ((o.mark as Json | undefined)?.shape === 'diamond') out.push((o.data as Json).values as Json[]);
  }
  return out;
}

const subtitle = (s: Summary): string => ([] as string[]).concat((runReportSpecs(s).closures as unknown as { title: { subtitle: string[] } }).title.subtitle).join(' ');

const staged = await realSummary({ runs: 40, seed: 'closures', sets: ['assignment=staged', 'closure_order=[AB201, AB101]'] });

test('each base gets a diamond at the median date its sensitive equipment is out, named in the subtitle and the tooltip', () => {
  const layers = diamonds(staged);
  assert.is(layers.length, 1);
  const at = Object.fromEntries(layers[0]!.map((d) => [String(d.base).slice(0, 5), d.sensitive]));
  for (const id of ['AB101', 'AB201']) assert.is(at[id], isoMinute(Date.parse(staged.bases[id]!.sensitive!.p50!)), id);
  assert.match(subtitle(staged), /Diamond: median date the base's sensitive equipment is out\./);
  const { warnings } = compileSpecs(runReportSpecs(staged));
  assert.equal(warnings, []);
  assert.match(renderRunReportHtml(staged, { vegaRuntime: RUNTIME }), 'Sensitive equipment out (median)');
});

test('a result saved before the per-base sensitive dates draws the chart without diamonds or their words', () => {
  const old = sampleSummary();
  assert.equal(diamonds(old), []);
  assert.not.match(subtitle(old), /[Dd]iamond/);
  assert.not.match(JSON.stringify(runReportSpecs(old).closures), /Sensitive equipment out/);
});

test('a base with no sensitive equipment, or with it still there at the horizon, gets no diamond, and the subtitle says why', () => {
  const s = structuredClone(staged);
  // What the summary gives a base with none to move.
  s.bases.AB201!.sensitive = null;
  s.bases.AB101!.sensitive = { ...s.bases.AB101!.sensitive!, p50: null, p90: null };
  assert.equal(diamonds(s), []);
  const text = subtitle(s);
  assert.not.match(text, /Diamond: median/);
  assert.match(text, /No diamond for AB101: sensitive equipment still there at the horizon in at least half the runs\./);
  assert.match(text, /No diamond for AB201: no sensitive equipment to move\./);
});

test.run();
