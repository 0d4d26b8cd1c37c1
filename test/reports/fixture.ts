/**
 * The hand-made sample Summary the report tests draw (two bases, 2024 dates, deadline 15 Sep),
 * loaded fresh for each caller so tests can alter their copy.
 */
import { readFileSync } from 'node:fs';
import type { Summary } from '../../sim/batch/types.ts';

const FIXTURE = new URL('../fixtures/summary-sample.json', import.meta.url);

/** A fresh copy of test/fixtures/summary-sample.json. */
export function sampleSummary(): Summary {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Summary;
}
