import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { methodNames } from '../../src-shared/api/contract';
import type { IpcResult } from '../../src-shared/api/shell';
import { createHandlers, dispatch } from '../api/handlers';
import type { Services } from '../services';
import { isAppPage } from './app-protocol';

/**
 * Registers every contract method on ipcMain. Calls from any frame other than our own page's
 * main frame are refused. Results travel as an envelope so errors keep their code and fields
 * (Electron flattens a thrown Error to its message).
 */
export function registerIpc(ipcMain: IpcMain, services: Services, appUrl: string): void {
  const handlers = createHandlers(services);
  for (const name of methodNames) {
    ipcMain.handle(name, async (event: IpcMainInvokeEvent, input: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event, appUrl)) {
        return { ok: false, error: { code: 'unauthorized', message: 'IPC from an unexpected frame' } };
      }
      const result = await dispatch(handlers, name, input);
      return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error };
    });
  }
}

export function isTrustedSender(event: IpcMainInvokeEvent, appUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppPage(frame.url, appUrl);
}
