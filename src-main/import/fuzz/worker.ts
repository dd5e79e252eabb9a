// A fuzz worker (a child process of run.ts): builds and runs the cases it is sent, one at a time,
// and reports each one's time and the process' peak memory so far. The parent kills it when a
// case runs past its time limit.
import { join } from 'node:path';
import { tempFolder, sample } from '../test-support';
import { openServices } from '../../services';
import { importPaths } from '../index';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { FuzzCase } from './cases';
import { FuzzFailure, runCase } from './check';

/** A case built by the parent (so the mutations' own buffers do not count in the worker's memory). */
export interface WorkerRequest {
  fuzzCase: FuzzCase;
  caseDir: string;
}

export interface WorkerReport {
  index: number;
  ms: number;
  /** Peak resident memory of the worker so far, in MB. */
  peakMb: number;
  outcome: 'imported' | 'refused' | 'failed';
  detail: string;
}

/** A database holding one run, as a user's would: a refused import must leave it as it was. */
async function templateDatabase(dir: string): Promise<Buffer> {
  const file = join(dir, 'template.sqlite');
  const services = openServices(file, 'browser');
  await importPaths(services, [sample('keras/brats2020_csvlogger/training.log')]);
  services.close();
  return readFileSync(file);
}

async function main(): Promise<void> {
  const folder = tempFolder();
  const template = await templateDatabase(folder.dir);
  const dbFile = join(folder.dir, 'db', 'fuzz.sqlite');
  mkdirSync(join(folder.dir, 'db'));
  process.on('exit', () => folder.remove());
  process.on('message', (req: WorkerRequest) => {
    void (async () => {
      const started = performance.now();
      let outcome: WorkerReport['outcome'];
      let detail: string;
      try {
        for (const leftover of ['-wal', '-shm', '-import.json']) rmSync(`${dbFile}${leftover}`, { force: true });
        const c = req.fuzzCase;
        const result = await runCase(c, req.caseDir, template, dbFile);
        outcome = result.kind;
        detail = result.kind === 'refused' ? result.message.replace(req.caseDir, '<case>') : `${result.runs} run(s) from ${c.sample}`;
      } catch (err) {
        outcome = 'failed';
        detail = err instanceof FuzzFailure ? err.message : `harness error: ${String((err as Error)?.stack ?? err)}`;
      }
      const report: WorkerReport = { index: req.fuzzCase.index, ms: performance.now() - started, peakMb: process.resourceUsage().maxRSS / 1024, outcome, detail };
      process.send!(report);
    })();
  });
  process.send!('ready');
}

void main();
