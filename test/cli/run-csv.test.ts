// `retrograde run --csv`: one row per replication, the same bytes whatever the workers, in
// agreement with the summary and with `retrograde trace`, written atomically, bad paths refused.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, hasStack } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'retro-run-csv-'));
const scenario = join(dir, 'thin.yaml');
copyFileSync('scenarios/niger-2024-thin-fleet.yaml', scenario);
// A horizon a day after the typical completion: on-time, late and unfinished replications.
const args = [scenario, '--seed', 'csv', '--set', 'horizon=2024-09-21'];

/** The CSV as rows of cells, by column name (no cell here holds a quoted comma but stop_cause, the last). */
function table(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = header!.split(',');
  return lines.map((l) => {
    const cells = l.split(',');
    const row: Record<string, string> = {};
    names.forEach((n, k) => (row[n] = k === names.length - 1 ? cells.slice(k).join(',') : cells[k]!));
    return row;
  });
}

test('the CSV has the same bytes with 0, 1 and 2 workers, one row per replication in order, and --json does not change', async () => {
  const texts: string[] = [];
  let json = '';
  for (const w of ['0', '1', '2']) {
    const file = join(dir, `w${w}.csv`);
    const r = await cli('run', ...args, '--runs', '150', '--workers', w, '--json', '--csv', file);
    assert.is(r.code, 0, r.err);
    assert.match(r.err, new RegExp(`150 replications written to .*w${w}\\.csv`));
    if (json === '') json = r.out;
    assert.is(r.out, json, `--json with ${w} workers`);
    texts.push(readFileSync(file, 'utf8'));
  }
  assert.is(texts[1], texts[0]);
  assert.is(texts[2], texts[0]);
  const rows = table(texts[0]!);
  assert.equal(rows.map((r) => r.replication), Array.from({ length: 150 }, (_, i) => String(i)));
  const plain = await cli('run', ...args, '--runs', '150', '--workers', '2', '--json');
  assert.is(plain.out, json, 'the summary is the same without --csv');
  assert.equal(readdirSync(dir).filter((f) => f.includes('.tmp')), [], 'no temporary file is left behind');
});

test('on-time rows count P x runs, the median completion is the summary P50 within an hour, and no base closes after completion', async () => {
  const file = join(dir, 'agree.csv');
  const r = await cli('run', ...args, '--runs', '300', '--workers', '2', '--json', '--csv', file);
  assert.is(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  const text = readFileSync(file, 'utf8');
  assert.is(text.split('\n')[0], 'replication,finished,on_time,completion,completion_days,sensitive_out,sorties,closed_AB101,sensitive_out_AB101,sorties_AB101,closed_AB201,sensitive_out_AB201,sorties_AB201,stop_cause');
  const rows = table(text);
  assert.is(rows.length, 300);
  assert.is(rows.filter((x) => x.on_time === '1').length, Math.round(s.p_by_deadline * 300));
  assert.is(rows.filter((x) => x.finished === '0').length, s.unfinished.runs);
  assert.ok(s.unfinished.runs > 0 && s.p_by_deadline < 1 && s.p_by_deadline > 0, 'the check needs all three outcomes');
  // The summary's P50 lies in the one-hour bin of the 150th completion (unfinished ones last).
  const times = rows.map((x) => (x.completion === '' ? Infinity : Date.parse(x.completion!))).sort((a, b) => a - b);
  assert.ok(Math.abs(Date.parse(s.completion.p50) - times[149]!) <= 3_601_000, `P50 ${s.completion.p50} vs ${new Date(times[149]!).toISOString()}`);
  // Per-base sorties add up to each replication's sorties, and their means are the base table's (which the summary rounds to 3 decimals).
  for (const id of ['AB101', 'AB201']) {
    const mean = rows.reduce((a, x) => a + Number(x[`sorties_${id}`]), 0) / rows.length;
    assert.ok(Math.abs(mean - s.bases[id].mean_sorties) <= 0.0005 + 1e-9, `${id}: mean sorties ${mean} vs summary ${s.bases[id].mean_sorties}`);
  }
  for (const x of rows) {
    assert.is(Number(x.sorties_AB101) + Number(x.sorties_AB201), Number(x.sorties), `replication ${x.replication}: sorties by base`);
    const done = x.finished === '1';
    assert.is(x.completion !== '', done);
    assert.is(x.stop_cause === '', done, `replication ${x.replication}: stop_cause "${x.stop_cause}"`);
    assert.is(x.on_time === '1', done && Date.parse(x.completion!) <= Date.parse(s.deadline));
    // completion is to the second, completion_days to a millionth of a day (0.09 s).
    if (done) assert.ok(Math.abs(Number(x.completion_days) * 86_400_000 - (Date.parse(x.completion!) - Date.parse(s.start))) <= 550, `${x.completion_days} days vs ${x.completion}`);
    for (const id of ['AB101', 'AB201']) {
      const closed = x[`closed_${id}`]!;
      if (done) assert.ok(closed !== '' && closed <= x.completion!, `replication ${x.replication}: ${id} closed ${closed}, completion ${x.completion}`);
    }
  }
  // Unfinished rows carry the kind of cause the summary's diagnosis groups by.
  assert.ok(s.unfinished.cause.startsWith(rows.find((x) => x.finished === '0')!.stop_cause!.replace(/^"/, '').split(':')[0]!), s.unfinished.cause);
});

test('a replication\'s row matches `retrograde trace` of that replication', async () => {
  const file = join(dir, 'trace.csv');
  assert.is((await cli('run', ...args, '--runs', '40', '--workers', '2', '--csv', file)).code, 0);
  const rows = table(readFileSync(file, 'utf8'));
  const picks = [rows.find((x) => x.finished === '1' && Number(x.replication) > 0)!, rows.find((x) => x.finished === '0')!];
  assert.ok(picks.every((p) => p !== undefined), 'the check needs a finished and an unfinished replication');
  for (const row of picks) {
    const t = await cli('trace', ...args, '--replication', row.replication!);
    assert.is(t.code, 0, t.err);
    const events = t.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { at: string; event: string; base?: string });
    const last = events[events.length - 1]!;
    assert.is(last.event, row.finished === '1' ? 'withdrawal complete' : 'horizon');
    if (row.finished === '1') assert.is(last.at, row.completion);
    for (const id of ['AB101', 'AB201']) {
      const closed = events.find((e) => e.event === 'base closed' && e.base === id);
      assert.is(closed?.at ?? '', row[`closed_${id}`], `replication ${row.replication}: ${id}`);
    }
    assert.match(t.err, new RegExp(`, ${row.sorties} sorties\\n$`));
  }
});

/** Runs the CLI and checks it refused before running anything: exit 2, no stack, nothing written. */
async function refused(csv: string, ...more: string[]): Promise<string> {
  const before = readFileSync(scenario);
  const r = await cli('run', scenario, '--runs', '10', '--workers', '0', '--csv', csv, ...more);
  assert.is(r.code, 2, `exit ${r.code}\n${r.err}`);
  assert.is(r.out, '');
  assert.not.ok(hasStack(r.err), r.err);
  assert.ok(readFileSync(scenario).equals(before), 'the scenario was changed');
  return r.err;
}

test('bad --csv paths are refused with exit 2 before running', async () => {
  assert.match(await refused(scenario), /--csv .*thin\.yaml is the scenario file itself: writing it would replace the input/);
  const html = join(dir, 'same.html');
  assert.match(await refused(html, '--report', html), /--report and --csv both name .*same\.html: the second would replace the first/);
  assert.match(await refused(html, '--specs', html), /--specs .*same\.html is also the file --csv writes/);
  assert.not.ok(existsSync(html));
  assert.match(await refused(dir), /--csv .* is a folder; give the name of a file to write/);
  const aFile = join(dir, 'plain.txt');
  writeFileSync(aFile, 'x');
  assert.match(await refused(join(aFile, 'reps.csv')), /--csv .*plain\.txt\/reps\.csv: cannot write the file \(.*plain\.txt is not a folder\)/);
  assert.match(await refused(''), /^--csv needs the name of a file to write$/m);
});

test('a misspelled --csv gets a did-you-mean, and run --help lists --csv', async () => {
  const r = await cli('run', scenario, '--cvs', 'x.csv');
  assert.is(r.code, 2);
  assert.match(r.err, /unknown option --cvs; did you mean --csv\?/);
  const help = await cli('run', '--help');
  assert.match(help.out, /--csv +also write one CSV row per replication/);
});

test.run();
