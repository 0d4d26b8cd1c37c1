/**
 * Usage mistakes in the house's words rather than yargs' stock ones ("Not enough non-option
 * arguments: got 0, need at least 1"): what is missing or unknown, a did-you-mean when a name is
 * close to a real one, and where to read more. Pure: the CLI prints what these return.
 */
import { didYouMean } from '../scenario/suggest.ts';
import { TRACE_EVENTS, type TraceEventKind } from '../model/index.ts';

/** Each command's arguments as its usage line writes them, and what they are. */
export const COMMANDS = {
  run: { args: '<scenario>', what: 'a scenario file (YAML or JSON)' },
  validate: { args: '<scenarios..>', what: 'at least one scenario file (YAML or JSON)' },
  schema: { args: '', what: '' },
  trace: { args: '<scenario>', what: 'a scenario file (YAML or JSON)' },
  report: { args: '<result>', what: 'a result file (the JSON that `retrograde run --json` or `retrograde compare --json` prints)' },
  sweep: { args: '<scenario>', what: 'a scenario file (YAML or JSON)' },
  sensitivity: { args: '<scenario>', what: 'a scenario file (YAML or JSON)' },
  compare: { args: '<scenarios..>', what: 'at least two scenario files (YAML or JSON): the reference first, then its variants' },
} as const;

export type CommandName = keyof typeof COMMANDS;

/** What the trace events whose names do not say it all mean (the rest are read as written). */
const TRACE_NOTES: Partial<Record<TraceEventKind, string>> = {
  'clearance requested': 'the sortie\'s load is booked, the request filed',
  'clearance expired': 'the approval lapsed before the aircraft could land; it asks again',
  loading: 'the loading work starts',
  'aircraft down': 'not mission-capable at the hub',
  'aircraft broken': 'a breakdown after a sortie',
  'aircraft released': 'every load left at the bases it may serve is booked by other aircraft: it flies no more',
  'closure team stays': 'booked on a departing aircraft while other load of its base is still to leave, it stays for a later sortie',
  'russian arrival': 'foreign traffic, from the russian section',
  horizon: 'the run stopped unfinished',
};

/** The epilog of `retrograde trace --help`: every event name, in the order a sortie meets them, with what the less obvious ones mean. */
export function traceEventsHelp(): string {
  return `Events (the "event" field): ${TRACE_EVENTS.map((e) => (TRACE_NOTES[e] === undefined ? e : `${e} (${TRACE_NOTES[e]})`)).join(', ')}.`;
}

const NAMES = Object.keys(COMMANDS) as CommandName[];

/** The command word of `argv` (its first word that is not an option), if any. */
export function commandWord(argv: readonly string[]): string | undefined {
  return argv.find((w) => !w.startsWith('-'));
}

/** True when `word` is one of the commands. */
export function isCommand(word: string): word is CommandName {
  return (NAMES as string[]).includes(word);
}

/** `retrograde run <scenario> [options]`. */
export function usageLine(command: CommandName): string {
  return ['retrograde', command, COMMANDS[command].args, '[options]'].filter((w) => w !== '').join(' ');
}

/** The message for a command word that is not a command: a did-you-mean when close, and the list of commands. */
export function unknownCommand(word: string): string {
  const guess = didYouMean(word, NAMES);
  return `unknown command "${word}"${guess ? `; did you mean "${guess}"?` : ''} (commands: ${NAMES.join(', ')})\nRun \`retrograde --help\` for usage.`;
}

/** The options given in `argv` as written (`--rnus`, `-z`; `--rnus=100` gives `--rnus`), in order. */
function optionsGiven(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).filter((w) => /^--?[^-\d]/.test(w)).map((w) => w.replace(/=.*$/s, ''));
}

const bare = (flag: string): string => flag.replace(/^--?/, '');
const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Rewrites a yargs failure `msg` for `command` (given `argv` and the option names yargs knows for
 * the command) as one clear message ending with where to read the usage. Messages it does not
 * know pass through.
 */
export function usageError(msg: string, argv: readonly string[], command: string | undefined, known: readonly string[]): string {
  if (command === undefined || !isCommand(command)) return `${msg}\nRun \`retrograde --help\` for usage.`;
  const help = `Run \`retrograde ${command} --help\` for usage.`;
  if (msg.startsWith('Not enough non-option arguments')) {
    return `retrograde ${command} needs ${COMMANDS[command].what}\nUsage: ${usageLine(command)}\n${help}`;
  }
  const missing = /^Missing required arguments?: (.*)$/s.exec(msg);
  if (missing !== null) return `retrograde ${command} needs ${(missing[1] as string).split(', ').map((n) => `--${n}`).join(' and ')}\n${help}`;
  const unknown = /^Unknown arguments?: (.*)$/s.exec(msg);
  if (unknown === null) return `${msg}\n${help}`;
  const names = (unknown[1] as string).split(', ');
  const flags = [...new Set(optionsGiven(argv).filter((f) => names.includes(bare(f)) || names.includes(camel(bare(f)))))];
  // The positional is an option to yargs too (--scenario), and --version says nothing about the command.
  const positionals = [...COMMANDS[command].args.matchAll(/<(\w+)/g)].map((m) => m[1]);
  const options = known.filter((o) => o !== 'version' && !positionals.includes(o));
  const lines: string[] = [];
  let unmatched = false;
  for (const flag of flags) {
    const guess = didYouMean(bare(flag), options);
    unmatched ||= guess === undefined;
    lines.push(`unknown option ${flag}${guess === undefined ? '' : `; did you mean --${guess}?`}`);
  }
  if (unmatched) lines.push(`the options of ${command} are ${options.map((o) => `--${o}`).join(', ')}`);
  // What yargs lists and no option accounts for is a word too many (`run a.yaml b.yaml`).
  const extra = names.filter((n) => !flags.some((f) => bare(f) === n || camel(bare(f)) === n));
  if (extra.length > 0) lines.push(`unexpected argument${extra.length === 1 ? '' : 's'} ${extra.map((e) => `"${e}"`).join(', ')}: the usage is ${usageLine(command)}`);
  return `${lines.join('\n')}\n${help}`;
}
