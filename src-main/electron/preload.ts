// Exposes exactly one function per contract method, never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../../src-shared/api/contract';

const bridge = Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)]));

contextBridge.exposeInMainWorld('lrscope', Object.freeze(bridge));
