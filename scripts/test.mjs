#!/usr/bin/env node
// Runs the uvu suites and prints `N passed, N failed` alone on a line.
//
// Why not trust uvu's exit code: a throwing hook, a file that fails to import or a suite that
// never calls `.run()` can leave it at 0 with tests unrun. So the verdict here is computed from
// uvu's own Total/Passed/Skipped lines, and the run fails when the runner failed, when any test
// failed, or when no test ran at all.
//
// Usage: npm test [-- <pattern>]   (pattern: a regex on the path under test/, default *.test.ts)
import { spawn } from 'node:child_process';

const pattern = process.argv[2] ?? '\\.test\\.ts$';
const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'node_modules/uvu/bin.js', '-c', 'false', 'test', pattern],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);

let out = '';
child.stdout.on('data', (chunk) => {
  out += chunk;
  process.stdout.write(chunk);
});

child.on('close', (code, signal) => {
  const num = (label) => {
    const m = out.match(new RegExp(`^\\s*${label}:\\s+(\\d+)\\s*$`, 'm'));
    return m ? Number(m[1]) : undefined;
  };
  const total = num('Total');
  const passed = num('Passed');
  const skipped = num('Skipped') ?? 0;
  const problems = [];
  if (total === undefined || passed === undefined) problems.push('uvu printed no Total/Passed summary');
  if (code !== 0) problems.push(`uvu exited with ${signal ?? code}`);
  if (total === 0) problems.push('no test ran');
  const failed = total === undefined || passed === undefined ? 1 : total - passed - skipped;
  if (failed > 0) problems.push(`${failed} test(s) failed`);
  process.stdout.write(`\n${passed ?? 0} passed, ${failed} failed, ${skipped} skipped\n`);
  if (problems.length > 0) {
    process.stderr.write(`npm test: FAILED (${problems.join('; ')})\n`);
    process.exitCode = 1;
  }
});
