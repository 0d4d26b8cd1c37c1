/** Runs the CLI in this process with captured output, and in a real child process. */
import { spawnSync } from 'node:child_process';
import * as assert from 'uvu/assert';
import { main } from '../../sim/cli/app.ts';

export interface Ran {
  code: number;
  out: string;
  err: string;
}

/** Runs `retrograde <args>` in-process (same code path as the binary, output captured). */
export async function cli(...args: string[]): Promise<Ran> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

/** Runs the real `bin/retrograde.js` in a child process. */
export function bin(...args: string[]): Ran {
  const r = spawnSync(process.execPath, ['bin/retrograde.js', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** True when text looks like a JavaScript stack trace. */
export const hasStack = (text: string): boolean => /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /^\s+at .+:\d+:\d+$/m.test(text);

/** Runs `retrograde <args>` in-process and checks it refused: exit 2, nothing on stdout, no stack trace; returns stderr. */
export async function refused(...args: string[]): Promise<string> {
  const r = await cli(...args);
  assert.is(r.code, 2, `${args.join(' ')}: exit ${r.code}\n${r.err}`);
  assert.is(r.out, '', `${args.join(' ')} printed a result`);
  assert.not.ok(hasStack(r.err), r.err);
  return r.err;
}
