// Whether a followed run is live or idle, from the watched folders' last-change times. Pure, so
// that it is tested without a page.
import { IDLE_AFTER_MS, type WatchFolder } from '../../src-shared/api/watch-types';

/** When the run last gained points (ms), null if it never did, undefined if no folder follows it. */
export function changedAtOf(folders: readonly WatchFolder[], runId: number): number | null | undefined {
  for (const folder of folders) {
    const run = folder.liveRuns.find((r) => r.runId === runId);
    if (run) return run.changedAt === null ? null : Date.parse(run.changedAt);
  }
  return undefined;
}

/** 'live' while a followed run gains points, 'idle' after IDLE_AFTER_MS without; null for runs not followed. */
export function livenessOf(folders: readonly WatchFolder[], runId: number, now: number): 'live' | 'idle' | null {
  const at = changedAtOf(folders, runId);
  if (at === undefined) return null;
  return at !== null && now - at < IDLE_AFTER_MS ? 'live' : 'idle';
}
