# Hugging Face get_scheduler has no name for this exponential_decay schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
# PyTorch has no class for exponential_decay: LambdaLR over the exact formula (lrscope's evaluation, op for op).
import math
import numpy as np
import torch

_r32 = np.float32
_where, _floor, _ceil, _min, _max = np.where, np.floor, np.ceil, np.minimum, np.maximum
def _cos(x): return np.cos(np.float64(x))
def _log(x): return np.log(np.float64(x))
def _sqrt(x): return np.sqrt(np.float64(x))
def _pow(a, b): return np.power(np.float64(a), np.float64(b))

def lr_at(step):
    """The learning rate after `step` calls of scheduler.step() (exponential_decay)."""
    k = np.float64(step)
    with np.errstate(all="ignore"):
        p0 = ((k) / 7.0)
        p1 = _floor(p0)
        return float((0.1 * (_pow(0.5, p1))))

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 1.0
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)
