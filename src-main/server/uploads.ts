// Browser mode's file import: the page streams each picked or dropped file to
// `PUT /api/upload?batch=<id>&path=<relative path>`; the server writes it under a temp folder
// (never into memory whole) and the import then reads it from there like any local file.
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

export class UploadArea {
  readonly root = join(tmpdir(), `lrscope-uploads-${process.pid}-${randomUUID().slice(0, 8)}`);

  /** The folder one batch (one pick or drop) lands in; a folder upload keeps its layout there. */
  batchDir(batch: string): string {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(batch)) throw new Error('batch must be letters, digits and dashes');
    return join(this.root, batch);
  }

  /** The folder of one batch itself: loose picked files land there, and its name (an id) means nothing. */
  isBatchFolder(dir: string): boolean {
    return dirname(dir) === this.root;
  }

  forget(batch: string): void {
    rmSync(this.batchDir(batch), { recursive: true, force: true });
  }

  /** `upload:<name as picked>` for a file under the upload area; other paths as they are. */
  label(path: string): string {
    if (!path.startsWith(this.root + sep)) return path;
    const [, ...rest] = path.slice(this.root.length + 1).split(sep); // drop the batch folder
    return `upload:${rest.join('/')}`;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  async receive(req: IncomingMessage, res: ServerResponse, send: (status: number, body: unknown) => void): Promise<void> {
    if (req.method !== 'PUT') return send(405, { code: 'invalid_input', message: 'upload with PUT' });
    const url = new URL(req.url ?? '/', 'http://local');
    const batch = url.searchParams.get('batch') ?? '';
    const relative = url.searchParams.get('path') ?? '';
    let target: string;
    try {
      target = safeJoin(this.batchDir(batch), relative);
    } catch (err) {
      return send(400, { code: 'invalid_input', message: `upload refused: ${(err as Error).message}` });
    }
    mkdirSync(dirname(target), { recursive: true });
    await pipeline(req, createWriteStream(target));
    send(200, { path: target, batchDir: this.batchDir(batch) });
  }
}

function safeJoin(base: string, relative: string): string {
  const clean = normalize(relative).replace(/^([/\\])+/, '');
  if (!clean || clean.split(/[/\\]/).includes('..')) throw new Error(`"${relative}" is not a plain relative file path`);
  const target = join(base, clean);
  if (!target.startsWith(base + sep)) throw new Error(`"${relative}" leaves the upload folder`);
  return target;
}
