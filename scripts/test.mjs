#!/usr/bin/env node
// Runs the uvu suites and prints `N passed, N failed` alone on a line.
//
// Why not trust uvu's exit code: a throwing hook, a file that fails to import or a suite that
// never calls `.run()` can leave it at 0 with tests unrun. So the verdict here is computed from
// uvu's own Total/Passed/Skipped lines, and the run fails when the runner failed, when any test
// failed, or when no test ran at all.
//
// Browser tests (those that import test/support/browser.ts) need Debian's chromium at
// /usr/bin/chromium. When a selected test needs it and it is missing, this installs it with
// apt-get if running as root; otherwise (or if that fails) it says so, and the browser tests
// then fail with the same message: they never skip silently.
//
// Usage: npm test [-- <pattern>]   (pattern: a regex on the path under test/, default *.test.ts)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const pattern = process.argv[2] ?? '\\.test\\.ts$';
ensureChromium(pattern);
// Its own process group, so that a kill on a hang takes whatever it started (a browser) too.
const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'node_modules/uvu/bin.js', '-c', 'false', 'test', pattern],
  { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
);

// No hang: a run over the time limit is killed and fails, and so is one that printed its summary
// but did not exit (something it started, a browser or a worker, is keeping it alive).
const LIMIT_MIN = Number(process.env.RETROGRADE_TEST_TIMEOUT_MIN ?? 30);
const GRACE_S = 30;
let hang = '';
const kill = (why) => {
  hang = why;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
};
// Being in its own group, the run does not get the terminal's Ctrl-C: pass it on.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  });
}
const limit = setTimeout(() => kill(`still running after ${LIMIT_MIN} min (RETROGRADE_TEST_TIMEOUT_MIN)`), LIMIT_MIN * 60_000);
let grace;

let out = '';
child.stdout.on('data', (chunk) => {
  out += chunk;
  process.stdout.write(chunk);
  if (grace === undefined && /^\s*Duration:/m.test(out)) {
    grace = setTimeout(() => kill(`uvu printed its summary but had not exited ${GRACE_S} s later: something a test started is still running`), GRACE_S * 1000);
  }
});

child.on('close', (code, signal) => {
  clearTimeout(limit);
  clearTimeout(grace);
  const num = (label) => {
    const m = out.match(new RegExp(`^\\s*${label}:\\s+(\\d+)\\s*$`, 'm'));
    return m ? Number(m[1]) : undefined;
  };
  const total = num('Total');
  const passed = num('Passed');
  const skipped = num('Skipped') ?? 0;
  const problems = [];
  if (hang !== '') problems.push(`killed: ${hang}`);
  if (total === undefined || passed === undefined) problems.push('uvu printed no Total/Passed summary');
  if (code !== 0) problems.push(`uvu exited with ${signal ?? code}`);
  if (total === 0) problems.push('no test ran');
  const failed = total === undefined || passed === undefined ? 1 : total - passed - skipped;
  if (failed > 0) problems.push(`${failed} test(s) failed`);
  // The verdict is the last line of stdout, exactly `N passed, N failed`, for people and for
  // scripts that match it; skipped tests (uvu's .skip) are counted on the line before.
  if (skipped > 0) process.stdout.write(`\n${skipped} skipped`);
  process.stdout.write(`\n${passed ?? 0} passed, ${failed} failed\n`);
  if (problems.length > 0) {
    process.stderr.write(`npm test: FAILED (${problems.join('; ')})\n`);
    process.exitCode = 1;
  }
});

/** Installs Debian's chromium (as root, via apt-get) when a selected test drives a browser and it is missing. */
function ensureChromium(pattern) {
  const CHROMIUM = '/usr/bin/chromium';
  if (existsSync(CHROMIUM) || !selectedTestsNeedBrowser(pattern)) return;
  const say = (line) => process.stderr.write(`npm test: ${line}\n`);
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    say(`${CHROMIUM} is missing and this is not root, so it cannot be installed here; the browser tests will fail.`);
    say('Install it with: sudo apt-get install -y chromium');
    return;
  }
  say(`${CHROMIUM} is missing; installing Debian's chromium with apt-get (browser tests need it)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // apt-get's output goes to stderr: stdout carries only uvu's report and the verdict line.
  const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 2, 2], env }).status === 0;
  if (!(run(['update']) && run(['install', '-y', 'chromium'])) || !existsSync(CHROMIUM)) {
    say('installing chromium failed; the browser tests will fail (see apt-get output above).');
  }
}

/** Whether any test file the pattern selects (as uvu selects them) imports the browser helper. */
function selectedTestsNeedBrowser(pattern) {
  const re = new RegExp(pattern, 'i'); // as uvu compiles it
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (re.test(relative('test', path))) files.push(path);
    }
  };
  walk('test');
  return files.some((f) => readFileSync(f, 'utf8').includes('support/browser'));
}
