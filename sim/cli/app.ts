/**
 * The `retrograde` command line: a thin shell over the library. It parses arguments, calls the
 * library, prints results on stdout and diagnostics on stderr, and writes files atomically.
 * Exit codes: 0 ok, 1 the run failed, 2 bad input or usage.
 */
import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { UserError } from './errors.ts';
import { WorkerMemoryError } from '../batch/pool.ts';
import { runCommand, validateCommand, schemaCommand, traceCommand, reportCommand } from './commands.ts';
import { sweepCommand, sensitivityCommand, compareCommand } from './sweep-commands.ts';
import { readString, failOn } from './args.ts';
import { checkOutputs } from './outputs.ts';
import { COMMANDS, commandWord, isCommand, traceEventsHelp, unknownCommand, usageError } from './usage.ts';

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** True when stderr is a terminal (progress bars). */
  isTTY: boolean;
}

const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

/** The version in package.json, which `retrograde --version` prints. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return String(pkg.version);
}

/** Options shared by the commands that run batches. */
export function batchOptions<T>(y: Argv<T>) {
  return y
    .option('runs', { type: 'string', describe: 'replications, an integer >= 1 (default: the scenario\'s batch.runs)' })
    .option('seed', { type: 'string', describe: 'random seed (default: the scenario\'s batch.seed)' })
    .option('workers', { type: 'string', describe: 'worker threads, an integer >= 0 (default: all cores; 0 runs in this thread)' })
    .option('set', { type: 'string', array: true, default: [] as string[], describe: 'override a scenario value: path=value (repeatable)' });
}

/**
 * The options yargs knows at this moment: at a failure, those of the command being parsed.
 * `getOptions` is on yargs' instance but not in its type declarations; without it, no did-you-mean.
 */
function optionNames(cli: unknown): string[] {
  const get = (cli as { getOptions?: () => { key?: Record<string, unknown> } }).getOptions;
  return typeof get === 'function' ? Object.keys(get.call(cli).key ?? {}) : [];
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const setCode = (c: number): void => {
    code = c;
  };
  // An unknown command is said here, in our words: yargs would call it an unknown argument.
  const word = commandWord(argv);
  if (word !== undefined && !isCommand(word)) {
    io.err(`${unknownCommand(word)}\n`);
    return 2;
  }
  const cli = yargs(argv)
    .scriptName('retrograde')
    .usage('$0 <command> [options]\n\nMonte Carlo simulation of a withdrawal by airlift: how likely is the deadline, and what holds it back?')
    .command(
      `run ${COMMANDS.run.args}`,
      'run a Monte Carlo batch of a scenario and summarise it',
      (y) =>
        batchOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' }))
          .option('json', { type: 'boolean', default: false, describe: 'print the summary as one JSON object' })
          .option('precision', {
            type: 'string',
            describe:
              'add replications until the 95% half-width of P(by deadline) is at most this, such as 0.005; --runs (or batch.runs) is then the first round, and the total can be much larger (at most 1,000,000)',
          })
          .option('report', { type: 'string', describe: 'also write a self-contained HTML report to this file' })
          .option('specs', { type: 'string', describe: 'also write each chart\'s Vega-Lite spec into this folder' })
          .option('csv', { type: 'string', describe: 'also write one CSV row per replication (completion, closures, sorties, stop cause) to this file' }),
      async (a) => setCode(await runCommand(a, io)),
    )
    .command(
      `validate ${COMMANDS.validate.args}`,
      'check scenario files; exit 0 when all are valid, 2 with every problem listed',
      (y) =>
        y
          .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario files (YAML or JSON)' })
          .option('set', { type: 'string', array: true, default: [] as string[], describe: 'override a scenario value in every file: path=value (repeatable)' }),
      (a) => setCode(validateCommand(a.scenarios as string[], a.set, io)),
    )
    .command('schema', 'print the JSON Schema of scenario files (for editors)', (y) => y, () => setCode(schemaCommand(io)))
    .command(
      `trace ${COMMANDS.trace.args}`,
      'print the event log of one replication',
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
          .option('seed', { type: 'string', describe: 'random seed (default: the scenario\'s batch.seed)' })
          .option('replication', { type: 'string', describe: 'which replication of the batch to trace, an integer >= 0 (default 0; same seed and number, same events as in `run`)' })
          .option('format', { type: 'string', describe: 'jsonl (one JSON object per line, the default) or csv (CSV with a header)' })
          .option('set', { type: 'string', array: true, default: [] as string[], describe: 'override a scenario value: path=value (repeatable)' })
          .epilog(traceEventsHelp()),
      (a) => setCode(traceCommand(a, io)),
    )
    .command(
      `report ${COMMANDS.report.args}`,
      'build an HTML report from a saved `run --json` or `compare --json` result',
      (y) =>
        y
          .positional('result', { type: 'string', demandOption: true, describe: 'JSON file written by `retrograde run --json` or `retrograde compare --json`' })
          .option('out', { type: 'string', demandOption: true, describe: 'HTML file to write' })
          .option('specs', { type: 'string', describe: 'also write each chart\'s Vega-Lite spec into this folder' }),
      async (a) => {
        // Here rather than in reportCommand: the saved result is the input an output must not replace.
        const problems: string[] = [];
        checkOutputs([{ what: 'the result file', path: a.result }], [{ flag: 'out', path: readString('out', a.out, problems) }, { flag: 'specs', path: readString('specs', a.specs, problems), folder: true }], problems);
        failOn(problems, 'report');
        setCode(await reportCommand(a, io));
      },
    )
    .command(
      `sweep ${COMMANDS.sweep.args}`,
      'run a batch at every point of a parameter grid (common random numbers)',
      (y) =>
        batchOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' }))
          .option('vary', { type: 'string', array: true, demandOption: true, describe: 'path=v1,v2,... or path=2..8 or path=2..8:2 (repeat for a grid)' })
          .option('target', { type: 'string', describe: 'one parameter only: the smallest value whose P(by deadline) reaches this, interval included' })
          .option('csv', { type: 'string', describe: 'also write the table as CSV to this file' })
          .option('json', { type: 'boolean', default: false, describe: 'print the table as one JSON object' })
          .option('report', { type: 'string', describe: 'also write a self-contained HTML report to this file' }),
      async (a) => setCode(await sweepCommand(a, io)),
    )
    .command(
      `sensitivity ${COMMANDS.sensitivity.args}`,
      'move each uncertain input between its low and high value, one at a time, and rank the effects',
      (y) =>
        batchOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' }))
          .option('json', { type: 'boolean', default: false, describe: 'print the table as one JSON object' })
          .option('csv', { type: 'string', describe: 'also write the table as CSV to this file' })
          .option('report', { type: 'string', describe: 'also write a self-contained HTML report (tornado chart) to this file' }),
      async (a) => setCode(await sensitivityCommand(a, io)),
    )
    .command(
      `compare ${COMMANDS.compare.args}`,
      'run a reference scenario and its variants on the same replications, and show what each variant changes',
      (y) =>
        batchOptions(y.positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario files (YAML or JSON), at least two: the reference first, then its variants' }))
          // The same options, in compare's words: one seed and number of runs for all, overrides on every file.
          .option('runs', { type: 'string', describe: 'replications per scenario, an integer >= 1 (default: the first scenario\'s batch.runs)' })
          .option('seed', { type: 'string', describe: 'random seed for every scenario (default: the first scenario\'s batch.seed)' })
          .option('set', { type: 'string', array: true, default: [] as string[], describe: 'override a value in every scenario: path=value (repeatable; the path must exist in each)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the comparison as one JSON object' })
          .option('csv', { type: 'string', describe: 'also write the comparison as CSV to this file' })
          .option('report', { type: 'string', describe: 'also write a self-contained HTML report to this file' }),
      async (a) => setCode(await compareCommand(a as typeof a & { scenarios: string[] }, io)),
    )
    .demandCommand(1, 'Name a command: run, validate, schema, trace, report, sweep, sensitivity or compare.')
    .strict()
    .help()
    .version(packageVersion())
    .exitProcess(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      // At a failure, cli's options are those of the command being parsed: the did-you-mean list.
      throw err ?? new UserError(usageError(msg, argv, word, optionNames(cli)));
    });

  try {
    // The callback receives what yargs would print itself (--help, --version), so it goes to io.
    await cli.parseAsync(argv, {}, (_err, _args, output) => {
      if (output) io.out(`${output}\n`);
    });
  } catch (err) {
    if (err instanceof UserError) {
      io.err(`${err.message}\n`);
      return 2;
    }
    if (err instanceof WorkerMemoryError) {
      // A limit, not a bug: the message says what to do, and a stack would only hide it.
      io.err(`retrograde: ${err.message}\n`);
      return 1;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    io.err(`retrograde: internal error: ${e.message}\n${e.stack ?? ''}\n`);
    return 1;
  }
  return code;
}
