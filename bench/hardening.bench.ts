// Hardening (issue 11): inputs that used to take time quadratic in their size must take time in
// proportion to it. For each size, the refused input and a well-formed file of the same size
// (the baseline) are imported alternately, medians after a warm-up; the figure to read is the
// ratio refused/baseline, which must stay flat as the size grows (it grew 10× per 3× before:
// 10k rows after a stray quote 4.9 s, 30k 48 s; a false TFRecord length 64 MiB 3.4 s, 256 MiB 48 s).
//
//   npx tsx bench/hardening.bench.ts [--quick]
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src-main/db/database';
import { importPaths } from '../src-main/import';
import { scalarEvent, tfRecord, versionEvent } from '../src-main/import/tensorboard/event-writer';
import { maskedCrc32c } from '../src-main/import/tensorboard/tfrecord';
import { alternate, median, quick, report, spread, type Row } from './lib/measure';

const dir = mkdtempSync(join(tmpdir(), 'lrscope-bench-hardening-'));
const { db } = openDatabase(join(dir, 'bench.sqlite'));

function rows(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += `${i},${(1 / (i + 1)).toFixed(6)}\n`;
  return out;
}

/** Milliseconds of one import, refused or not. */
async function timeImport(path: string): Promise<number> {
  const started = performance.now();
  await importPaths(db, [path]).catch(() => undefined);
  return performance.now() - started;
}

const out = report(
  `Hardening (\`npx tsx bench/hardening.bench.ts${quick ? ' --quick' : ''}\`)`,
  'Refused inputs must take time in proportion to their size: each refused import alternates with the import of a well-formed file of the same size (the baseline); the ratio must stay flat as the size grows (before: 10× per 3×).',
);
const figures: Row[] = [];

async function compare(label: string, bad: string, good: string): Promise<void> {
  const t = await alternate({ refused: () => timeImport(bad), baseline: () => timeImport(good) });
  figures.push({
    what: label,
    figure: `refused ${spread(t.refused, 'ms', 0)}`,
    baseline: `well-formed ${spread(t.baseline, 'ms', 0)}; ${(median(t.refused) / median(t.baseline)).toFixed(2)}×`,
    requirement: 'ratio flat as the size grows',
  });
}

function falseHeader(length: number): Buffer {
  const out = Buffer.alloc(12);
  out.writeBigUInt64LE(BigInt(length), 0);
  out.writeUInt32LE(maskedCrc32c(out.subarray(0, 8)), 8);
  return out;
}

for (const n of quick ? [10_000, 30_000] : [10_000, 30_000, 100_000, 300_000]) {
  const bad = join(dir, `quote-${n}.csv`);
  const good = join(dir, `plain-${n}.csv`);
  writeFileSync(bad, `step,loss\n0,1.0\n"1,0.9\n${rows(n)}`);
  writeFileSync(good, `step,loss\n${rows(n + 2)}`);
  await compare(`CSV, stray quote then ${n.toLocaleString('en')} rows`, bad, good);
}
const events = Buffer.concat([tfRecord(versionEvent()), ...Array.from({ length: 10 }, (_, i) => tfRecord(scalarEvent(i, 'loss', 1 / (i + 1))))]);
for (const mib of quick ? [64] : [64, 128, 256]) {
  const bad = join(dir, `events.out.tfevents.${mib}.false`);
  writeFileSync(bad, Buffer.concat([events, falseHeader(1 << 30)]));
  truncateSync(bad, mib << 20);
  // Baseline: a file of the same size whose records are real (one big record after the scalars).
  const good = join(dir, `events.out.tfevents.${mib}.real`);
  writeFileSync(good, Buffer.concat([events, tfRecord(Buffer.alloc((mib << 20) - events.length - 16))]));
  await compare(`TFRecord, false length, ${mib} MiB file`, bad, good);
}
out.end(figures);
db.close();
rmSync(dir, { recursive: true, force: true });
