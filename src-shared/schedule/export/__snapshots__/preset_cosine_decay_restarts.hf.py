# Hugging Face get_scheduler has no name for this cosine_decay_restarts schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
# PyTorch has no class for cosine_decay_restarts: LambdaLR over the exact formula (lrscope's evaluation, op for op).
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
    """The learning rate after `step` calls of scheduler.step() (cosine_decay_restarts)."""
    k = np.float64(step)
    with np.errstate(all="ignore"):
        cf0 = _r32(_r32(k) / 10.0)
        i1 = _floor(_r32(_r32(_log(_r32(1.0 - _r32(cf0 * -0.5)))) / 0.40546509623527527))
        t2 = _r32(_pow(1.5, i1))
        s3 = _r32(_r32(1.0 - t2) / -0.5)
        w4 = _r32(_r32(cf0 - s3) / t2)
        h5 = _r32(0.5 * _r32(_pow(0.800000011920929, i1)))
        cd6 = _r32(h5 * _r32(1.0 + _r32(_cos(_r32(3.1415927410125732 * w4)))))
        return float(_r32(0.30000001192092896 * _r32(_r32(0.9890000224113464 * cd6) + 0.010999999940395355)))

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 1.0
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)
