# Hugging Face get_scheduler has no name for this keras.PiecewiseConstantDecay schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
# PyTorch has no class for keras.PiecewiseConstantDecay: LambdaLR over the exact formula (lrscope's evaluation, op for op).
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
    """The learning rate after `step` calls of scheduler.step() (keras.PiecewiseConstantDecay)."""
    k = np.float64(step)
    with np.errstate(all="ignore"):
        v0 = 0.0010000000474974513
        v1 = _where(k <= 100.0, 0.10000000149011612, v0)
        v2 = _where(k <= 50.0, 0.5, v1)
        v3 = _where(k <= 3.0, 1.0, v2)
        return float(v3)

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 1.0
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)
