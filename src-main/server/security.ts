import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

/** This machine's own names: what a remote browser puts in Host when lrscope listens on all addresses. */
function ownNames(): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address));
  return [hostname(), ...addresses];
}

/**
 * The Host names a request may carry: loopback names, plus the bound address itself (or, bound to
 * every address, each of this machine's). Anything else is a DNS-rebinding attempt or a mistake.
 */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '::1']);
  if (isWildcard(bindHost)) ownNames().forEach((n) => names.add(n));
  else if (!isLoopback(bindHost)) names.add(bindHost);
  return new Set([...names].map((n) => `${n.includes(':') ? `[${n}]` : n}:${port}`.toLowerCase()));
}

/**
 * Refuses a foreign Host (DNS rebinding) or a foreign Origin (another site's page calling us).
 * Returns the reason, or null when the request may proceed.
 */
export function refuseForeign(req: IncomingMessage, hosts: Set<string>): string | null {
  const host = req.headers.host ?? '';
  if (!hosts.has(host.toLowerCase())) return `foreign Host header "${host}"`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    const originHost = URL.canParse(origin) ? new URL(origin).host : null;
    if (originHost === null) return `malformed Origin header "${origin}"`;
    if (!hosts.has(originHost.toLowerCase())) return `foreign Origin "${origin}"`;
  } else if (origin === 'null') {
    return 'opaque Origin "null"';
  }
  return null;
}

export function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The renderer's CSP; the Electron window sets the same one (see src-main/electron/window.ts). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
