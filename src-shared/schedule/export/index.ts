// Export a schedule as code for the library it will run in. Where the library has a class or
// function computing the same thing, the snippet uses it; where it has none, the snippet says so
// and computes the exact formula (formula.ts) instead of a near miss.
//
// Contracts of the snippets (issue 12): PyTorch expects `optimizer` and defines `scheduler`,
// stepped once per training step; Keras defines `lr_schedule`; optax `schedule`; TensorFlow 1
// `learning_rate` from a `global_step` variable; Hugging Face `scheduler` via get_scheduler.
import type { ScheduleSpec } from '../spec';
import { torchCode } from './torch';
import { kerasCode, tf1Code } from './tf';
import { optaxCode } from './optax';
import { hfCode } from './hf';

export const EXPORT_TARGETS = ['torch', 'keras', 'tf1', 'optax', 'hf'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export const EXPORT_TARGET_LABELS: Record<ExportTarget, string> = {
  torch: 'PyTorch (torch.optim.lr_scheduler)',
  keras: 'Keras 3 (keras.optimizers.schedules)',
  tf1: 'TensorFlow 1 (tf.compat.v1.train)',
  optax: 'optax',
  hf: 'Hugging Face (get_scheduler)',
};

export interface ExportedCode {
  target: ExportTarget;
  code: string;
  /** True when the snippet uses the library's own class or function for the schedule. */
  native: boolean;
  /** What the user must know: no equivalent in this library, dtype caveats. */
  note: string | null;
}

export function exportCode(spec: ScheduleSpec, target: ExportTarget): ExportedCode {
  const made = { torch: torchCode, keras: kerasCode, tf1: tf1Code, optax: optaxCode, hf: hfCode }[target](spec);
  const header = made.note ? `${made.note.split('\n').map((l) => `# ${l}`).join('\n')}\n` : '';
  return { target, code: `${header}${made.code.trimEnd()}\n`, native: made.native, note: made.note };
}

export interface Made { code: string; native: boolean; note: string | null }
