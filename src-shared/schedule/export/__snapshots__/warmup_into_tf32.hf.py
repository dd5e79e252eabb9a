# Hugging Face get_scheduler has no name for this warmup schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
# PyTorch has no class for warmup: LambdaLR over the exact formula (lrscope's evaluation, op for op).
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
    """The learning rate after `step` calls of scheduler.step() (warmup)."""
    k = np.float64(step)
    with np.errstate(all="ignore"):
        k0 = _max(k - 50.0, 0.0)
        cf1 = _r32(_r32(k0) / 40.0)
        i2 = _floor(_r32(_r32(_log(_r32(1.0 - _r32(cf1 * -1.0)))) / 0.6931471824645996))
        t3 = _r32(_pow(2.0, i2))
        s4 = _r32(_r32(1.0 - t3) / -1.0)
        w5 = _r32(_r32(cf1 - s4) / t3)
        h6 = _r32(0.5 * _r32(_pow(0.699999988079071, i2)))
        cd7 = _r32(h6 * _r32(1.0 + _r32(_cos(_r32(3.1415927410125732 * w5)))))
        return float(_where(k < 50.0, 0.0001 + 0.009899999776482583 * (k / 50.0), _r32(0.009999999776482582 * _r32(_r32(0.949999988079071 * cd7) + 0.05000000074505806))))

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 1.0
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)
