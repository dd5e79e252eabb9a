// Watched log folders, as the UI and the CLI see them.

export interface WatchFault {
  file: string;
  reason: string;
}

export interface WatchFolder {
  id: number;
  path: string;
  /** watching: file-system events (with a slow poll as a safety net); polling: events unavailable; error: see faults. */
  state: 'watching' | 'polling' | 'error';
  /** When a run under it last gained points (ISO time), or null. */
  lastChangeAt: string | null;
  runs: number;
  faults: WatchFault[];
  /** Things worth knowing that are not faults: a file replaced and read again, a resume. */
  notices: string[];
  /** Runs followed under it, with when each last gained points (ISO time). */
  liveRuns: { runId: number; changedAt: string | null }[];
}

/** Pushed to the UI when followed runs change (coalesced: at most a few a second). */
export interface LiveEvent {
  /** Runs that gained points (or were read again). */
  runs: number[];
  /** Runs were added: the runs list changed. */
  list: boolean;
  /** A folder's status changed. */
  folders: boolean;
}

/** A run with no new data for this long is shown as idle rather than live. */
export const IDLE_AFTER_MS = 30_000;
