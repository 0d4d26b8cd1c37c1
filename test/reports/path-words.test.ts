/**
 * Scenario paths in plain words for headlines: known paths by pattern, with the aircraft type or
 * base id filled in; anything else is left as the path.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pathLabel, pathWords } from '../../reports/path-words.ts';

test('common paths read as words, with the aircraft type or base id they name', () => {
  assert.is(pathWords('fleet.C-17.count'), 'the number of C-17s');
  assert.is(pathWords('fleet.C-130J.availability.mission_capable'), 'the C-130J mission-capable rate');
  assert.is(pathWords('clearance.approval_delay'), 'the clearance approval delay');
  assert.is(pathWords('bases.AB201.readiness.prep_rate'), 'the packing rate at AB201');
  assert.is(pathWords('bases.AB101.ramp_spots'), 'the ramp spots at AB101');
});

test('an unknown path, or a known one with a part more or less, has no words and labels as itself', () => {
  for (const path of ['fleet.C-17.seats', 'fleet.count', 'bases.AB.101.ramp_spots', 'clearance.approval_delay.median']) {
    assert.is(pathWords(path), undefined, path);
    assert.is(pathLabel(path), path);
  }
  assert.is(pathLabel('fleet.C-17.count'), 'The number of C-17s');
});

test.run();
