/**
 * Reading YAML (or JSON, which YAML reads too) while keeping where every node is, so that each
 * problem can be reported at its file:line:column.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { ScenarioIssue } from './issues.ts';

export interface SourceDoc {
  /** The document as plain data. */
  data: unknown;
  /** Line and column (1-based) of the deepest part of `path` present in the file. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

/**
 * Parses YAML/JSON text; syntax errors come back as issues with their line and column. With
 * `json`, the text must be strict JSON first (YAML would accept a trailing comma or a bare date,
 * and name a JSON mistake a YAML one); YAML then reads it for the positions.
 */
export function readYaml(text: string, json = false): { ok: true; source: SourceDoc } | { ok: false; issues: ScenarioIssue[] } {
  if (json) {
    const bad = jsonSyntax(text);
    if (bad !== undefined) return { ok: false, issues: [bad] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    const issues: ScenarioIssue[] = [];
    for (const e of doc.errors) {
      // The map is built even so: the repeated key can be named by its path, like any other problem.
      const dup = e.code === 'DUPLICATE_KEY' ? keyAt(doc.contents, e.pos[0], []) : undefined;
      if (dup !== undefined) {
        const first = pos(dup.first);
        issues.push({ path: dup.path, message: `YAML syntax: the key "${String(dup.path[dup.path.length - 1])}" appears twice in one map (first at line ${first.line}); keep one`, ...pos(e.pos[0]) });
        continue;
      }
      const at = pos(e.pos[0]);
      // A flow collection left open ([1, 2) is a missing bracket, not an indentation slip.
      if (!INDENT_CODES.has(e.code) || e.message.startsWith('Flow ')) {
        issues.push({ path: [], message: `YAML syntax: ${firstLine(e.message)}`, ...at });
        continue;
      }
      // One mis-indented line often makes the yaml package report two errors at one place: one line.
      const same = issues.find((i) => i.line === at.line && i.column === at.column && i.message.startsWith(INDENT_HINT));
      if (same !== undefined) same.message += `; ${firstLine(e.message)}`;
      else issues.push({ path: [], message: `${INDENT_HINT}: ${firstLine(e.message)}`, ...at });
    }
    return { ok: false, issues: collapseRepeats(issues) };
  }
  const locate = (path: readonly (string | number)[]) => {
    let node: unknown = doc.contents;
    let at = offsetOf(node) ?? 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
        if (pair === undefined) break;
        at = offsetOf(pair.key) ?? at;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)];
        if (item === undefined) break;
        at = offsetOf(item) ?? at;
        node = item;
      } else {
        break;
      }
    }
    return pos(at);
  };
  return { ok: true, source: { data: doc.toJS({ maxAliasCount: 1000 }), locate } };
}

/** The path of the map key that starts at `offset`, and where the same key first appears in that map; undefined if none does. */
function keyAt(node: unknown, offset: number, path: (string | number)[]): { path: (string | number)[]; first: number } | undefined {
  const inside = (n: unknown): boolean => {
    const r = (n as Node | null | undefined)?.range;
    return r != null && r[0] <= offset && offset < r[2];
  };
  if (isMap(node)) {
    const pairs = node.items.filter(isPair);
    const hit = pairs.find((p) => offsetOf(p.key) === offset);
    const key = hit && keyText(hit.key);
    if (key !== undefined) {
      const same = pairs.find((q) => keyText(q.key) === key);
      return { path: [...path, key], first: offsetOf(same?.key) ?? offset };
    }
    const holder = pairs.find((p) => keyText(p.key) !== undefined && inside(p.value));
    if (holder) return keyAt(holder.value, offset, [...path, keyText(holder.key) as string]);
  } else if (isSeq(node)) {
    const i = node.items.findIndex(inside);
    if (i >= 0) return keyAt(node.items[i], offset, [...path, i]);
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function offsetOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/**
 * The yaml package's errors that a wrong indentation causes. Their own text names the parser's
 * view ("Nested mappings are not allowed in compact mappings"), which does not say what to fix.
 */
const INDENT_CODES: ReadonlySet<string> = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'TAB_AS_INDENT']);
const INDENT_HINT =
  'YAML syntax: check the indentation at and around this line (keys of one mapping start in the same column; a nested mapping goes on its own lines, indented with spaces)';

/**
 * One key indented a space less than its siblings makes the yaml package report every later
 * sibling: the same message line after line. The first place is the one to look at; the others
 * are listed by line in one issue.
 */
function collapseRepeats(issues: ScenarioIssue[]): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const more = new Map<ScenarioIssue, number[]>();
  for (const i of issues) {
    const first = i.message.startsWith(INDENT_HINT) ? out.find((o) => o.message === i.message) : undefined;
    if (first === undefined) out.push(i);
    else more.set(first, [...(more.get(first) ?? []), i.line ?? 0]);
  }
  for (const [i, lines] of more) {
    const shown = lines.slice(0, 5).join(', ');
    i.message += ` (the same at line${lines.length > 1 ? 's' : ''} ${shown}${lines.length > 5 ? ` and ${lines.length - 5} more` : ''})`;
  }
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The first JSON syntax error of `text` as an issue at its line and column (1-based), or undefined. */
export function jsonSyntax(text: string): ScenarioIssue | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at === null ? text.length : Number(at[1]);
    const before = text.slice(0, offset).split('\n');
    const what = message.replace(/ in JSON at position \d+.*$/, '').replace(/ of JSON input$/, ' of the file');
    return { path: [], message: `JSON syntax: ${what}`, line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  }
}
