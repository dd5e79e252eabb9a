// kill -9 at random moments of a large import, through the CLI and through browser mode: the
// database afterwards passes integrity_check, holds no part of the killed import, its leftover
// write-ahead log is folded in and truncated on the next open, and the next import works.
// Kill moments come from a seeded generator (LRSCOPE_CRASH_SEED to replay one).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appRoot } from '../db/paths';
import { openServices } from '../services';
import { importPaths } from './index';
import { sample, tempFolder } from './test-support';

const folder = tempFolder();
const BIG = join(folder.dir, 'big.csv');
const ROWS = 1_500_000;
const seed = Number(process.env.LRSCOPE_CRASH_SEED ?? 20261129);

/** mulberry32: a small seeded generator, so that a failing kill moment can be replayed. */
function random(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(seed);

beforeAll(async () => {
  const out = createWriteStream(BIG);
  out.write('step,loss,lr,grad_norm\n');
  for (let i = 0; i < ROWS; i += 10_000) {
    let chunk = '';
    for (let j = i; j < i + 10_000; j++) chunk += `${j},${(1 / (j + 1)).toFixed(8)},0.001,${(j % 97) / 10}\n`;
    out.write(chunk);
  }
  await new Promise<void>((done) => out.end(() => done()));
}, 120_000);

afterAll(() => folder.remove());

function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, [join(appRoot(), 'bin', 'lrscope.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** Waits until the import is writing (its WAL has grown), then a random moment more, and kills. */
async function killMidImport(child: ChildProcess, db: string): Promise<void> {
  await vi.waitFor(() => expect(statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBeGreaterThan(1 << 20), { timeout: 60_000, interval: 20 });
  await new Promise((r) => setTimeout(r, next() * 150));
  child.kill('SIGKILL');
  await exited(child);
}

/**
 * After a kill: whole, WAL folded in, the next import works, and the killed import is either absent
 * or (when the kill came after its commit, as a loaded machine allows) complete: never a part.
 * Returns whether the kill interrupted the import.
 */
async function checkAfterKill(db: string, runsBefore: string[], killed: string): Promise<boolean> {
  const walBefore = statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const services = openServices(db, 'browser');
  try {
    expect(services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const runs = services.runs.list();
    const finished = runs.find((r) => r.name === killed);
    if (finished) for (const m of finished.metrics) expect(m.pointCount).toBe(ROWS);
    expect(runs.filter((r) => r.name !== killed).map((r) => r.name).sort()).toEqual([...runsBefore].sort());
    expect(services.db.prepare('SELECT count(*) AS n FROM metrics WHERE run_id NOT IN (SELECT id FROM runs)').get()).toEqual({ n: 0 });
    expect(statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual(
      walBefore > 0 ? [`lrscope: ${db}: found ${(walBefore / 1024 ** 2).toFixed(1)} MB of write-ahead log left behind (a process stopped mid-write); folded its committed part into the database and truncated it`] : [],
    );
    const summary = await importPaths(services, [sample('keras/brats2020_csvlogger/training.log')], { name: `after kill ${runsBefore.length}` });
    expect(summary.runs[0]!.metrics.find((m) => m.name === 'loss')!.points).toBe(24);
    if (finished) services.runs.delete(finished.id);
    return !finished;
  } finally {
    services.close();
    log.mockRestore();
  }
}

describe(`kill -9 during a ${ROWS.toLocaleString('en')}-row import (seed ${seed})`, () => {
  it('through the CLI, three times', async () => {
    const db = join(folder.dir, 'cli.sqlite');
    const names: string[] = [];
    let interrupted = 0;
    for (let round = 0; round < 3; round++) {
      const child = cli(['import', BIG, '--db', db, '--json', '--name', `killed ${round}`]);
      await killMidImport(child, db);
      if (await checkAfterKill(db, names, `killed ${round}`)) interrupted++;
      names.push(`after kill ${names.length}`);
    }
    expect(interrupted).toBeGreaterThan(0); // at least one kill landed inside the import
  }, 180_000);

  it('through browser mode, three times', async () => {
    const db = join(folder.dir, 'server.sqlite');
    const names: string[] = [];
    let interrupted = 0;
    for (let round = 0; round < 3; round++) {
      const child = cli(['serve', '--db', db, '--port', String(17_000 + Math.floor(next() * 20_000))]);
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout!.on('data', (d: Buffer) => {
          text += d.toString();
          const m = /open (http:\/\/\S+)/.exec(text);
          if (m) resolve(m[1]!);
        });
        child.once('exit', () => reject(new Error(`serve exited: ${text}`)));
      });
      const { origin, searchParams } = new URL(url);
      const res = await fetch(`${origin}/api/imports.start`, {
        method: 'POST',
        headers: { authorization: `Bearer ${searchParams.get('token')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ paths: [BIG], name: `killed ${round}` }),
      });
      expect(res.status).toBe(200);
      await killMidImport(child, db);
      expect(existsSync(db)).toBe(true);
      if (await checkAfterKill(db, names, `killed ${round}`)) interrupted++;
      names.push(`after kill ${names.length}`);
    }
    expect(interrupted).toBeGreaterThan(0);
  }, 180_000);
});
