# PyTorch has no class for piecewise_constant: LambdaLR over the exact formula (lrscope's evaluation, op for op).
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
    """The learning rate after `step` calls of scheduler.step() (piecewise_constant)."""
    k = np.float64(step)
    with np.errstate(all="ignore"):
        v0 = 0.009999999776482582
        v1 = _where(k <= 50.0, 0.019999999552965164, v0)
        v2 = _where(k <= 40.0, 0.029999999329447746, v1)
        v3 = _where(k <= 30.0, 0.03999999910593033, v2)
        v4 = _where(k <= 20.0, 0.05000000074505806, v3)
        v5 = _where(k <= 10.0, 0.05999999865889549, v4)
        return float(v5)

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 1.0
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)
