/**
 * Checks that relate several fields: dates in order, names that must exist, counts that must fit.
 * Each runs on the sections that validated on their own, so they add to the schema's problems
 * instead of waiting for them to be fixed.
 */
import { CARGO_CLASSES } from './types.ts';
import { show, type ScenarioIssue } from './issues.ts';
import { fileSchema, type PartialFile } from './schema.ts';
import { unknownMessage } from './suggest.ts';
import { formatDate, HOUR_MS } from './units.ts';
import { validateAt } from './validate.ts';
import { checkPath } from './walk.ts';

type Path = (string | number)[];

/** Splits a user path `fleet.C-17.count` or `clearance.freezes.0.to` into segments. */
export function splitPath(text: string): Path {
  return text.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const hasKey = (v: unknown, key: string): boolean => typeof v === 'object' && v !== null && key in v;
const keysOf = (v: unknown): string[] => (typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.keys(v) : []);

/** Every cross-field problem among the valid sections of `f`; `doc` is the raw document (for names and paths). */
export function crossCheck(f: PartialFile, doc: unknown): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const add = (path: Path, message: string) => out.push({ path, message });
  const raw = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  const baseIds = keysOf(raw.bases);

  if (f.start !== undefined && f.deadline !== undefined && f.deadline <= f.start) {
    add(['deadline'], `expected a deadline after the start (${formatDate(f.start)}), got ${formatDate(f.deadline)}`);
  }
  if (f.horizon !== undefined && f.start !== undefined && f.deadline !== undefined) {
    const h = f.horizon.kind === 'date' ? f.horizon.ms : f.start + f.horizon.hours * HOUR_MS;
    if (h < f.deadline) add(['horizon'], `expected a horizon at or after the deadline (${formatDate(f.deadline)}), got ${formatDate(h)}`);
  }

  if (f.clearance !== undefined) {
    (f.clearance.freezes ?? []).forEach((fr, i) => {
      if (fr.to <= fr.from) add(['clearance', 'freezes', i, 'to'], `expected the end of the freeze after its start (${formatDate(fr.from)}), got ${formatDate(fr.to)}`);
    });
    const denial = f.clearance.denial_probability;
    if (denial !== undefined && denial > 0 && f.clearance.resubmit_delay === undefined && !hasKey(raw.clearance, 'resubmit_delay')) {
      add(['clearance', 'resubmit_delay'], `missing: expected a duration or distribution (denial_probability is ${f.clearance.denial_probability}, so denied requests are resubmitted after this delay)`);
    }
  }

  for (const [id, a] of Object.entries(f.fleet ?? {})) {
    const side = a?.seats_with_full_pallets;
    if (side !== undefined && a?.seats !== undefined && side > a.seats) {
      add(['fleet', id, 'seats_with_full_pallets'], `expected at most the aircraft's seats (${a.seats}), got ${side}`);
    }
  }

  for (const [section, what] of [['russian', 'base'], ['commercial', 'base']] as const) {
    for (const id of keysOf(raw[section])) {
      if (!baseIds.includes(id)) add([section, id], unknownMessage(what, id, baseIds));
    }
  }
  if (f.russian !== undefined && f.bases !== undefined) {
    for (const [id, ru] of Object.entries(f.russian)) {
      const spots = f.bases[id]?.ramp_spots;
      const held = ru?.permanent_spots;
      if (spots !== undefined && held !== undefined && held > 0 && held >= spots) {
        add(['russian', id, 'permanent_spots'], `expected fewer permanent Russian spots than ${id}'s ramp spots (${spots}), got ${held}: no spot would be left for US aircraft`);
      }
    }
  }
  if (f.commercial !== undefined) {
    for (const [id, c] of Object.entries(f.commercial)) {
      if (c?.from !== undefined && c.to !== undefined && c.to <= c.from) {
        add(['commercial', id, 'to'], `expected the last commercial day after the first (${formatDate(c.from)}), got ${formatDate(c.to)}`);
      }
    }
  }

  if (f.closure_order !== undefined) {
    const seen = new Set<string>();
    f.closure_order.forEach((id, i) => {
      if (!baseIds.includes(id)) add(['closure_order', i], unknownMessage('base', id, baseIds));
      else if (seen.has(id)) add(['closure_order', i], `base "${id}" is listed twice`);
      seen.add(id);
    });
  }

  if (f.bases !== undefined) {
    const typeIds = keysOf(raw.fleet);
    for (const [id, b] of Object.entries(f.bases)) {
      const seen = new Set<string>();
      b?.aircraft_types?.forEach((t, i) => {
        if (!typeIds.includes(t)) add(['bases', id, 'aircraft_types', i], unknownMessage('aircraft type', t, typeIds));
        else if (seen.has(t)) add(['bases', id, 'aircraft_types', i], `aircraft type "${t}" is listed twice`);
        seen.add(t);
      });
    }
    for (const [id, b] of Object.entries(f.bases)) {
      const team = b?.closure_team;
      const people = b?.cargo?.personnel;
      if (team !== undefined && people !== undefined && team > people) {
        add(['bases', id, 'closure_team'], `expected at most the base's personnel (${people}), got ${team}`);
      }
    }
  }

  if (f.load_order !== undefined) {
    const sorted = [...f.load_order].sort().join(',');
    if (sorted !== [...CARGO_CLASSES].sort().join(',')) {
      add(['load_order'], `expected each of ${CARGO_CLASSES.join(', ')} exactly once, got ${show(f.load_order)}`);
    }
  }

  if (f.sensitivity !== undefined) {
    for (const [key, range] of Object.entries(f.sensitivity)) {
      if (range === undefined) continue;
      const path = splitPath(key);
      const bad = checkPath(fileSchema, doc, path, ['sensitivity', key]);
      if (bad !== undefined) {
        out.push(bad);
        continue;
      }
      out.push(...validateAt(path, range.low, ['sensitivity', key, 'low']));
      out.push(...validateAt(path, range.high, ['sensitivity', key, 'high']));
    }
  }
  return out;
}
