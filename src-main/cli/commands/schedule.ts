import { collect, evalJobs, evalRange, runEvents, type CommandResult, type Output, type OutputFormat } from './schedule-eval';
import { intFlag, parseCommand, UsageError, type CommandDoc } from '../args';
import type { Io } from '../output';

async function emit(result: CommandResult, io: Io): Promise<number> {
  if (result.stdout) await io.write(result.stdout);
  if (result.stderr) io.err(result.stderr);
  return result.code;
}

/** Writes the output chunk by chunk as it is computed (bounded memory for any length). */
async function stream(output: Output, io: Io): Promise<number> {
  if ('error' in output) return emit(collect(output), io);
  for (const chunk of output.chunks) await io.write(chunk);
  return 0;
}

const SPEC_HELP = 'the schedule: a JSON object, `kind` plus the library\'s parameter names (src-shared/schedule/README.md)';
const RANGES = 'Ranges: --from A --to B is the steps A to B, both included, in every lrscope command (eval, events, series).';

export const evalDoc = {
  usage: "--spec '<json>' --to B [--from A] [--every N] [--csv]   or   eval [--csv] < jobs.json",
  summary: 'The learning rate at each step, as TensorFlow, Keras or PyTorch computes it. Written while computed: 100M steps run in bounded memory.',
  options: {
    spec: { type: 'string', value: "'<json>'", help: SPEC_HELP, defaultText: 'none: read jobs from stdin' },
    from: { type: 'string', value: 'A', help: 'the first step, included', defaultText: '0' },
    to: { type: 'string', value: 'B', help: 'the last step, included; required with --spec' },
    every: { type: 'string', value: 'N', help: 'every N-th step from A', defaultText: '1' },
    csv: { type: 'boolean', help: 'CSV rows: step,lr (stdin jobs: job,step,lr); non-finite as nan/inf', defaultText: 'JSON' },
  },
  notes: [
    'With --spec: a JSON array of rates for steps A, A+N, … up to B. Non-finite rates are null.',
    'Without --spec, stdin holds [{"spec": {…}, "steps": [ints]}, …] and the output is one array of rates per job.',
    RANGES,
    'Exit code 2 with the reasons on stderr (and nothing on stdout) for an invalid spec, range or input.',
  ],
} satisfies CommandDoc;

export async function evalCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(argv, evalDoc);
  const format: OutputFormat = values.csv ? 'csv' : 'json';
  if (values.spec === undefined) {
    if (values.from !== undefined || values.to !== undefined || values.every !== undefined) throw new UsageError('--from, --to and --every need --spec');
    return stream(evalJobs(await io.readStdin(), format), io);
  }
  if (values.to === undefined) throw new UsageError('--to is required with --spec (the last step, included)');
  const range = { from: intFlag(values.from, '--from', 0)!, to: intFlag(values.to, '--to')!, every: intFlag(values.every, '--every', 1)! };
  return stream(evalRange(values.spec, range, format), io);
}

export const eventsDoc = {
  usage: "--spec '<json>' --to B [--from A]",
  summary: "The schedule's events: restarts, staircase drops, the end of warmup and phase changes, with the rates before and after, as JSON.",
  options: {
    spec: { type: 'string', value: "'<json>'", help: `${SPEC_HELP}; required` },
    from: { type: 'string', value: 'A', help: 'the first step, included', defaultText: '0' },
    to: { type: 'string', value: 'B', help: 'the last step, included; required' },
  },
  notes: [RANGES, 'An event at step k means the rate changes between step k-1 and step k.'],
} satisfies CommandDoc;

export async function eventsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(argv, eventsDoc);
  if (values.spec === undefined) throw new UsageError('--spec is required');
  if (values.to === undefined) throw new UsageError('--to is required (the last step, included)');
  return emit(runEvents({ spec: values.spec, from: intFlag(values.from, '--from', 0)!, to: intFlag(values.to, '--to')! }), io);
}
