// Browser mode's file import: the page streams each picked or dropped file to
// `PUT /api/upload?batch=<id>&path=<relative path>`; the server writes it under the app's data
// folder (never into memory whole) and the import then reads it from there like any local file.
// The folder is private (0700, files 0600: training logs are the user's, not every local user's),
// its leftovers from a server that was killed are swept at start-up, and uploads are size-capped.
import { randomUUID } from 'node:crypto';
import { chmodSync, createWriteStream, lstatSync, mkdirSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname, join, normalize, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The default cap: generous (a multi-GB event file is normal), but never the whole disk. */
export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 ** 3;
/** What is left free on the disk whatever the limit says. */
const DISK_MARGIN = 1024 ** 3;

type Send = (status: number, body: { code: string; message: string } | Record<string, unknown>) => void;

class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class UploadArea {
  /** `<dataDir>/uploads`: one folder per running server, named `<pid>-<random>`. */
  readonly parent: string;
  readonly root: string;

  constructor(
    dataDir: string,
    private readonly limitBytes = DEFAULT_UPLOAD_LIMIT,
  ) {
    this.parent = join(dataDir, 'uploads');
    this.root = join(this.parent, `${process.pid}-${randomUUID().slice(0, 8)}`);
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    chmodSync(this.parent, 0o700); // mkdir's mode is filtered by the umask
    chmodSync(this.root, 0o700);
    this.sweep();
  }

  /** Removes what servers that died (kill -9) left behind; a live server's folder stays. */
  sweep(): void {
    for (const name of readdirSync(this.parent)) {
      const pid = Number(/^(\d+)-/.exec(name)?.[1]);
      if (join(this.parent, name) === this.root || (pid > 0 && pidAlive(pid))) continue;
      rmSync(join(this.parent, name), { recursive: true, force: true });
    }
  }

  /** The folder one batch (one pick or drop) lands in; a folder upload keeps its layout there. */
  batchDir(batch: string): string {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(batch)) throw new UploadRefused(400, 'invalid_input', 'batch must be 1 to 64 letters, digits and dashes');
    return join(this.root, batch);
  }

  /** The folder of one batch itself: loose picked files land there, and its name (an id) means nothing. */
  isBatchFolder(dir: string): boolean {
    return dirname(dir) === this.root;
  }

  /** DELETE /api/upload?batch=…: 400 for a batch that is not one of ours by its form. */
  forget(batch: string, send: Send): void {
    try {
      rmSync(this.batchDir(batch), { recursive: true, force: true });
      send(200, { ok: true });
    } catch (err) {
      refuse(err, send);
    }
  }

  /**
   * `upload:<name as picked>` for a file under the upload area; other paths as they are. A run read
   * from the batch folder itself (event files: a run per folder) is named by the files in it.
   */
  label(path: string): string {
    if (!path.startsWith(this.root + sep)) return path;
    const [, ...rest] = path.slice(this.root.length + 1).split(sep); // drop the batch folder
    if (rest.length > 0) return `upload:${rest.join('/')}`;
    const names = existingNames(path);
    return `upload:${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  /** The bytes an upload may have: the configured limit, or less when the disk is fuller. */
  limit(): number {
    try {
      const fs = statfsSync(this.root);
      return Math.max(0, Math.min(this.limitBytes, fs.bavail * fs.bsize - DISK_MARGIN));
    } catch {
      return this.limitBytes;
    }
  }

  async receive(req: IncomingMessage, send: Send): Promise<void> {
    if (req.method !== 'PUT') return send(405, { code: 'invalid_input', message: 'upload with PUT' });
    const url = new URL(req.url ?? '/', 'http://local');
    const relative = url.searchParams.get('path') ?? '';
    let target: string;
    let batchDir: string;
    try {
      batchDir = this.batchDir(url.searchParams.get('batch') ?? '');
      target = safeJoin(batchDir, relative);
      const limit = this.limit();
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > limit) throw tooLarge(limit);
      makeFolders(this.root, dirname(target));
      // Checked before streaming: a failed write stream makes pipeline destroy the request's socket,
      // and then no answer could reach the client.
      const existing = lstatSync(target, { throwIfNoEntry: false });
      if (existing) throw fileError(relative, Object.assign(new Error('exists'), { code: existing.isDirectory() ? 'EISDIR' : 'EEXIST' }));
      const cap = sizeCap(limit);
      try {
        await pipeline(req, cap, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
      } catch (err) {
        rmSync(target, { force: true }); // no partial file stays behind
        throw err;
      }
      if (cap.exceeded) {
        rmSync(target, { force: true });
        throw tooLarge(limit);
      }
    } catch (err) {
      if (err instanceof UploadRefused) {
        req.resume(); // drain what the client still sends, so it reads the answer
        return refuse(err, send);
      }
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'ECONNABORTED') {
        console.error(`lrscope: upload of "${relative}" aborted by the browser`);
        return;
      }
      return refuse(fileError(relative, err), send);
    }
    send(200, { path: target, batchDir });
  }
}

function tooLarge(limit: number): UploadRefused {
  return new UploadRefused(413, 'invalid_input', `upload refused: larger than the limit of ${(limit / 1024 ** 3).toFixed(1)} GiB (the configured limit, or the free disk space less 1 GiB)`);
}

/**
 * Counts bytes as they stream (a chunked upload declares no length). Past the limit the rest is
 * read and dropped rather than failing the stream: pipeline would destroy the socket, and the
 * client would see a reset instead of the 413 that says why.
 */
function sizeCap(limit: number): Transform & { exceeded: boolean } {
  let seen = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) cap.exceeded = true;
      done(null, cap.exceeded ? undefined : chunk);
    },
  }) as Transform & { exceeded: boolean };
  cap.exceeded = false;
  return cap;
}

/** mkdir -p with 0700 folders; a path part that is a file is the client's conflict, not ours. */
function makeFolders(root: string, dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new UploadRefused(409, 'conflict', `upload refused: a part of "${dir.slice(root.length + 1)}" is already a file`);
    throw err;
  }
}

function fileError(relative: string, err: unknown): UploadRefused {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return new UploadRefused(409, 'conflict', `upload refused: "${relative}" was already uploaded in this batch`);
  if (code === 'EISDIR') return new UploadRefused(409, 'conflict', `upload refused: "${relative}" is a folder`);
  if (code === 'ENOTDIR') return new UploadRefused(409, 'conflict', `upload refused: a part of "${relative}" is a file`);
  if (code === 'ENOSPC') return new UploadRefused(507, 'internal', 'upload refused: the disk is full');
  return new UploadRefused(500, 'internal', `upload failed: ${err instanceof Error ? err.message : String(err)}`);
}

function refuse(err: unknown, send: Send): void {
  if (!(err instanceof UploadRefused)) throw err;
  send(err.status, { code: err.code, message: err.message });
}

function safeJoin(base: string, relative: string): string {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f]/.test(relative)) throw new UploadRefused(400, 'invalid_input', `"${JSON.stringify(relative).slice(1, -1)}" holds a control character`);
  const clean = normalize(relative).replace(/^([/\\])+/, '');
  if (!clean || clean === '.' || clean.split(/[/\\]/).includes('..')) throw new UploadRefused(400, 'invalid_input', `upload refused: "${relative}" is not a plain relative file path`);
  const target = join(base, clean);
  if (!target.startsWith(base + sep)) throw new UploadRefused(400, 'invalid_input', `upload refused: "${relative}" leaves the upload folder`);
  return target;
}

function existingNames(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
