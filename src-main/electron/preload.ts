// Exposes exactly one function per contract method, never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { methodNames } from '../../src-shared/api/contract';

const bridge = Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)]));

contextBridge.exposeInMainWorld('lrscope', Object.freeze(bridge));

// The two shell services the contract cannot carry: a dropped or picked File's real path, and the
// File > Import menu's chosen paths.
contextBridge.exposeInMainWorld(
  'lrscopeShell',
  Object.freeze({
    pathForFile: (file: File) => webUtils.getPathForFile(file),
    onOpenFiles: (listener: (paths: string[]) => void) => {
      ipcRenderer.on('lrscope:open-files', (_event, paths: string[]) => listener(paths));
    },
    /** What watched folders changed (runs that gained points, new runs, a folder's status). */
    onLive: (listener: (event: unknown) => void) => {
      ipcRenderer.on('lrscope:live', (_event, change: unknown) => listener(change));
    },
  }),
);
