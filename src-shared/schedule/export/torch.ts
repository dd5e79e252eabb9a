// PyTorch: torch.optim.lr_scheduler classes for the torch.* kinds (SequentialLR with its
// children), else LambdaLR over the exact formula with the optimizer's base rate set to 1.0
// (LambdaLR's rate is initial_lr * lambda(step), so the lambda returns the rate itself).
import type { ScheduleSpec, TorchChildSpec } from '../spec';
import type { Made } from './index';
import { formulaBody, indent, kwargs, prelude, usesNoise } from './python';

const NATIVE = new Set(['torch.StepLR', 'torch.MultiStepLR', 'torch.ExponentialLR', 'torch.CosineAnnealingLR', 'torch.CosineAnnealingWarmRestarts', 'torch.PolynomialLR', 'torch.LinearLR', 'torch.ConstantLR']);

const cls = (kind: string) => `torch.optim.lr_scheduler.${kind.slice('torch.'.length)}`;

/** setdefault('initial_lr') in the schedulers' constructors keeps an older value: set both. */
const setLr = (lr: string) => `for group in optimizer.param_groups:\n    group["lr"] = group["initial_lr"] = ${lr}`;

export function torchCode(spec: ScheduleSpec): Made {
  if (NATIVE.has(spec.kind) && 'lr' in spec && typeof spec.lr === 'number') {
    const lr = spec.lr;
    return { native: true, note: null, code: `import torch\n\n${setLr(String(lr))}\nscheduler = ${cls(spec.kind)}(optimizer, ${kwargs(spec, { skip: ['lr'] })})\n` };
  }
  if (spec.kind === 'torch.OneCycleLR' || spec.kind === 'torch.CyclicLR') {
    const note = 'needs an optimizer with momentum (e.g. SGD(momentum=0.9)) unless cycle_momentum=False; it sets the rate itself';
    return { native: true, note: null, code: `import torch\n\n# ${note}\nscheduler = ${cls(spec.kind)}(optimizer, ${kwargs(spec, { skip: ['lr'], skipNull: true })})\n` };
  }
  if (spec.kind === 'torch.SequentialLR') {
    const children = spec.schedulers.map((c: TorchChildSpec, i) => `s${i} = ${cls(c.kind)}(optimizer, ${kwargs(c)})`);
    return {
      native: true, note: null,
      code: `import torch\n\n${setLr(String(spec.lr))}\n${children.join('\n')}\nscheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, schedulers=[${spec.schedulers.map((_, i) => `s${i}`).join(', ')}], milestones=${JSON.stringify(spec.milestones)})\n`,
    };
  }
  return { native: false, note: `PyTorch has no class for ${spec.kind}: LambdaLR over the exact formula (lrscope's evaluation, op for op).${usesNoise(spec) ? '\nThe noise is lrscope\'s reproducible generator, not TensorFlow\'s random stream.' : ''}`, code: lambdaCode(spec) };
}

/** A LambdaLR computing the exact formula: also the fallback other targets point to. */
export function lambdaCode(spec: ScheduleSpec): string {
  const body = formulaBody(spec);
  return `import math
import numpy as np
import torch

${prelude('numpy', spec)}

def lr_at(step):
    """The learning rate after \`step\` calls of scheduler.step() (${spec.kind})."""
    k = np.float64(step)
    with np.errstate(all="ignore"):
${indent(body.lines, '        ')}        return float(${body.result})

${setLr('1.0')}
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)
`;
}
