import { describe, expect, it } from 'vitest';
import { IDLE_AFTER_MS, type WatchFolder } from '../../src-shared/api/watch-types';
import { livenessOf } from './liveness';

const now = Date.parse('2026-11-29T12:00:00Z');
const folder = (liveRuns: WatchFolder['liveRuns']): WatchFolder => ({ id: 1, path: '/runs', state: 'watching', lastChangeAt: null, runs: liveRuns.length, faults: [], notices: [], liveRuns });
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('a followed run is live, then idle', () => {
  it('is live while it gained points within the idle time, idle after it, and neither when no folder follows it', () => {
    const folders = [folder([{ runId: 1, changedAt: ago(1000) }, { runId: 2, changedAt: ago(IDLE_AFTER_MS) }, { runId: 3, changedAt: null }])];
    expect(livenessOf(folders, 1, now)).toBe('live');
    expect(livenessOf(folders, 2, now)).toBe('idle');
    expect(livenessOf(folders, 3, now)).toBe('idle'); // followed, no data yet
    expect(livenessOf(folders, 4, now)).toBeNull(); // imported, not followed
  });
});
