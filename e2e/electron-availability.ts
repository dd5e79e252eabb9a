import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether the Electron shell can be tested here, and why not when it cannot. */
export function electronAvailability(): { available: boolean; reason: string } {
  const dir = join(process.cwd(), 'node_modules', 'electron');
  if (!existsSync(dir)) return { available: false, reason: 'the electron package is not installed' };
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { available: false, reason: "Electron's binary is not installed (its download is unreachable from this machine); browser mode covers the same flows" };
  }
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { available: false, reason: `Electron's binary is missing at ${binary}` };
  if (!existsSync(join(process.cwd(), 'out', 'main', 'index.mjs'))) {
    return { available: false, reason: 'the Electron build is missing: run `npm run build` first' };
  }
  return { available: true, reason: '' };
}
