// Electron fuses: switches compiled into the Electron binary that turn off what lrscope never uses,
// so that a copy of the app cannot be run as a plain Node.js (RunAsNode), debugged from the command
// line (--inspect), or made to load code from outside its asar. Flipped on the packaged binary:
//   npx tsx src-main/electron/fuses.ts <path to the packaged electron binary or .app>
// (https://www.electronjs.org/docs/latest/tutorial/fuses)
import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import { fileURLToPath } from 'node:url';

export const FUSES: FuseV1Config = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** Flips the fuses of one packaged Electron binary; resets its ad-hoc signature on macOS. */
export async function applyFuses(electronBinary: string): Promise<void> {
  await flipFuses(electronBinary, { ...FUSES, resetAdHocDarwinSignature: process.platform === 'darwin' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: tsx src-main/electron/fuses.ts <packaged electron binary>');
    process.exitCode = 2;
  } else {
    applyFuses(target).then(
      () => console.log(`fuses set on ${target}`),
      (err: unknown) => {
        console.error(err instanceof Error ? err.message : String(err));
        process.exitCode = 1;
      },
    );
  }
}
