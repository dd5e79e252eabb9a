export interface Io {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  /** Raw stdout for long outputs, written as they are computed; resolves when more may be written. */
  write(chunk: string): Promise<void>;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  },
  // Waits for 'drain' when the pipe is full, so a long output never piles up in memory.
  write: (chunk) =>
    new Promise<void>((resolve, reject) => {
      if (process.stdout.write(chunk)) return resolve();
      const done = (err?: Error) => {
        process.stdout.off('drain', onDrain);
        process.stdout.off('error', done);
        if (err) reject(err);
        else resolve();
      };
      const onDrain = () => done();
      process.stdout.once('drain', onDrain);
      process.stdout.once('error', done);
    }),
};

/** A fixed-width table for the human-readable output of list commands. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}
