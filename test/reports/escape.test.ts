import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertInlineScript, escapeHtml, jsonForScript } from '../../reports/escape.ts';

test('escapeHtml escapes the five characters that can open markup or end an attribute', () => {
  assert.is(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

test('jsonForScript leaves no "<", ">", "&" or U+2028/2029 in its output and parses back unchanged', () => {
  const value = { name: '</script><script>alert(1)</script>', note: '<!-- & -->', lines: 'a\u2028b\u2029c' };
  const json = jsonForScript(value);
  assert.not.match(json, /[<>&\u2028\u2029]/);
  assert.equal(JSON.parse(json), value);
});

test('assertInlineScript refuses a script that would close its <script> element', () => {
  assert.throws(() => assertInlineScript('var s = "</SCRIPT>";', 'the test script'), /the test script contains "<\/script"/);
  assert.throws(() => assertInlineScript('x <!-- y', 'the test script'), /<!--/);
  assert.is(assertInlineScript('var a = 1 < 2;', 'ok'), 'var a = 1 < 2;');
});

test.run();
