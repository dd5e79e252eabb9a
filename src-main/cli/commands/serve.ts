import { databasePath } from '../../config';
import { appRoot } from '../../db/paths';
import { liveEventsRoute, type LiveEventsRoute } from '../../server/live-events';
import { startServer } from '../../server/server';
import { isLoopback } from '../../server/security';
import { openServices, type Services } from '../../services';
import { DB_OPTION, intFlag, parseCommand, type CommandDoc } from '../args';
import { openInBrowser } from '../open-browser';
import type { Io } from '../output';
import { join } from 'node:path';

export const serveDoc = {
  usage: '[options]',
  summary: 'Serves the UI to a browser: on loopback, every request needing the token the printed URL carries.',
  options: {
    db: DB_OPTION,
    port: { type: 'string', value: 'N', help: 'the port to listen on (0: any free port)', defaultText: '6061, or the next free port up to 6081' },
    host: { type: 'string', value: 'ADDR', help: 'the address to listen on; not loopback prints a warning', defaultText: '127.0.0.1' },
    open: { type: 'boolean', help: 'open the URL in the default browser (xdg-open, open, start)', defaultText: 'print the URL only' },
    logdir: { type: 'string', multiple: true, value: 'DIR', help: 'a folder of training logs to import and follow as they are written (repeatable; kept with the folders watched from the app)', defaultText: 'none' },
  },
} satisfies CommandDoc;

export async function serveCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(argv, serveDoc);
  const host = values.host ?? '127.0.0.1';
  const services = openServices(databasePath(values.db), 'browser');
  // --logdir folders are kept in the database with those added in the app, and all are followed.
  for (const dir of values.logdir ?? []) io.out(`watching ${services.watch.add(dir).path}`);
  services.watch.start();
  const events = liveEventsRoute(services.watch);
  const rendererDir = process.env.LRSCOPE_RENDERER_DIR ?? join(appRoot(), 'out', 'renderer');
  const server = await listenOnFreePort(services, host, intFlag(values.port, '--port'), rendererDir, events);
  if (!isLoopback(host)) {
    io.err(`warning: lrscope is listening on ${host}, reachable from other machines; the token is still required.`);
  }
  if (process.env.LRSCOPE_ANNOUNCE) io.out(process.env.LRSCOPE_ANNOUNCE);
  io.out(`lrscope is serving ${services.info.databasePath}`);
  io.out(`open ${server.url}`);
  if (values.open) {
    const how = openInBrowser(server.url);
    io.out(how ? `opened it with ${how}` : 'no browser could be opened here: open the URL above yourself');
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  events.closeAll();
  await services.watch.close();
  await server.close();
  services.close();
  return 0;
}

const DEFAULT_PORT = 6061;

/** An explicit --port must be free; the default moves up to the next free port, as Jupyter does. */
async function listenOnFreePort(services: Services, host: string, port: number | undefined, rendererDir: string, events: LiveEventsRoute) {
  for (let candidate = port ?? DEFAULT_PORT; ; candidate++) {
    try {
      return await startServer(services, { host, port: candidate, rendererDir, liveEvents: events.handle });
    } catch (err) {
      const busy = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!busy || port !== undefined || candidate >= DEFAULT_PORT + 20) throw err;
    }
  }
}
