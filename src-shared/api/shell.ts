// What the Electron preload puts on `window`, typed once for the three places that meet there: the
// preload that builds it, the shell (main.ts, ipc.ts) that answers and sends on its channels, and
// the renderer that calls it. Browser mode has neither object; it uses HTTP (src-renderer/lib/api.ts).
import type { Input, MethodName, Output } from './contract';
import type { ApiErrorBody } from './types';
import type { LiveEvent } from './watch-types';

/** How an IPC call's result travels: an envelope, so an error keeps its code and fields (Electron flattens a thrown Error to its message). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** `window.lrscope`: one function per contract method, answering with the envelope. */
export type ApiBridge = { [K in MethodName]: (input: Input<K>) => Promise<IpcResult<Output<K>>> };

/** The shell's messages to the window (main → renderer), by what they carry. */
export const SHELL_CHANNELS = {
  /** File > Import's chosen paths. */
  openFiles: 'lrscope:open-files',
  /** What watched folders changed. */
  live: 'lrscope:live',
} as const;

/** `window.lrscopeShell`: the shell services the contract cannot carry. */
export interface ShellBridge {
  /** A dropped or picked File's real path. */
  pathForFile(file: File): string;
  onOpenFiles(listener: (paths: string[]) => void): void;
  onLive(listener: (event: LiveEvent) => void): void;
}
