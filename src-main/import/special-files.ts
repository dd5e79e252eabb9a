// Only regular files and folders are read. A named pipe, socket or device would block a read
// forever (and, in browser mode, hold one of libuv's four pool threads while it does), so they
// are refused from their type, before anything opens them.
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { ImportError } from './errors';

function kindOf(info: Stats): string | null {
  if (info.isFile() || info.isDirectory()) return null;
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** Throws for anything but a regular file or a folder. */
export function refuseSpecialFile(path: string, info: Stats): void {
  const kind = kindOf(info);
  if (kind) throw new ImportError(path, null, `${kind}, not a file: lrscope reads only regular files and folders`);
}

/** The path's type (symlinks followed), or the reason it has none, in the user's words. */
export async function statOrExplain(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new ImportError(path, null, 'symlink loop: the link points back to itself');
    if (code === 'EACCES' || code === 'EPERM') throw new ImportError(path, null, 'permission denied');
    if (code === 'ENOTDIR') throw new ImportError(path, null, 'no such file or folder (a part of the path is a file)');
    if (code === 'ENAMETOOLONG') throw new ImportError(path, null, 'the path is too long');
    throw new ImportError(path, null, 'no such file or folder');
  }
}

/**
 * Opens a file for reading without ever blocking on it: O_NONBLOCK makes opening a FIFO return at
 * once, and the type is checked on the open handle (the path may have been swapped since a stat).
 */
export async function openRegularFile(path: string): Promise<FileHandle> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) refuseSpecialFile(path, info);
    if (info.isDirectory()) throw new ImportError(path, null, 'a folder, not a file');
    return handle;
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/**
 * A small file read whole (a trainer_state.json, an MLflow parameter), its size checked on the open
 * handle before a byte is read: a 600 MB parameter file used to fail as "Invalid string length".
 */
export async function readWholeFile(path: string, maxBytes: number, what: string): Promise<string> {
  const handle = await openRegularFile(path);
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new ImportError(path, null, `${size} bytes is too big for ${what} (at most ${formatBytes(maxBytes)})`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${n / (1 << 20)} MiB` : `${n / 1024} KiB`;
}
