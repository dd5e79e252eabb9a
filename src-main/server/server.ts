// Browser mode: the same handlers as the Electron shell, over HTTP on loopback, with a
// per-launch token. The UI is the same renderer bundle, served statically.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { ApiError } from '../../src-shared/api/errors';
import { createHandlers, dispatch, isMethodName, type Handlers } from '../api/handlers';
import type { Services } from '../services';
import { allowedHosts, hasToken, isLoopback, isWildcard, newToken, refuseForeign } from './security';
import { securityHeaders, serveStatic } from './static';
import { UploadArea } from './uploads';
import { userDataDir } from '../config';

export interface ServeOptions {
  host?: string;
  port?: number;
  token?: string;
  rendererDir: string;
  /** The app's data folder; uploads go to its `uploads/` (default: the user-data folder). */
  dataDir?: string;
  /** The largest upload accepted, in bytes (default 20 GiB, and never more than the free disk less 1 GiB). */
  uploadLimitBytes?: number;
  /** GET /api/events: the stream of what watched folders changed (live-events.ts), when folders are watched. */
  liveEvents?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface RunningServer {
  server: Server;
  url: string;
  token: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;
/** How long closing waits for calls under way before it cuts their connections. */
const CLOSE_GRACE_MS = 1000;

export async function startServer(services: Services, options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const uploads = new UploadArea(options.dataDir ?? userDataDir(), options.uploadLimitBytes ?? uploadLimitFromEnv());
  const handlers = createHandlers(services, { sourceLabel: (path) => uploads.label(path), unnamedFolder: (dir) => uploads.isBatchFolder(dir) });
  let hosts = new Set<string>();
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // One line, no stack: a log a user may paste somewhere should not hold the server's insides.
      console.error(`lrscope: ${req.method} ${req.url?.split('?')[0]} failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { code: 'internal', message: 'internal error' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = refuseForeign(req, hosts);
    if (refusal) return sendJson(res, 403, { code: 'unauthorized', message: `request refused: ${refusal}` });
    const url = parseUrl(req.url);
    if (!url) return sendJson(res, 400, { code: 'invalid_input', message: 'malformed request URL' });
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
      return serveStatic(options.rendererDir, url.pathname, res);
    }
    if (!hasToken(req, token)) {
      return sendJson(res, 401, { code: 'unauthorized', message: 'missing or wrong token: open the URL lrscope printed' });
    }
    const route = url.pathname.slice('/api/'.length);
    if (route === 'events' && options.liveEvents) return options.liveEvents(req, res);
    if (route === 'upload') {
      if (req.method === 'DELETE') return uploads.forget(url.searchParams.get('batch') ?? '', (status, body) => sendJson(res, status, body));
      return uploads.receive(req, (status, body) => sendJson(res, status, body));
    }
    if (route === 'info' && req.method === 'GET') return call(handlers, 'app.info', {}, res);
    if (req.method !== 'POST') return sendJson(res, 405, { code: 'invalid_input', message: 'use POST for API calls' });
    if (!isMethodName(route)) return sendJson(res, 404, { code: 'not_found', message: `no API method "${route}"` });
    const body = await readJson(req);
    if (body instanceof ApiError) return sendJson(res, 400, body.toBody());
    return call(handlers, route, body, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(host, port);
  const shown = isLoopback(host) ? '127.0.0.1' : isWildcard(host) ? hostname() : host;
  const urlHost = shown.includes(':') ? `[${shown}]` : shown;
  return {
    server,
    token,
    host,
    port,
    url: `http://${urlHost}:${port}/?token=${token}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          uploads.dispose();
          resolve();
        });
        // A kept-alive connection busy when closing began stays open after its answer, and a
        // client may send it another request (a page reopening its event stream did, and the
        // server never closed): every connection is cut once the calls under way had time to end.
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      }),
  };
}

/** The request's URL, or null when it cannot be one (a malformed percent-encoding is the client's error). */
function parseUrl(raw: string | undefined): URL | null {
  try {
    const url = new URL(raw ?? '/', 'http://local');
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
}

function uploadLimitFromEnv(): number | undefined {
  const gib = Number(process.env.LRSCOPE_UPLOAD_LIMIT_GIB);
  return gib > 0 ? gib * 1024 ** 3 : undefined;
}

async function call(handlers: Handlers, name: Parameters<typeof dispatch>[1], body: unknown, res: ServerResponse) {
  const result = await dispatch(handlers, name, body);
  if (result.ok) sendJson(res, 200, result.value);
  else sendJson(res, result.status, result.error);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  securityHeaders(res);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return new ApiError('invalid_input', `request body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return new ApiError('invalid_input', 'request body is not valid JSON');
  }
}
