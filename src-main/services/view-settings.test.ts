import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../api/handlers';
import { openServices } from './index';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('view settings', () => {
  it('are {} until saved, then survive reopening the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrscope-settings-'));
    dirs.push(dir);
    const file = join(dir, 'db.sqlite');
    let s = openServices(file, 'browser');
    const h = createHandlers(s);
    expect(await dispatch(h, 'settings.get', { view: 'run' })).toEqual({ ok: true, value: { view: 'run', settings: {} } });
    await dispatch(h, 'settings.save', { view: 'run', settings: { grid: { filter: '^val', pinned: ['loss'] } } });
    await dispatch(h, 'settings.save', { view: 'app', settings: { theme: 'dark' } });
    s.close();
    s = openServices(file, 'electron');
    expect(s.viewSettings.get('run').settings).toEqual({ grid: { filter: '^val', pinned: ['loss'] } });
    expect(s.viewSettings.get('app').settings).toEqual({ theme: 'dark' });
    s.close();
  });

  it('refuse an unknown view and oversized settings, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrscope-settings-'));
    dirs.push(dir);
    const s = openServices(join(dir, 'db.sqlite'), 'browser');
    const h = createHandlers(s);
    const bad = await dispatch(h, 'settings.get', { view: 'other' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.[0]).toMatchObject({ field: 'view' });
    const big = await dispatch(h, 'settings.save', { view: 'run', settings: { x: 'a'.repeat(70_000) } });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.error.message).toMatch(/64 KiB/);
    s.close();
  });
});
