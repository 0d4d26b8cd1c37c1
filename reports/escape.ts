/**
 * Escaping for the two contexts a report writes untrusted text into: HTML text/attributes, and
 * JSON inside a `<script>` element.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON that is safe inside `<script>`: `<`, `>` and `&` become \u escapes (so no `</script>` or
 * `<!--` can appear), and so do U+2028/U+2029 (line terminators in older JavaScript parsers).
 * `JSON.parse` reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('Report: cannot embed a value that JSON.stringify turns into undefined');
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Checks that a script's source can sit verbatim inside `<script>…</script>`: it must not contain
 * `</script` or `<!--`, which would end or confuse the element. Throws naming `what`.
 */
export function assertInlineScript(source: string, what: string): string {
  if (/<\/script/i.test(source) || source.includes('<!--')) {
    throw new Error(`Report: ${what} contains "</script" or "<!--" and cannot be inlined in a <script> element`);
  }
  return source;
}
