// The inputs of the fuzz run: every sample under ../shared/samples (files, and the folders that are
// one run: TensorBoard logdirs, MLflow runs, W&B run folders), copied into a case folder and
// mutated there, from a seed and a case number alone.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { SAMPLES } from '../test-support';
import { int, MUTATION_NAMES, MUTATIONS, pick, seeded, SPECIAL_FILES, type Random } from './mutations';

export interface SampleInput {
  /** Relative to the samples folder. */
  path: string;
  folder: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Every sample file (but the MANIFEST and the generators' run.json) and every folder that holds a run. */
export function sampleInputs(root = SAMPLES): SampleInput[] {
  const files = filesUnder(root).filter((f) => !/MANIFEST\.md$|run\.json$/.test(f));
  const folders = new Set<string>();
  for (const f of files) {
    const rel = relative(root, f);
    if (/events\.out\.tfevents/.test(f)) folders.add(relative(root, join(f, '..')));
    const mlflow = /^(mlflow\/[^/]+\/mlruns\/\d+\/[0-9a-f]{32})\//.exec(rel);
    if (mlflow) folders.add(mlflow[1]!);
    const wandb = /^(wandb\/[^/]+)\//.exec(rel);
    if (wandb) folders.add(wandb[1]!);
  }
  const single = files.map((f) => ({ path: relative(root, f), folder: false }));
  return [...single, ...[...folders].sort().map((path) => ({ path, folder: true }))];
}

export interface FuzzCase {
  index: number;
  sample: string;
  /** What was done, to replay and report. */
  mutations: string[];
  /** The paths to import, inside the case folder. */
  paths: string[];
}

/** Builds case `index` of the run with `seed` in `dir` (emptied first). */
export function buildCase(seed: number, index: number, inputs: SampleInput[], dir: string): FuzzCase {
  const r: Random = seeded((seed * 1_000_003 + index) | 0);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const input = pick(r, inputs);
  const source = join(SAMPLES, input.path);
  const target = join(dir, basename(input.path));
  if (input.folder) cpSync(source, target, { recursive: true });
  else cpSync(source, target);
  const victims = input.folder ? filesUnder(target) : [target];
  const victim = pick(r, victims);
  const mutations: string[] = [];
  if (r() < 0.06) {
    const special = pick(r, SPECIAL_FILES);
    replaceWithSpecial(victim, special);
    mutations.push(`${special}:${relative(dir, victim)}`);
  } else {
    let bytes: Buffer = readFileSync(victim);
    // Mostly one mutation: a log with one defect is the common case, and it keeps some imports succeeding.
    for (let n = r() < 0.7 ? 1 : 2 + int(r, 2); n > 0; n--) {
      const name = pick(r, MUTATION_NAMES);
      bytes = MUTATIONS[name]!(r, bytes);
      mutations.push(`${name}:${relative(dir, victim)}`);
    }
    writeFileSync(victim, bytes);
  }
  return { index, sample: input.path, mutations, paths: [target] };
}

function replaceWithSpecial(file: string, kind: string): void {
  rmSync(file, { force: true });
  if (kind === 'fifo') execFileSync('mkfifo', [file]);
  else if (kind === 'symlinkLoop') symlinkSync(basename(file), file);
  else if (kind === 'folderInstead') mkdirSync(file);
  else if (kind === 'deviceLink') symlinkSync('/dev/zero', file);
  else symlinkSync(join(file, '..', 'nowhere'), file);
}

export function caseSize(c: FuzzCase): number {
  return c.paths.reduce((n, p) => n + (statSync(p, { throwIfNoEntry: false })?.size ?? 0), 0);
}
