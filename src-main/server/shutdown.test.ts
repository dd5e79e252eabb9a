// Stopping `lrscope serve` (SIGTERM, as the e2e restart and Ctrl-C do) must end the process even
// while the page is talking to it. The page reopens its event stream a second after the server
// ends it, over a kept-alive connection that was busy when the server began to close; that stream
// kept server.close() waiting for ever (the e2e compare restart hung until its timeout).
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openServices, type Services } from '../services';
import { liveEventsRoute, type LiveEventsRoute } from './live-events';
import { startServer, type RunningServer } from './server';

let dir: string;
let services: Services;
let events: LiveEventsRoute;
let server: RunningServer;
let agent: Agent;
let release: () => void = () => undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lrscope-shutdown-'));
  services = openServices(join(dir, 'db.sqlite'), 'browser');
  events = liveEventsRoute(services.watch);
  // 'slow' answers when the test says so: a call still in flight when the server begins to close.
  const slow = (_req: IncomingMessage, res: import('node:http').ServerResponse) => {
    release = () => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('done');
  };
  // The server's one extra route is the event stream; `?slow` stands in for any call still in flight.
  const liveEvents = (req: IncomingMessage, res: import('node:http').ServerResponse) => (req.url?.includes('slow') ? slow(req, res) : events.handle(req, res));
  server = await startServer(services, { rendererDir: join(dir, 'no-ui'), dataDir: join(dir, 'data'), liveEvents });
  // One kept-alive connection, as a page reuses its own.
  agent = new Agent({ keepAlive: true, maxSockets: 1 });
});

afterEach(() => {
  agent.destroy();
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, agent, headers: { authorization: `Bearer ${server.token}` } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p.then(() => 'closed'), new Promise<string>((r) => setTimeout(() => r(`still open after ${ms} ms`), ms).unref())]);

it('closes although the page reopens its event stream on a connection busy at shutdown', async () => {
  const busy = get('/api/events?slow');
  await new Promise((r) => setTimeout(r, 50)); // the call has reached the server
  // What serve does on SIGTERM: end the streams, stop the watcher, close the server.
  events.closeAll();
  await services.watch.close();
  const closing = server.close();
  release();
  (await busy).resume();
  // The page's reconnect, on the connection the call left open.
  const reopened = await get('/api/events').catch(() => null);
  reopened?.resume();
  expect(await within(3000, closing)).toBe('closed');
  expect(reopened === null || reopened.statusCode !== 200).toBe(true);
});

it('closes although a call never answers: its connection is cut after a grace period', async () => {
  const hung = get('/api/events?slow').catch(() => null); // never released
  await new Promise((r) => setTimeout(r, 50));
  expect(await within(3000, server.close())).toBe('closed');
  expect(await hung).toBeNull(); // the client sees its connection end
});
