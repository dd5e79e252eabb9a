// The fuses are flipped by @electron/fuses itself, here on a stand-in binary that carries the fuse
// wire the way Electron's does (the sentinel, the wire version, its length, one byte per fuse).
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { applyFuses } from './fuses';

it('turns RunAsNode, the NODE_OPTIONS variable and --inspect off; cookie encryption, asar-only and asar integrity on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrscope-fuses-'));
  try {
    const binary = join(dir, 'electron');
    // Electron 37's wire: version 1, 8 fuses, as shipped (RunAsNode and the others on).
    writeFileSync(binary, Buffer.concat([Buffer.from('\x7fELF…code…'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110000'), Buffer.from('…more code')]));
    await applyFuses(binary);
    const wire = await getCurrentFuseWire(binary);
    const on = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as unknown as number);
    expect(on(FuseV1Options.RunAsNode)).toBe('0');
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
