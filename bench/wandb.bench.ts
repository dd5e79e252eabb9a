// W&B import speed: a .wandb log of 200,000 history rows × 3 metrics (lr, loss, grad_norm), laid out
// as W&B's datastore.py writes it, against the same rows as JSON lines (the closest existing reader:
// one JSON object per row), imported alternately on the same machine; medians of ≥5 after a warm-up.
// No target in issue 16: the figure is reported. Run alone with `npx tsx bench/wandb.bench.ts`.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src-main/db/database';
import { importPaths } from '../src-main/import';
import { historyRecord, record, wandbFile } from '../src-main/import/wandb/datastore-writer';
import { alternate, median, quick, report, spread } from './lib/measure';

const ROWS = quick ? 50_000 : 200_000;

function row(i: number): { lr: number; loss: number; grad_norm: number } {
  return { lr: 0.1 * 0.5 * (1 + Math.cos((Math.PI * i) / ROWS)), loss: 2 / (1 + i / 1000), grad_norm: 1 + (i % 7) / 10 };
}

function writeInputs(dir: string): { wandb: string; jsonl: string } {
  const runDir = join(dir, 'wandb', 'run-20260101_000000-bench1');
  mkdirSync(runDir, { recursive: true });
  const records = [record({ run: { run_id: 'bench1', project: 'bench' } }), ...Array.from({ length: ROWS }, (_, i) => historyRecord(i, row(i)))];
  writeFileSync(join(runDir, 'run-bench1.wandb'), wandbFile(records).bytes);
  const jsonl = join(dir, 'history.jsonl');
  writeFileSync(jsonl, Array.from({ length: ROWS }, (_, i) => JSON.stringify({ _step: i, ...row(i) })).join('\n') + '\n');
  return { wandb: runDir, jsonl };
}

async function timeImport(dir: string, path: string): Promise<number> {
  const { db } = openDatabase(join(dir, `bench-${Date.now()}-${Math.random()}.sqlite`));
  const started = performance.now();
  await importPaths(db, [path]);
  const ms = performance.now() - started;
  db.close();
  return ms;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lrscope-wandb-bench-'));
  try {
    const inputs = writeInputs(dir);
    const bytes = statSync(join(inputs.wandb, 'run-bench1.wandb')).size;
    const out = report(
      `W&B import (\`npx tsx bench/wandb.bench.ts${quick ? ' --quick' : ''}\`)`,
      `A .wandb log of ${ROWS.toLocaleString('en')} history rows × 3 metrics (${(bytes / 2 ** 20).toFixed(1)} MiB), against the same rows as JSON lines (baseline), imported alternately into fresh databases. No target (issue 16).`,
    );
    const t = await alternate({ wandb: () => timeImport(dir, inputs.wandb), jsonl: () => timeImport(dir, inputs.jsonl) });
    const rowsPerS = (ms: number[]) => ms.map((x) => ROWS / (x / 1000));
    out.end([
      {
        what: `.wandb, ${ROWS.toLocaleString('en')} rows × 3 metrics`,
        figure: `${spread(t.wandb, 'ms', 0)}; ${Math.round(ROWS / (median(t.wandb) / 1000)).toLocaleString('en')} rows/s`,
        baseline: `JSONL ${spread(t.jsonl, 'ms', 0)} (${spread(rowsPerS(t.jsonl), 'rows/s', 0)}); .wandb takes ${(median(t.wandb) / median(t.jsonl)).toFixed(2)}× its time`,
      },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
