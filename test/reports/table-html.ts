/**
 * Report HTML with the table cells' markup taken off (the code-type class and the spans that keep
 * hyphenated words on one line), so tests can look for a row as `<tr><td>Start</td><td>...`.
 */

/** `html` with `<td class="code">` written `<td>` and the `nobr` spans removed. */
export function plainCells(html: string): string {
  return html.replace(/<td class="code">/g, '<td>').replace(/<span class="nobr">([^<]*)<\/span>/g, '$1');
}
