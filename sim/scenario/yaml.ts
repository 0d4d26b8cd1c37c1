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
    return {
      ok: false,
      issues: doc.errors.map((e) => ({ path: [], message: `YAML syntax: ${firstLine(e.message)}`, ...pos(e.pos[0]) })),
    };
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

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function offsetOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The first JSON syntax error of `text` as an issue at its line and column, or undefined. */
function jsonSyntax(text: string): ScenarioIssue | undefined {
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
