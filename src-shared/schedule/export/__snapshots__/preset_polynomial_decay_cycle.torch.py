# PyTorch has no class for polynomial_decay: LambdaLR over the exact formula (lrscope's evaluation, op for op).
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
    """The learning rate after `step` calls of scheduler.step() (polynomial_decay)."""
    k = np.float64(step)
    with np.errstate(all="ignore"):
        x0 = _r32(k)
        d1 = _r32(10.0 * _where(x0 == 0, 1.0, _ceil(_r32(x0 / 10.0))))
        q2 = _r32(1.0 - _r32(x0 / d1))
        return float(_r32(_r32(0.09000000357627869 * _r32(_pow(q2, 1.0))) + 0.009999999776482582))

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 1.0
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)
