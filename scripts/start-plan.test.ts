import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPlan, type StartFs } from './start-plan.mjs';

const ROOT = '/work/lrscope';
const electronDir = join(ROOT, 'node_modules', 'electron');

function fakeFs(files: Record<string, string>): StartFs {
  return { exists: (p) => p in files, read: (p) => files[p] ?? '' };
}

describe('npm start', () => {
  // The names Electron's installer writes into path.txt on each platform (electron/install.js).
  for (const [platform, binary] of [['Linux', 'electron'], ['macOS', 'Electron.app/Contents/MacOS/Electron'], ['Windows', 'electron.exe']]) {
    it(`opens the Electron window where its binary is installed (${platform})`, () => {
      const path = join(electronDir, 'dist', binary!);
      const plan = startPlan(ROOT, '/usr/bin/node', fakeFs({ [join(electronDir, 'path.txt')]: `${binary}\n`, [path]: '' }));
      expect(plan).toEqual({ shell: 'electron', build: 'build', command: path, args: [join(ROOT, 'out', 'main', 'index.mjs')] });
    });
  }

  it('serves browser mode and opens it where the binary was never downloaded', () => {
    const plan = startPlan(ROOT, '/usr/bin/node', fakeFs({}));
    expect(plan).toEqual({ shell: 'browser', build: 'build:shipped', command: '/usr/bin/node', args: [join(ROOT, 'bin', 'lrscope.mjs'), 'serve', '--open'] });
  });

  it('serves browser mode where path.txt names a binary that is gone', () => {
    expect(startPlan(ROOT, 'node', fakeFs({ [join(electronDir, 'path.txt')]: 'electron' })).shell).toBe('browser');
  });
});
