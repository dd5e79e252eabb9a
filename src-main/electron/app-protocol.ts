// The renderer is served from app://lrscope/, a custom protocol (protocol.handle), not file://:
// then the page has an origin of its own that no file on disk and no web site can claim, and the
// navigation lock and the IPC sender check compare scheme, host and path, the whole of it.
// (Electron's security checklist, "Use a custom protocol instead of file://".)
import { extname, join, normalize, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'lrscope';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Registered before the app is ready: a standard, secure scheme (so it has a real origin and fetch works). */
export const APP_SCHEME_PRIVILEGES = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } };

/** Whether a URL is the app's page (any #route): same scheme, same host, same path. */
export function isAppPage(url: string, appUrl: string): boolean {
  if (!URL.canParse(url) || !URL.canParse(appUrl)) return false;
  const u = new URL(url);
  const app = new URL(appUrl);
  // URL.origin is "null" for custom schemes, so the parts are compared one by one.
  return u.protocol === app.protocol && u.host === app.host && u.pathname === app.pathname && u.username === '' && u.password === '' && u.port === app.port;
}

/**
 * The file under `rendererDir` that an app:// request names, or null (another host, a path that
 * leaves the folder, a NUL). `/` is the page itself.
 */
export function appRequestFile(requestUrl: string, rendererDir: string): string | null {
  if (!URL.canParse(requestUrl)) return null;
  const url = new URL(requestUrl);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const clean = normalize(path === '/' ? '/index.html' : path).replace(/^([/\\])+/, '');
  const file = join(rendererDir, clean);
  if (!file.startsWith(rendererDir + sep) || extname(file) === '') return null;
  return file;
}
