// The IPC side of the contract, with a stand-in for ipcMain (the Electron binary is absent here).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../src-shared/api/contract';
import { openServices, type Services } from '../services';
import { registerIpc } from './ipc';

const APP_URL = 'file:///app/out/renderer/index.html';
type Handler = (event: unknown, input: unknown) => Promise<unknown>;

let dir: string;
let services: Services;
const handlers = new Map<string, Handler>();
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lrscope-ipc-'));
  services = openServices(join(dir, 'db.sqlite'), 'electron');
  handlers.clear();
  registerIpc({ handle: (channel: string, fn: Handler) => handlers.set(channel, fn) } as never, services, APP_URL);
});
afterEach(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

const fromFrame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

describe('IPC', () => {
  it('registers exactly one channel per contract method', () => {
    expect([...handlers.keys()].sort()).toEqual([...methodNames].sort());
  });

  it('answers our page with an envelope, errors keeping their code and fields', async () => {
    const page = fromFrame(`${APP_URL}#/runs`);
    expect(await handlers.get('runs.create')!(page, { name: 'ipc run' })).toMatchObject({ ok: true, value: { name: 'ipc run' } });
    expect(await handlers.get('runs.rename')!(page, { id: 1, name: '' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'runs.rename: name: must not be empty', issues: [{ field: 'name', message: 'must not be empty' }] },
    });
  });

  it('refuses calls from another page or from a subframe, and does nothing for them', async () => {
    for (const event of [fromFrame('https://evil.example/'), fromFrame(APP_URL, { url: APP_URL })]) {
      expect(await handlers.get('runs.create')!(event, { name: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(services.runs.list()).toEqual([]);
  });
});
