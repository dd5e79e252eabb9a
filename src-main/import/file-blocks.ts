// Files are read in blocks, never whole: a multi-GB log must fit in a few MB of memory.
import { open } from 'node:fs/promises';

export const BLOCK_BYTES = 1 << 20;

/**
 * The blocks of a file in order. The same buffer is reused for every block: a reader must copy
 * what it keeps before asking for the next one. Awaiting each read also lets the event loop
 * (the Electron main process, the HTTP server) breathe during a long import.
 */
export async function* fileBlocks(path: string, blockBytes = BLOCK_BYTES): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(blockBytes);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, blockBytes, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** The first bytes of a file, for detection and previews. */
export async function fileHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
