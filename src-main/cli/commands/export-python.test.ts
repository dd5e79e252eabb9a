// (In src-main because it runs Python; the code under test is src-shared/schedule/export.)
// Every PyTorch export is run with real PyTorch (Debian's python3-torch at /usr/bin/python3,
// scripts/torch-reference/run_exports.py) stepping the optimizer as a training loop does; its
// rates must equal lrscope's evaluation to 1e-12 relative. The other targets are compiled with
// py_compile and compared with one snapshot file per target (__snapshots__/<target>.py.txt),
// which a reviewer reads.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { evaluate } from '../../../src-shared/schedule/evaluate';
import { PRESETS } from '../../../src-shared/schedule/presets';
import type { ScheduleSpec } from '../../../src-shared/schedule/spec';
import { spec as parsed } from '../../../src-shared/schedule/test-util';
import { exportCode, EXPORT_TARGETS } from '../../../src-shared/schedule/export/index';
import { VARIED_SPECS, VARIED_STEPS } from '../../../src-shared/schedule/export/export-cases';

const PYTHON = '/usr/bin/python3';
const RTOL = 1e-12;
const SNAPSHOT_HEADER = '# ==== case';

interface Case { name: string; spec: ScheduleSpec; steps: number }

function stepsOf(spec: ScheduleSpec, wanted: number): number {
  if (spec.kind !== 'torch.OneCycleLR') return wanted;
  return Math.min(wanted, spec.total_steps ?? (spec.epochs ?? 0) * (spec.steps_per_epoch ?? 0));
}

const CASES: Case[] = [
  ...PRESETS.map((p) => ({ name: `preset_${p.id}`, spec: p.spec, steps: p.steps.to + 1 })),
  ...Object.entries(VARIED_SPECS).map(([name, input]) => {
    const spec = parsed(input);
    return { name, spec, steps: stepsOf(spec, VARIED_STEPS) };
  }),
];

describe('PyTorch exports run with real PyTorch', () => {
  let torchVersion = '';
  let results: Record<string, number[] | { error: string }> = {};
  beforeAll(() => {
    const input = JSON.stringify(CASES.map((c) => ({ name: c.name, code: exportCode(c.spec, 'torch').code, steps: c.steps })));
    const out = execFileSync(PYTHON, ['scripts/torch-reference/run_exports.py'], { input, maxBuffer: 1 << 28, encoding: 'utf8' });
    // Python's json writes NaN (OneCycleLR never reaches it here); JSON.parse would refuse it.
    const parsedOut = JSON.parse(out.replace(/\bNaN\b/g, 'null')) as { torch_version: string; results: typeof results };
    torchVersion = parsedOut.torch_version;
    results = parsedOut.results;
  }, 120_000);

  test('PyTorch ran', () => expect(torchVersion).toMatch(/^\d+\.\d+/));

  for (const c of CASES) {
    test(`${c.name} (${c.spec.kind})`, () => {
      const got = results[c.name];
      if (!Array.isArray(got)) throw new Error(`PyTorch failed on the export:\n${got?.error}\n${exportCode(c.spec, 'torch').code}`);
      const ours = evaluate(c.spec, 0, c.steps);
      expect(got.length).toBe(c.steps);
      got.forEach((lr, k) => {
        const tol = RTOL * Math.max(Math.abs(lr), Math.abs(ours[k])) + 1e-18;
        if (!(Math.abs(lr - ours[k]) <= tol)) expect({ step: k, lr }).toEqual({ step: k, lr: ours[k] });
      });
    });
  }
});

describe('every export compiles and matches its snapshot', () => {
  test('py_compile accepts every snippet of every target', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrscope-export-'));
    try {
      const files: string[] = [];
      for (const c of CASES) {
        for (const target of EXPORT_TARGETS) {
          const file = join(dir, `${c.name}_${target}.py`);
          writeFileSync(file, exportCode(c.spec, target).code);
          files.push(file);
        }
      }
      execFileSync(PYTHON, ['-m', 'py_compile', ...files], { stdio: 'pipe' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // One snapshot file per target, every case in it under a header line naming the case: the
  // expected outputs are data a reviewer reads and diffs, not Python modules of the project
  // (hence `.py.txt`); each snippet is compiled and, for PyTorch, run by the tests above.
  for (const target of EXPORT_TARGETS) {
    test(`every case → ${target}`, async () => {
      const text = CASES.map((c) => `${SNAPSHOT_HEADER} ${c.name} (${c.spec.kind}) ====\n${exportCode(c.spec, target).code.trimEnd()}\n`).join('\n');
      await expect(text).toMatchFileSnapshot(`../../../src-shared/schedule/export/__snapshots__/${target}.py.txt`);
    });
  }
});

describe('what each target says', () => {
  test('a library without the schedule says so instead of a near miss', () => {
    const s = parsed(VARIED_SPECS.torch_cyclic_exp);
    const keras = exportCode(s, 'keras');
    expect(keras.native).toBe(false);
    expect(keras.code).toContain('# Keras has no schedule class for torch.CyclicLR');
    const hf = exportCode(s, 'hf');
    expect(hf.code).toContain('get_scheduler has no name');
    expect(hf.code).toContain('torch.optim.lr_scheduler.CyclicLR(optimizer');
  });
  test('the Hugging Face presets export as get_scheduler calls', () => {
    for (const p of PRESETS.filter((x) => x.id.startsWith('hf.'))) {
      const made = exportCode(p.spec, 'hf');
      expect(made.native, p.id).toBe(true);
      expect(made.code).toContain(`get_scheduler("${p.id.slice(3)}"`);
    }
  });
  test('a TensorFlow kind in PyTorch is a LambdaLR; a PyTorch kind is its class', () => {
    expect(exportCode(parsed({ kind: 'cosine_decay', learning_rate: 0.1, decay_steps: 10 }), 'torch').code).toContain('LambdaLR(optimizer, lr_lambda=lr_at)');
    expect(exportCode(parsed(VARIED_SPECS.torch_step), 'torch').code).toContain('StepLR(optimizer, step_size=30, gamma=0.1)');
  });
});
