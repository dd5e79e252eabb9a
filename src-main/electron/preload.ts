// Exposes exactly one function per contract method, never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { methodNames } from '../../src-shared/api/contract';
import { SHELL_CHANNELS, type ApiBridge, type ShellBridge } from '../../src-shared/api/shell';
import type { LiveEvent } from '../../src-shared/api/watch-types';

// ipcRenderer.invoke answers with what ipc.ts's handler returns: the IpcResult envelope.
const bridge = Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)])) as ApiBridge;

contextBridge.exposeInMainWorld('lrscope', Object.freeze(bridge));

// The shell services the contract cannot carry: a dropped or picked File's real path, the
// File > Import menu's chosen paths, and what watched folders changed.
const shellBridge: ShellBridge = {
  pathForFile: (file) => webUtils.getPathForFile(file),
  onOpenFiles: (listener) => {
    ipcRenderer.on(SHELL_CHANNELS.openFiles, (_event, paths: string[]) => listener(paths));
  },
  onLive: (listener) => {
    ipcRenderer.on(SHELL_CHANNELS.live, (_event, change: LiveEvent) => listener(change));
  },
};
contextBridge.exposeInMainWorld('lrscopeShell', Object.freeze(shellBridge));
