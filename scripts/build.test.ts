// The shipped build is rebuilt only when its sources changed, and never run stale.
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint, isFresh, writeStamp } from './build.mjs';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'lrscope-build-'));
  for (const dir of ['src-main/cli', 'src-shared', 'out/cli']) mkdirSync(join(base, dir), { recursive: true });
  writeFileSync(join(base, 'src-main/cli/main.ts'), 'export {}');
  writeFileSync(join(base, 'src-shared/a.ts'), 'export const a = 1;');
  writeFileSync(join(base, 'package-lock.json'), '{}');
  writeFileSync(join(base, 'out/cli/main.mjs'), '// built');
  writeStamp('cli', fingerprint('cli', base), base);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('the bundled CLI is fresh only while its sources are unchanged', () => {
  it('fresh right after its build', () => {
    expect(isFresh('cli', base)).toBe(true);
  });

  it('stale after a source is edited (same size, new time), added or removed', () => {
    utimesSync(join(base, 'src-shared/a.ts'), new Date(), new Date(Date.now() + 5000));
    expect(isFresh('cli', base)).toBe(false);
    writeStamp('cli', fingerprint('cli', base), base);
    writeFileSync(join(base, 'src-main/new.ts'), 'export {}');
    expect(isFresh('cli', base)).toBe(false);
    writeStamp('cli', fingerprint('cli', base), base);
    unlinkSync(join(base, 'src-main/new.ts'));
    expect(isFresh('cli', base)).toBe(false);
  });

  it('stale when the lockfile changes (other dependency versions are bundled)', () => {
    writeFileSync(join(base, 'package-lock.json'), '{"v":2}');
    expect(isFresh('cli', base)).toBe(false);
  });

  it('a test file beside the code does not count (it is not in the bundle)', () => {
    writeFileSync(join(base, 'src-shared/a.test.ts'), 'test');
    expect(isFresh('cli', base)).toBe(true);
  });

  it('stale without its output or its stamp', () => {
    unlinkSync(join(base, 'out/cli/main.mjs'));
    expect(isFresh('cli', base)).toBe(false);
    expect(isFresh('renderer', base)).toBe(false);
  });
});
