/**
 * Every example script runs as a user would run it (a child process under tsx) and answers its
 * question. RUNS is lowered to keep the suite quick; the answers' shape is checked, not a figure.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

function runExample(name: string, runs = '150'): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `examples/${name}`], {
    encoding: 'utf8',
    env: { ...process.env, RUNS: runs },
    timeout: 180_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('every example in examples/ is covered by a test below', () => {
  assert.equal(readdirSync('examples').filter((f) => f.endsWith('.ts')).sort(), ['against-the-record.ts', 'freeze-cost.ts', 'how-many-c17s.ts']);
});

test('how-many-c17s answers with a fleet size, one line per swept size', () => {
  const r = runExample('how-many-c17s.ts');
  assert.is(r.code, 0, r.err);
  assert.is((r.out.match(/^ {2}\d C-17s?: P\(by deadline\) \d+\.\d%/gm) ?? []).length, 6, r.out);
  assert.match(r.out, /^ {2}1 C-17: /m);
  assert.not.match(r.out, /\b1 C-17s/);
  assert.match(r.out, /^Answer: (\d C-17s? is the smallest fleet|no fleet size)/m);
});

test('freeze-cost reports P and the delay for each freeze length, and longer freezes never help', () => {
  const r = runExample('freeze-cost.ts');
  assert.is(r.code, 0, r.err);
  const ps = [...r.out.matchAll(/(\d) weeks?: P\(by deadline\) (\d+\.\d)%/g)].map((m) => Number(m[2]));
  assert.match(r.out, /^ {2}1 week: /m);
  assert.is(ps.length, 6, r.out);
  for (let k = 1; k < ps.length; k++) assert.ok((ps[k] as number) <= (ps[k - 1] as number), `P rose with a longer freeze: ${ps.join(', ')}`);
});

test('against-the-record gives each variant its closure dates, and staging closes Niamey weeks earlier than the baseline', () => {
  const r = runExample('against-the-record.ts');
  assert.is(r.code, 0, r.err);
  const ab101 = [...r.out.matchAll(/AB101 closes (\d+ \w{3}) \/ (\d+ \w{3}) \/ (\d+ \w{3}); AB201 closes/g)].map((m) => Date.parse(`${m[2]} 2024 UTC`));
  assert.is(ab101.length, 5, r.out);
  assert.is((r.out.match(/sensitive equipment out \d+ \w{3} \(median; AB101 \d+ \w{3}, AB201 \d+ \w{3}\); P\(by deadline\) \d+\.\d%/g) ?? []).length, 5, r.out);
  assert.is((r.out.match(/out by the end of 7 Jul: [\d,]+ ST and \d+ of 900 personnel/g) ?? []).length, 5, r.out);
  // Baseline first, then the four staged variants: each closes AB101 at least two weeks earlier.
  for (const t of ab101.slice(1)) assert.ok((ab101[0] as number) - t > 14 * 86_400_000, r.out);
});

test('every example refuses a RUNS that is not a whole number of replications, with exit 2 and one line', () => {
  for (const name of readdirSync('examples').filter((f) => f.endsWith('.ts'))) {
    const r = runExample(name, 'abc');
    assert.is(r.code, 2, `${name}: ${r.err}`);
    assert.is(r.err, 'RUNS must be an integer >= 1, got "abc"\n', name);
  }
});

test.run();
