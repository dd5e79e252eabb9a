// The Electron shell: one locked-down window over the same services as browser mode.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { databasePath } from '../config';
import { appRoot } from '../db/paths';
import { openServices, type Services } from '../services';
import { SHELL_CHANNELS } from '../../src-shared/api/shell';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appRequestFile } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from '../server/security';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { applyContentSecurityPolicy, denyPermissions, lockNavigation, windowOptions } from './window';

function dbFlag(): string | undefined {
  const i = process.argv.indexOf('--db');
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Every `--logdir DIR` given (`npm start -- --logdir runs/`), as `lrscope serve` takes them. */
function logdirFlags(): string[] {
  return process.argv.flatMap((arg, i) => (arg === '--logdir' && process.argv[i + 1] ? [process.argv[i + 1]!] : arg.startsWith('--logdir=') ? [arg.slice(9)] : []));
}

/** better-sqlite3 built for Electron's ABI by scripts/postinstall.mjs, beside the Node build. */
function electronNativeBinding(): string | undefined {
  const file = join(appRoot(), 'native', 'electron', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

let services: Services | undefined;

async function createWindow(): Promise<void> {
  const file = databasePath(dbFlag() ?? process.env.LRSCOPE_DB ?? join(app.getPath('userData'), 'lrscope.sqlite'));
  services = openServices(file, 'electron', { nativeBinding: electronNativeBinding() });
  const rendererDir = join(appRoot(), 'out', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appRequestFile(request.url, rendererDir);
    if (!file) return new Response('not found', { status: 404 });
    // The CSP travels with each response of the protocol itself (webRequest does not see them).
    const found = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(found.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(found.body, { status: found.status, headers });
  });
  const appUrl = APP_URL;
  registerIpc(ipcMain, services, appUrl);
  applyContentSecurityPolicy(session.defaultSession);
  denyPermissions(session.defaultSession);

  const devTools = !app.isPackaged;
  const win = new BrowserWindow(windowOptions(join(appRoot(), 'out', 'preload', 'index.cjs'), devTools));
  lockNavigation(win.webContents, appUrl);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        openLog: () =>
          void dialog.showOpenDialog(win, { title: 'Import a training log', properties: ['openFile', 'multiSelections'] }).then((r) => {
            if (!r.canceled) win.webContents.send(SHELL_CHANNELS.openFiles, r.filePaths);
          }),
        navigate: (hash) => void win.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(hash)}`),
      }, devTools),
    ),
  );
  // Watched folders: the same service as browser mode; changes reach the page as an IPC event.
  for (const dir of logdirFlags()) {
    try {
      services.watch.add(dir);
    } catch (err) {
      dialog.showErrorBox('lrscope cannot watch that folder', err instanceof Error ? err.message : String(err));
    }
  }
  services.watch.subscribe((event) => {
    if (!win.isDestroyed()) win.webContents.send(SHELL_CHANNELS.live, event);
  });
  services.watch.start();
  win.once('ready-to-show', () => win.show());
  await win.loadURL(appUrl);
}

app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.on('web-contents-created', (_event, contents) => contents.setWindowOpenHandler(() => ({ action: 'deny' })));
app.whenReady().then(createWindow, (err: unknown) => {
  dialog.showErrorBox('lrscope could not start', err instanceof Error ? err.message : String(err));
  app.quit();
});
app.on('window-all-closed', () => {
  services?.close();
  app.quit();
});
