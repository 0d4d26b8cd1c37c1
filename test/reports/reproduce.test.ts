// The report's "Reproduce" section: a summary from the CLI carries its command; one from a
// script's runBatch has none, and the page must then say how to reproduce it from a script
// rather than promise "the same command" above an empty block.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runReportHtml } from '../../reports/index.ts';
import { sampleSummary } from './fixture.ts';

function reproduceSection(html: string): string {
  const at = html.indexOf('<h2>Reproduce this report</h2>');
  assert.ok(at >= 0, 'no Reproduce section');
  return html.slice(at, html.indexOf('</section>', at));
}

test('a summary without a command shows the runBatch call with its runs and seed, and no empty Command block', () => {
  const summary = sampleSummary();
  summary.command = '';
  const section = reproduceSection(runReportHtml(summary));
  assert.not.match(section, /same command/);
  assert.not.match(section, /<h3>Command<\/h3>/);
  assert.not.match(section, /<pre><code><\/code><\/pre>/);
  assert.match(section, /made by a script/);
  assert.ok(section.includes(`<pre><code>runBatch(scenario, { runs: ${summary.runs}, seed: &quot;${summary.seed}&quot; })</code></pre>`), section);
});

test('a summary with a command keeps the command block and its sentence', () => {
  const summary = sampleSummary();
  const section = reproduceSection(runReportHtml(summary));
  assert.match(section, /The same command with the same seed gives the same numbers\./);
  assert.ok(section.includes(`<h3>Command</h3><pre><code>${summary.command}</code></pre>`), section);
  assert.not.match(section, /runBatch\(/);
});

test.run();
