// W&B import speed: a .wandb log of 200,000 history rows × 3 metrics (lr, loss, grad_norm), laid out
// as W&B's datastore.py writes it, against the same rows as JSON lines (the closest existing reader:
// one JSON object per row), imported alternately on the same machine; medians after a warm-up.
// No target in issue 16: the figure is reported. Run alone with `npx tsx bench/wandb.bench.ts`.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src-main/db/database';
import { importPaths } from '../src-main/import';
import { historyRecord, record, wandbFile } from '../src-main/import/wandb/datastore-writer';

const ROWS = 200_000;
const RUNS = 3;

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
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lrscope-wandb-bench-'));
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  try {
    const inputs = writeInputs(dir);
    const bytes = statSync(join(inputs.wandb, 'run-bench1.wandb')).size;
    await timeImport(dir, inputs.wandb); // warm-up
    await timeImport(dir, inputs.jsonl);
    const wandb: number[] = [];
    const jsonl: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      wandb.push(await timeImport(dir, inputs.wandb));
      jsonl.push(await timeImport(dir, inputs.jsonl));
    }
    const each = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(', ');
    console.log(`.wandb, ${ROWS.toLocaleString('en')} rows × 3 metrics (${(bytes / 2 ** 20).toFixed(1)} MiB): median ${median(wandb).toFixed(3)} s (${each(wandb)}), ${Math.round(ROWS / median(wandb)).toLocaleString('en')} rows/s`);
    console.log(`same rows as JSONL: median ${median(jsonl).toFixed(3)} s (${each(jsonl)}), ${Math.round(ROWS / median(jsonl)).toLocaleString('en')} rows/s`);
    console.log(`.wandb / JSONL time: ${(median(wandb) / median(jsonl)).toFixed(2)}; load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
