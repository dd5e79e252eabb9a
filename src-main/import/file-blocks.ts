// Files are read in blocks, never whole: a multi-GB log must fit in a few MB of memory.
import { openRegularFile } from './special-files';

export const BLOCK_BYTES = 1 << 20;

/**
 * The blocks of a file in order. Two buffers take turns: while the caller reads one block, the
 * next is being read into the other (the read runs on libuv's thread pool, so reading the file
 * overlaps parsing it). A block is valid until the caller asks for the next one: a reader must
 * copy what it keeps before then. Awaiting each read also lets the event loop (the Electron main
 * process, the HTTP server) breathe during a long import.
 */
export async function* fileBlocks(path: string, blockBytes = BLOCK_BYTES): AsyncGenerator<Buffer> {
  const handle = await openRegularFile(path);
  let next: Promise<{ bytesRead: number; buffer: Buffer }> | null = null;
  try {
    const buffers = [Buffer.allocUnsafe(blockBytes), Buffer.allocUnsafe(blockBytes)];
    let turn = 0;
    next = handle.read(buffers[turn]!, 0, blockBytes, null);
    for (;;) {
      const { bytesRead, buffer } = await next;
      next = null;
      if (bytesRead === 0) return;
      turn ^= 1;
      next = handle.read(buffers[turn]!, 0, blockBytes, null);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    // A caller that stops early (an error, a cancel, a preview) leaves a read in flight.
    await next?.catch(() => undefined);
    await handle.close();
  }
}

/** The first bytes of a file, for detection and previews. */
export async function fileHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await openRegularFile(path);
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
