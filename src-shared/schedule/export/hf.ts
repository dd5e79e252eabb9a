// Hugging Face transformers.get_scheduler: the names whose formula a spec is exactly (the shapes
// hfScheduleSpec in presets.ts builds); for anything else, say so and give the PyTorch scheduler,
// which Trainer accepts as optimizers=(optimizer, scheduler).
import type { ScheduleSpec } from '../spec';
import type { Made } from './index';
import { lit } from './python';
import { torchCode } from './torch';

interface HfCall { name: string; lr: number; warmup: number; training: number; extra?: Record<string, number> }

function match(spec: ScheduleSpec): HfCall | null {
  if (spec.kind === 'hf.inverse_sqrt') {
    return { name: 'inverse_sqrt', lr: spec.lr, warmup: spec.num_warmup_steps, training: 0, extra: spec.timescale === null ? undefined : { timescale: spec.timescale } };
  }
  if (spec.kind !== 'warmup' || spec.start_lr !== 0) return null;
  const W = spec.warmup_steps, a = spec.after;
  switch (a.kind) {
    case 'torch.LinearLR':
      return a.start_factor === 1 && a.end_factor === 0 ? { name: 'linear', lr: a.lr, warmup: W, training: W + a.total_iters } : null;
    case 'torch.CosineAnnealingLR':
      return a.eta_min === 0 && Number.isInteger(a.T_max) ? { name: 'cosine', lr: a.lr, warmup: W, training: W + a.T_max } : null;
    case 'torch.ConstantLR':
      return a.factor === 1 || a.total_iters === 0 ? { name: 'constant_with_warmup', lr: a.lr, warmup: W, training: W } : null;
    case 'polynomial_decay':
      return !a.cycle && a.dtype === 'float64' && Number.isInteger(a.decay_steps)
        ? { name: 'polynomial', lr: a.learning_rate, warmup: W, training: W + a.decay_steps, extra: { lr_end: a.end_learning_rate, power: a.power } }
        : null;
    case 'torch.SequentialLR': {
      const [restarts, off] = a.schedulers;
      if (a.schedulers.length !== 2 || restarts.kind !== 'torch.CosineAnnealingWarmRestarts' || off.kind !== 'torch.MultiStepLR') return null;
      const decay = a.milestones[0];
      const cycles = decay / restarts.T_0;
      const ok = restarts.T_mult === 1 && restarts.eta_min === 0 && off.gamma === 0 && off.milestones.join() === '0' && Number.isInteger(cycles);
      return ok ? { name: 'cosine_with_restarts', lr: a.lr, warmup: W, training: W + decay, extra: { num_cycles: cycles } } : null;
    }
    default:
      return null;
  }
}

export function hfCode(spec: ScheduleSpec): Made {
  const call = match(spec);
  if (!call) {
    const torch = torchCode(spec);
    return { native: false, note: `Hugging Face get_scheduler has no name for this ${spec.kind} schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).${torch.note ? `\n${torch.note}` : ''}`, code: torch.code };
  }
  const extra = call.extra ? `, scheduler_specific_kwargs={${Object.entries(call.extra).map(([k, v]) => `"${k}": ${Number.isInteger(v) && k !== 'lr_end' && k !== 'power' ? v : lit(v)}`).join(', ')}}` : '';
  const training = call.name === 'inverse_sqrt' || call.name === 'constant_with_warmup' ? '' : `, num_training_steps=${call.training}`;
  return {
    native: true, note: null,
    code: `from transformers import get_scheduler\n\nfor group in optimizer.param_groups:\n    group["lr"] = group["initial_lr"] = ${lit(call.lr)}\nscheduler = get_scheduler("${call.name}", optimizer, num_warmup_steps=${call.warmup}${training}${extra})\n`,
  };
}
