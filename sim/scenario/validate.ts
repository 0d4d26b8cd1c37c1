/**
 * Runs the file schema over a document and turns zod's issues into `ScenarioIssue`s: one per
 * unknown key (with a did-you-mean), messages in the house words. Also parses each top-level
 * section alone, so cross-field checks can run on the sections that are valid.
 */
import type { z } from 'zod';
import { expected, type ScenarioIssue } from './issues.ts';
import { fileSchema, type PartialFile, type ScenarioFile } from './schema.ts';
import { knownKeys, schemaAt, unwrapWrappers } from './walk.ts';
import { unknownMessage } from './suggest.ts';

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  array: 'a list',
  string: 'a text',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

/** Messages for issues whose schema did not set one (objects, lists, maps). */
function errorMap(iss: { code?: string; input?: unknown; expected?: string; origin?: string; minimum?: unknown; values?: unknown[] }): string | undefined {
  if (iss.code === 'invalid_type') return expected(TYPE_WORDS[iss.expected ?? ''] ?? String(iss.expected), iss.input);
  if (iss.code === 'too_small' && iss.origin === 'array') return expected(`a list of at least ${String(iss.minimum)}`, iss.input);
  if (iss.code === 'invalid_value' && Array.isArray(iss.values)) {
    const values = iss.values.map(String);
    return typeof iss.input === 'string' ? unknownMessage('choice', iss.input, values) : expected(`one of ${values.join(', ')}`, iss.input);
  }
  return undefined;
}

/** Zod issues as scenario issues, an unknown-key issue split into one per key. */
function convert(issues: readonly z.core.$ZodIssue[], root: z.ZodType, prefix: (string | number)[]): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const iss of issues) {
    const path = [...prefix, ...(iss.path as (string | number)[])];
    if (iss.code === 'unrecognized_keys') {
      const known = knownKeys(schemaAt(root, iss.path as (string | number)[]));
      for (const key of iss.keys) out.push({ path: [...path, key], message: unknownMessage('key', key, known) });
    } else {
      out.push({ path, message: iss.message });
    }
  }
  return out;
}

export interface Validation {
  /** Every schema problem. */
  issues: ScenarioIssue[];
  /** The whole file when it is valid. */
  file?: ScenarioFile;
  /** The valid parts of the file, for cross-field and feasibility checks that can still run. */
  partial: PartialFile;
}

/** Validates a document against the file schema, collecting every problem. */
export function validateDocument(doc: unknown): Validation {
  if (doc === null || doc === undefined) {
    // YAML reads an empty (or comment-only) file as null: say that, not "got null".
    const required = Object.entries(fileSchema.shape).filter(([, s]) => !s.safeParse(undefined).success).map(([k]) => k);
    return { issues: [{ path: [], message: `the file is empty; a scenario needs at least ${required.join(', ')}` }], partial: {} as PartialFile };
  }
  const r = fileSchema.safeParse(doc, { error: errorMap });
  if (r.success) return { issues: [], file: r.data, partial: r.data as PartialFile };
  const partial = (validParts(fileSchema, doc) ?? {}) as PartialFile;
  return { issues: convert(r.error.issues, fileSchema, []), partial };
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The valid parts of `value`: whole if it parses, else the valid fields of an object or entries of a map. */
function validParts(schema: z.ZodType, value: unknown): unknown {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  if (!isMap(value)) return undefined;
  const def = (unwrapWrappers(schema) as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType>; valueType?: z.ZodType } } })._zod.def;
  const out: Record<string, unknown> = {};
  if (def.type === 'object' && def.shape) {
    for (const [key, s] of Object.entries(def.shape)) {
      const v = validParts(s, value[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  if (def.type === 'record' && def.valueType) {
    for (const [key, v] of Object.entries(value)) {
      const part = validParts(def.valueType, v);
      if (part !== undefined) out[key] = part;
    }
    return out;
  }
  return undefined;
}

/** Validates one value against the schema at a path (for sensitivity low/high); problems carry `label` as prefix. */
export function validateAt(path: (string | number)[], value: unknown, label: (string | number)[]): ScenarioIssue[] {
  const schema = schemaAt(fileSchema, path);
  if (schema === undefined) return [];
  const r = schema.safeParse(value, { error: errorMap });
  return r.success ? [] : convert(r.error.issues, schema, label);
}
