import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { allowedHosts, hasToken, refuseForeign } from './security';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('browser-mode request checks', () => {
  const hosts = allowedHosts('127.0.0.1', 6061);

  it('accept loopback hosts on our port, and same-origin pages', () => {
    expect(refuseForeign(req({ host: '127.0.0.1:6061' }), hosts)).toBeNull();
    expect(refuseForeign(req({ host: 'localhost:6061', origin: 'http://localhost:6061' }), hosts)).toBeNull();
  });

  it('refuse DNS-rebinding hosts, other ports and foreign origins', () => {
    expect(refuseForeign(req({ host: 'evil.example:6061' }), hosts)).toMatch(/foreign Host/);
    expect(refuseForeign(req({ host: '127.0.0.1:7000' }), hosts)).toMatch(/foreign Host/);
    expect(refuseForeign(req({ host: '127.0.0.1:6061', origin: 'http://evil.example' }), hosts)).toMatch(/foreign Origin/);
    expect(refuseForeign(req({ host: '127.0.0.1:6061', origin: 'null' }), hosts)).toMatch(/opaque Origin/);
  });

  it('require the exact bearer token', () => {
    expect(hasToken(req({ authorization: 'Bearer abc' }), 'abc')).toBe(true);
    expect(hasToken(req({ authorization: 'Bearer abcd' }), 'abc')).toBe(false);
    expect(hasToken(req({ authorization: 'abc' }), 'abc')).toBe(false);
    expect(hasToken(req({}), 'abc')).toBe(false);
  });

  it('allow the bound address when serving beyond loopback', () => {
    expect(allowedHosts('10.1.2.3', 80).has('10.1.2.3:80')).toBe(true);
    expect(allowedHosts('10.1.2.3', 80).has('evil.example:80')).toBe(false);
  });

  it("allow this machine's own names when bound to every address", () => {
    const hosts = allowedHosts('0.0.0.0', 6061);
    expect(hosts.has(`${hostname().toLowerCase()}:6061`)).toBe(true);
    expect(hosts.has('127.0.0.1:6061')).toBe(true);
    expect(hosts.has('evil.example:6061')).toBe(false);
    expect(hosts.has('0.0.0.0:6061')).toBe(false);
  });
});
