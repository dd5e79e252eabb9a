// Turning the files a user picked or dropped into paths the Node side can read. In Electron the
// preload tells a File's real path; in browser mode each file is streamed to the server first.
import type { ShellBridge } from '../../src-shared/api/shell';
import { authHeaders } from './api';

export const shellBridge: ShellBridge | undefined = window.lrscopeShell;

export interface PickedFiles {
  /** The paths to import (files, or the folder of a folder upload). */
  paths: string[];
  /** Browser mode: the upload batch to delete on the server once the import ended. */
  batch?: string;
}

/**
 * Where a picked file lands on the server: inside a picked folder, its place there; loose files
 * side by side in the batch's own folder (as they were picked from one folder: a run.json picked
 * with metrics.csv names the run). The server knows that folder's name means nothing.
 */
function relativePath(file: File): string {
  const inFolder = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
  return inFolder || file.name;
}

function uploadOne(file: File, batch: string, onBytes: (loaded: number) => void): Promise<{ path: string; batchDir: string }> {
  return new Promise((resolve, reject) => {
    // XMLHttpRequest, not fetch: it reports upload progress, and streams the File from disk.
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ batch, path: relativePath(file) });
    xhr.open('PUT', `./api/upload?${query}`);
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onBytes(e.loaded);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}') as { path?: string; batchDir?: string; message?: string };
      if (xhr.status === 200 && body.path && body.batchDir) resolve({ path: body.path, batchDir: body.batchDir });
      else reject(new Error(`${file.name}: upload failed: ${body.message ?? `HTTP ${xhr.status}`}`));
    };
    xhr.onerror = () => reject(new Error(`${file.name}: upload failed (connection lost)`));
    xhr.send(file);
  });
}

/** Uploads (browser mode) or resolves (Electron) the files; `folder` keeps them as one folder. */
export async function stageFiles(files: File[], folder: boolean, onProgress: (done: number, total: number) => void): Promise<PickedFiles> {
  if (shellBridge) return { paths: files.map((f) => shellBridge.pathForFile(f)) };
  const batch = crypto.randomUUID();
  const total = files.reduce((n, f) => n + f.size, 0);
  let finished = 0;
  const paths: string[] = [];
  let batchDir = '';
  for (const file of files) {
    const result = await uploadOne(file, batch, (loaded) => onProgress(finished + loaded, total));
    finished += file.size;
    paths.push(result.path);
    batchDir = result.batchDir;
  }
  onProgress(total, total);
  const top = folder ? relativePath(files[0]!).split('/')[0] : undefined;
  return { paths: folder && top ? [`${batchDir}/${top}`] : paths, batch };
}

export async function forgetUpload(batch: string | undefined): Promise<void> {
  if (!batch || shellBridge) return;
  await fetch(`./api/upload?batch=${encodeURIComponent(batch)}`, { method: 'DELETE', headers: authHeaders() }).catch(() => undefined);
}
