import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with lrscope's error wording; unknown flags are refused, not ignored. */
export function parse<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export function intFlag(value: string | undefined, flag: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  return n;
}

/** One option of a command, as parsed and as `--help` shows it: one declaration for both. */
export interface OptionDoc {
  type: 'string' | 'boolean';
  /** The value's placeholder in the help (FILE, N, ADDR). */
  value?: string;
  help: string;
  /** What applies when the option is absent, in words (shown, not applied: the command applies it). */
  defaultText?: string;
  /** May be given more than once (the values come as a list). */
  multiple?: boolean;
}

export interface CommandDoc {
  /** The command line after `lrscope NAME`, e.g. "PATH… [options]". */
  usage: string;
  summary: string;
  options: Record<string, OptionDoc>;
  /** Further lines: input formats, ranges, exit codes. */
  notes?: string[];
}

/** The --db option every database command takes. */
export const DB_OPTION = { type: 'string', value: 'FILE', help: 'the SQLite database', defaultText: '$LRSCOPE_DB, else lrscope.sqlite in the user-data folder' } as const satisfies OptionDoc;

/** A command's options, parsed from its CommandDoc (unknown flags refused). */
export function parseCommand<D extends CommandDoc>(argv: string[], doc: D, allowPositionals = false) {
  const options = Object.fromEntries(Object.entries(doc.options).map(([name, o]) => [name, { type: o.type, multiple: o.multiple ?? false }])) as {
    [K in keyof D['options']]: { type: D['options'][K]['type']; multiple: D['options'][K]['multiple'] extends true ? true : false };
  };
  return parse(argv, options, allowPositionals);
}

/** `lrscope NAME --help`: usage, summary, every option with its default, notes. */
export function commandHelp(name: string, doc: CommandDoc): string {
  const flags = Object.entries(doc.options).map(([flag, o]) => [`--${flag}${o.value ? ` ${o.value}` : ''}`, o] as const);
  const width = Math.max(0, ...flags.map(([f]) => f.length));
  const lines = flags.map(([f, o]) => `  ${f.padEnd(width)}  ${o.help}${o.defaultText ? ` (default: ${o.defaultText})` : ''}`);
  lines.push(`  ${'--help'.padEnd(width)}  this help`);
  return [`usage: lrscope ${name} ${doc.usage}`, '', doc.summary, '', 'options:', ...lines, ...(doc.notes?.length ? ['', ...doc.notes] : [])].join('\n');
}

/** Whether the user asked for help (before a `--`, which ends the options). */
export function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
