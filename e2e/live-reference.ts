// Run as a child process (tsx): what importing the first N bytes of each given log gives, as
// JSON. The live spec's reference for every number on screen: the import path, not the watcher.
// Input (stdin): [{ file, bytes, lineLog }]; output (stdout): one Points object per job.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { openDatabase } from '../src-main/db/database';
import { querySeries } from '../src-main/db/points';
import { importPaths } from '../src-main/import';

interface Job {
  file: string;
  bytes: number;
  /** Line logs: a partly written last line is not a row yet (event files: the importer sets a partial record aside itself). */
  lineLog: boolean;
}

async function pointsOf(file: string): Promise<Record<string, { steps: number[]; values: (number | null)[] }>> {
  const { db } = openDatabase(':memory:');
  try {
    const summary = await importPaths(db, [file]).catch(() => null);
    if (!summary) return {};
    const metrics = db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM metrics WHERE run_id = ? ORDER BY name').all(summary.runs[0]!.id);
    return Object.fromEntries(
      metrics.map((m) => {
        const s = querySeries(db, m.id, { maxPoints: 1_000_000 });
        return [m.name, { steps: [...s.steps], values: [...s.values].map((v) => (Number.isFinite(v) ? v : null)) }];
      }),
    );
  } finally {
    db.close();
  }
}

async function prefixPoints(job: Job) {
  let bytes = readFileSync(job.file).subarray(0, job.bytes);
  if (job.lineLog) bytes = bytes.subarray(0, bytes.lastIndexOf(10) + 1);
  const dir = mkdtempSync(join(tmpdir(), 'lrscope-prefix-'));
  try {
    const file = join(dir, basename(dirname(job.file)), basename(job.file));
    mkdirSync(dirname(file));
    writeFileSync(file, bytes);
    return await pointsOf(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const jobs = JSON.parse(readFileSync(0, 'utf8')) as Job[];
const out = [];
for (const job of jobs) out.push(await prefixPoints(job));
process.stdout.write(JSON.stringify(out));
