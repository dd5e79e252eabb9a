# PyTorch has no class for cosine_decay: LambdaLR over the exact formula (lrscope's evaluation, op for op).
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
    """The learning rate after `step` calls of scheduler.step() (cosine_decay)."""
    k = np.float64(step)
    with np.errstate(all="ignore"):
        x0 = _min(_r32(k), 50.0)
        cf1 = _r32(x0 / 50.0)
        cd2 = _r32(0.5 * _r32(1.0 + _r32(_cos(_r32(3.1415927410125732 * cf1)))))
        return float(_r32(0.30000001192092896 * _r32(_r32(0.9900000095367432 * cd2) + 0.009999999776482582)))

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 1.0
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)
