// Browser mode under bad requests and lock contention (issue 11): client errors are 4xx with a JSON
// reason and no stack trace; a write that meets an import's lock does not stop the server.
import { existsSync, mkdirSync, readdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/database';
import { openServices, type Services } from '../services';
import { startServer, type RunningServer } from './server';

let dir: string;
let services: Services;
let server: RunningServer;
let errors: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lrscope-server-hardening-'));
  services = openServices(join(dir, 'db.sqlite'), 'browser');
  server = await startServer(services, { rendererDir: join(dir, 'no-ui'), dataDir: join(dir, 'data') });
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  errors.mockRestore();
  await server.close();
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`http://127.0.0.1:${server.port}${path}`, { ...init, headers: { authorization: `Bearer ${server.token}`, ...(init.headers ?? {}) } });
}

describe('11. a write that meets an import\'s lock', () => {
  it('waits without blocking the event loop: /api/info answers while the write waits, then the write succeeds', async () => {
    const holder = openDatabase(join(dir, 'db.sqlite')).db;
    holder.prepare('BEGIN IMMEDIATE').run(); // as an import in another process holds it
    const order: string[] = [];
    const write = api('/api/runs.create', { method: 'POST', body: JSON.stringify({ name: 'during import' }) }).then((r) => {
      order.push('write');
      return r;
    });
    const info = await api('/api/info');
    order.push('info');
    expect(info.status).toBe(200);
    holder.prepare('COMMIT').run();
    holder.close();
    const written = await write;
    expect(order).toEqual(['info', 'write']);
    expect(written.status).toBe(200);
    expect(services.runs.list().map((r) => r.name)).toEqual(['during import']);
  });
});

/** A raw request (fetch would normalise a malformed path), as the probes sent it. */
function raw(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { authorization: `Bearer ${server.token}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function noStackLogged(): void {
  for (const call of errors.mock.calls) expect(String(call[0])).not.toMatch(/\n\s+at /);
  for (const call of errors.mock.calls) expect(call[0]).not.toBeInstanceOf(Error);
}

describe('9. client errors are 4xx with a JSON reason, no stack in the log', () => {
  it.each([
    ['a malformed percent-encoding in the path', 'GET', '/%E0%A4%A', 400, /malformed/],
    ['an upload path with %00', 'PUT', '/api/upload?batch=b1&path=a%00.csv', 400, /control character/],
    ['DELETE of a batch that leaves the upload folder', 'DELETE', '/api/upload?batch=../../etc', 400, /batch must be/],
    ['DELETE without a batch', 'DELETE', '/api/upload', 400, /batch must be/],
    ['an upload that climbs out', 'PUT', '/api/upload?batch=b1&path=../x.csv', 400, /not a plain relative file path/],
  ])('%s', async (_what, method, path, status, message) => {
    const res = await raw(method, path, method === 'PUT' ? 'step,loss\n0,1\n' : undefined);
    expect(res.status).toBe(status);
    if (path.startsWith('/api/')) expect((JSON.parse(res.body) as { message: string }).message).toMatch(message);
    else expect(res.body).toMatch(message);
    noStackLogged();
  });

  it('a parent that is a file, and an existing folder as the target: 409', async () => {
    expect((await raw('PUT', '/api/upload?batch=b2&path=run/a.csv', 'step,loss\n0,1\n')).status).toBe(200);
    const parentIsFile = await raw('PUT', '/api/upload?batch=b2&path=run/a.csv/b.csv', 'x');
    expect(parentIsFile.status).toBe(409);
    expect(JSON.parse(parentIsFile.body)).toMatchObject({ code: 'conflict' });
    const folderAsTarget = await raw('PUT', '/api/upload?batch=b2&path=run', 'x');
    expect(folderAsTarget.status).toBe(409);
    noStackLogged();
  });

  it('an aborted upload logs one line', async () => {
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port: server.port, method: 'PUT', path: '/api/upload?batch=b3&path=big.csv', headers: { authorization: `Bearer ${server.token}`, 'content-length': '1000000' } });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(1000, 0x31), () => setTimeout(() => req.destroy(), 50));
    });
    await expect.poll(() => errors.mock.calls.length).toBe(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/^lrscope: upload of "big\.csv" aborted by the browser$/);
  });
});

describe('10. uploads', () => {
  it('land in a 0700 folder under the data folder, files 0600', async () => {
    const res = await raw('PUT', '/api/upload?batch=b4&path=logs/m.csv', 'step,loss\n0,1\n');
    const { path } = JSON.parse(res.body) as { path: string };
    expect(path.startsWith(join(dir, 'data', 'uploads') + '/')).toBe(true);
    expect(statSync(join(dir, 'data', 'uploads')).mode & 0o777).toBe(0o700);
    expect(statSync(dirname(dirname(dirname(path)))).mode & 0o777).toBe(0o700);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('what a killed server left is swept at start; a live server\'s folder is kept', async () => {
    const dead = join(dir, 'data', 'uploads', '999999999-deadbeef');
    const live = join(dir, 'data', 'uploads', `${process.pid}-cafecafe`);
    mkdirSync(join(dead, 'b'), { recursive: true });
    writeFileSync(join(dead, 'b', 'x.csv'), 'leftover');
    mkdirSync(live);
    const second = await startServer(services, { rendererDir: join(dir, 'no-ui'), dataDir: join(dir, 'data') });
    await second.close();
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('over the size limit: 413 with a message, nothing kept', async () => {
    const small = await startServer(services, { rendererDir: join(dir, 'no-ui'), dataDir: join(dir, 'data2'), uploadLimitBytes: 1000 });
    try {
      const declared = await fetch(`http://127.0.0.1:${small.port}/api/upload?batch=b5&path=big.csv`, { method: 'PUT', body: Buffer.alloc(5000, 0x31), headers: { authorization: `Bearer ${small.token}` } });
      expect(declared.status).toBe(413);
      expect(((await declared.json()) as { message: string }).message).toMatch(/larger than the limit/);
      // Chunked: no length declared, the cap counts as the bytes come; the partial file is removed.
      const chunked = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: small.port, method: 'PUT', path: '/api/upload?batch=b6&path=big.csv', headers: { authorization: `Bearer ${small.token}` } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.write(Buffer.alloc(800, 0x31));
        req.end(Buffer.alloc(800, 0x31));
      });
      expect(chunked).toBe(413);
      const uploads = join(dir, 'data2', 'uploads');
      expect(readdirSync(uploads, { recursive: true }).filter((f) => String(f).endsWith('.csv'))).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
