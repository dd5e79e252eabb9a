// GET /api/events: a server-sent event stream of what watched folders changed, for browser mode.
// It sits behind the same token check as every API call: the page reads it with fetch (which,
// unlike EventSource, can send the Authorization header), so the token never goes in a URL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveEvent } from '../../src-shared/api/watch-types';
import type { WatchService } from '../watch/service';
import { securityHeaders } from './static';

/** A comment line now and then keeps proxies and idle timeouts from closing the stream. */
const HEARTBEAT_MS = 15_000;

export interface LiveEventsRoute {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every open stream and refuses new ones (the server cannot close while one is open). */
  closeAll(): void;
}

export function liveEventsRoute(watch: WatchService): LiveEventsRoute {
  const open = new Set<ServerResponse>();
  let closing = false;
  return {
    handle(req, res) {
      if (req.method !== 'GET') {
        res.writeHead(405).end();
        return;
      }
      // Shutting down: a page reopening its stream (it does a second after the stream ends) must
      // not hold the server open; it tries again, and finds the restarted server.
      if (closing) {
        res.writeHead(503, { Connection: 'close', 'Retry-After': '1' }).end();
        return;
      }
      securityHeaders(res);
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': lrscope live events\n\n');
      const send = (event: LiveEvent) => res.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
      const unsubscribe = watch.subscribe(send);
      const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
      open.add(res);
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
      };
      req.on('close', stop);
      res.on('close', stop);
    },
    closeAll() {
      closing = true;
      for (const res of open) res.end();
      open.clear();
    },
  };
}
