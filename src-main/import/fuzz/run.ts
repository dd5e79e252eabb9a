// The fuzz run: `npm run fuzz -- --cases 5000 [--seed N] [--workers 2]`. Cases run in worker
// processes; each must finish within the time limit (else its worker is killed and the case is a
// hang) and no worker may pass the memory limit. Prints the figures and every failure with its
// case number (rerun one with --from N --cases 1); exits 1 when a case failed.
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { tempFolder } from '../test-support';
import { buildCase, sampleInputs } from './cases';
import type { WorkerReport, WorkerRequest } from './worker';

export interface FuzzOptions {
  cases: number;
  seed: number;
  from?: number;
  workers?: number;
  timeLimitMs?: number;
  memoryLimitMb?: number;
  onReport?: (report: WorkerReport) => void;
}

export interface FuzzSummary {
  cases: number;
  imported: number;
  refused: number;
  failures: string[];
  peakMb: number;
  slowest: { index: number; ms: number; detail: string };
  seconds: number;
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

function startWorker(): Promise<ChildProcess> {
  const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => (m === 'ready' ? resolve(child) : reject(new Error(`worker said ${String(m)}`))));
    child.once('exit', (code) => reject(new Error(`a fuzz worker exited before it was ready (${code})`)));
  });
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const { cases, seed, from = 0, workers = Math.min(2, cpus().length), timeLimitMs = 10_000, memoryLimitMb = 300 } = options;
  const started = performance.now();
  const summary: FuzzSummary = { cases: 0, imported: 0, refused: 0, failures: [], peakMb: 0, slowest: { index: -1, ms: 0, detail: '' }, seconds: 0 };
  let nextIndex = from;
  const end = from + cases;

  const inputs = sampleInputs();
  const scratch = tempFolder();

  async function lane(_: unknown, laneIndex: number): Promise<void> {
    const caseDir = join(scratch.dir, `lane-${laneIndex}`);
    let child = await startWorker();
    try {
      while (nextIndex < end) {
        const index = nextIndex++;
        const fuzzCase = buildCase(seed, index, inputs, caseDir);
        const report = await new Promise<WorkerReport | null>((resolve) => {
          const timer = setTimeout(() => resolve(null), timeLimitMs);
          const onExit = () => (clearTimeout(timer), resolve(null));
          child.once('exit', onExit);
          child.once('message', (m: WorkerReport) => {
            clearTimeout(timer);
            child.off('exit', onExit);
            resolve(m);
          });
          child.send({ fuzzCase, caseDir } satisfies WorkerRequest);
        });
        summary.cases++;
        if (!report) {
          summary.failures.push(`case ${index} (${fuzzCase.sample}; ${fuzzCase.mutations.join(', ')}): did not finish within ${timeLimitMs / 1000} s (or its worker died); rerun with --seed ${seed} --from ${index} --cases 1`);
          child.kill('SIGKILL');
          child = await startWorker();
          continue;
        }
        options.onReport?.(report);
        if (report.ms > summary.slowest.ms) summary.slowest = { index, ms: report.ms, detail: report.detail };
        summary.peakMb = Math.max(summary.peakMb, report.peakMb);
        if (report.outcome === 'failed') summary.failures.push(report.detail);
        else if (report.outcome === 'imported') summary.imported++;
        else summary.refused++;
        if (report.peakMb > memoryLimitMb) {
          summary.failures.push(`case ${index}: the worker's peak memory reached ${report.peakMb.toFixed(0)} MB (limit ${memoryLimitMb} MB): ${report.detail}`);
          child.kill('SIGKILL');
          child = await startWorker();
        }
      }
    } finally {
      child.kill();
    }
  }

  try {
    await Promise.all(Array.from({ length: workers }, lane));
  } finally {
    scratch.remove();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { cases: { type: 'string' }, seed: { type: 'string' }, from: { type: 'string' }, workers: { type: 'string' }, verbose: { type: 'boolean' } },
  });
  const seed = values.seed === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed ?? 1);
  const options: FuzzOptions = { cases: Number(values.cases ?? 300), seed, from: Number(values.from ?? 0) };
  if (values.workers) options.workers = Number(values.workers);
  if (values.verbose) options.onReport = (r) => console.log(`case ${r.index}: ${r.outcome} in ${r.ms.toFixed(0)} ms: ${r.detail}`);
  console.log(`fuzzing ${options.cases} cases from ${options.from}, seed ${seed} (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${cpus().length} cores)`);
  const s = await runFuzz(options);
  console.log(`${s.cases} cases in ${s.seconds.toFixed(1)} s: ${s.imported} imported, ${s.refused} refused with a message, ${s.failures.length} failed`);
  console.log(`peak worker memory ${s.peakMb.toFixed(0)} MB; slowest case ${s.slowest.index} in ${s.slowest.ms.toFixed(0)} ms (${s.slowest.detail})`);
  for (const f of s.failures) console.log(`FAILED ${f}`);
  return s.failures.length > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then((code) => (process.exitCode = code));
}
