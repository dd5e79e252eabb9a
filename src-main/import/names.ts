// Which column is the step, which metric is the learning rate, a loss or the epoch: recognised
// by the names that training frameworks write.
import type { MetricRole } from '../../src-shared/api/types';

// Step counters as written by Lightning (step), HF/TF (global_step), mmcv/detectron (iter,
// iteration), fairseq (num_updates), W&B (_step) and hand-written loops (it, batch, steps).
const STEP_NAMES = new Set([
  'step',
  'steps',
  'global_step',
  'globalstep',
  'iteration',
  'iterations',
  'iter',
  'it',
  'batch',
  'batches',
  '_step',
  'num_updates',
  'trainer/global_step',
  'train/global_step',
  'train/step',
]);

export function isStepName(name: string): boolean {
  return STEP_NAMES.has(name.trim().toLowerCase());
}

export function isEpochName(name: string): boolean {
  const last = name.trim().toLowerCase().split('/').pop() ?? '';
  return last === 'epoch' || last === 'epochs';
}

// `lr`, `learning_rate`, Lightning's LearningRateMonitor `lr-Adam`, `lr-SGD/pg1`, Ultralytics'
// `lr/pg0`, HF's `train/learning_rate`, Flair's `LEARNING_RATE`; not `lr-SGD-momentum`, which the
// same monitor logs for the momentum.
const LR_SEGMENT = /^(lr|learning[-_ ]?rate)(?:$|[-_])/i;

function isLrName(name: string): boolean {
  if (/momentum|beta/i.test(name)) return false;
  return name.split('/').some((segment) => LR_SEGMENT.test(segment.trim()));
}

// train_loss, val_loss, eval_loss, epoch_loss, train/box_loss, TRAIN_LOSS, train_loss_step …;
// not an fp16 loss scale.
function isLossName(name: string): boolean {
  return /loss/i.test(name) && !/loss[-_ ]?scal/i.test(name);
}

export function roleOf(name: string): MetricRole {
  if (isClockName(name)) return 'clock';
  if (isEpochName(name)) return 'epoch';
  if (isLrName(name)) return 'lr';
  if (isLossName(name)) return 'loss';
  return 'other';
}

/** Picks the step column among a log's columns: the first recognised name, else none (row index). */
export function findStepColumn(columns: readonly string[]): string | null {
  return columns.find(isStepName) ?? null;
}

/**
 * Clock columns (wall_time, timestamp, _runtime…) are logged beside the metrics but are not
 * training curves: they are stored with the role 'clock' (the time x axes read them; the metric
 * lists and the grid leave them out). One rule for the preview, the UI's default, the CLI and the
 * watcher (roleOf).
 */
const CLOCK_NAME = /^(wall[_ ]?time|_?timestamp|time|_?runtime|date|datetime)$/i;

export function isClockName(name: string): boolean {
  return CLOCK_NAME.test(name.trim());
}
