// Starting `lrscope serve` as a child process, for the e2e fixtures and the browser benches.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const LRSCOPE = join(import.meta.dirname, '..', 'bin', 'lrscope.mjs');

export interface ServerHandle {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `lrscope serve` on a random loopback port and waits for the URL it prints. */
export async function startServe(dbFile: string, extraArgs: string[] = []): Promise<ServerHandle> {
  const child = spawn(process.execPath, [LRSCOPE, 'serve', '--db', dbFile, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: '' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`lrscope serve exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
