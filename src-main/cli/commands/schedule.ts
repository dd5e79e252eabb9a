import { runEval, runEvents, type CommandResult } from '../schedule-commands';
import { intFlag, parse, UsageError } from '../args';
import type { Io } from '../output';

function emit(result: CommandResult, io: Io): number {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) io.err(result.stderr);
  return result.code;
}

export async function evalCommand(argv: string[], io: Io): Promise<number> {
  parse(argv, {});
  return emit(runEval(await io.readStdin()), io);
}

export async function eventsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { spec: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
  if (values.spec === undefined) throw new UsageError('--spec is required');
  return emit(runEvents({ spec: values.spec, from: intFlag(values.from, '--from', 0)!, to: intFlag(values.to, '--to') ?? NaN }), io);
}
