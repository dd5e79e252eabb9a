// An Io that keeps what a command prints, for the CLI's tests.
import type { Io } from './output';

export function memoryIo(stdin = ''): Io & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    write: async (t) => void stdout.push(t),
    readStdin: async () => stdin,
    text: () => stdout.join(''),
  };
}
