// Watched folders, as pushed by the Node side: browser mode reads the token-guarded event stream
// (GET /api/events, with fetch so the token travels in the Authorization header, never in a URL);
// Electron gets the same events over IPC. Views subscribe to the runs they show and re-read them
// without a reload, keeping their zoom, cursor and selection.
import type { LiveEvent, WatchFolder } from '../../src-shared/api/watch-types';
import { api, authHeaders, shell } from './api';
import { readInto } from './read-into';
import { refreshRuns } from './runs.svelte';
import { runChanged } from './run-listeners';
import { livenessOf } from '../watch/liveness';

export { onRunChanged } from './run-listeners';

export const liveState = $state({
  folders: [] as WatchFolder[],
  error: null as string | null,
  /** Ticks every few seconds so "live" turns to "idle" without an event. */
  now: Date.now(),
});

/** 'live' while a followed run gains points, 'idle' after a while without; null for runs not followed. */
export function liveness(runId: number): 'live' | 'idle' | null {
  return livenessOf(liveState.folders, runId, liveState.now);
}

export function refreshFolders(): Promise<void> {
  return readInto(liveState, async () => {
    liveState.folders = await api['watch.list']({});
  });
}

/** The runs list is read again at most this often while runs grow (each read lists every run). */
const LIST_EVERY_MS = 700;
let listTimer: ReturnType<typeof setTimeout> | null = null;
let listAgain = false;

function refreshListSoon(): void {
  if (listTimer) {
    listAgain = true;
    return;
  }
  void refreshRuns();
  listTimer = setTimeout(() => {
    listTimer = null;
    if (listAgain) {
      listAgain = false;
      refreshListSoon();
    }
  }, LIST_EVERY_MS);
}

function handle(event: LiveEvent): void {
  if (event.list || event.runs.length > 0) refreshListSoon();
  if (event.folders || event.runs.length > 0) void refreshFolders();
  for (const id of event.runs) runChanged(id);
}

/** Reads the event stream; reconnects after a pause if it ends (a restarted server). */
async function streamEvents(): Promise<void> {
  for (;;) {
    try {
      const res = await fetch('./api/events', { headers: { Accept: 'text/event-stream', ...authHeaders() } });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      // The server is there (again): what changed while we were not listening — on the first
      // connection too, since the list shown may be the one the page's first script asked for
      // before this stream was open (lib/boot.ts), and a run added in between sends no event.
      void refreshRuns();
      await refreshFolders();
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const frame = text.slice(0, end);
          text = text.slice(end + 2);
          const data = frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data) handle(JSON.parse(data) as LiveEvent);
        }
      }
    } catch {
      // the server went away (restart): try again shortly
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

let started = false;

/** Starts listening (once, at app start). */
export function startLive(): void {
  if (started) return;
  started = true;
  void refreshFolders();
  setInterval(() => (liveState.now = Date.now()), 5000);
  const bridge = window.lrscopeShell;
  if (shell === 'electron' && bridge) {
    bridge.onLive(handle);
    void refreshRuns(); // what changed between the start-up read and this subscription
  } else void streamEvents();
}
