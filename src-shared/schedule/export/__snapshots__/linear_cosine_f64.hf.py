# Hugging Face get_scheduler has no name for this linear_cosine_decay schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
# PyTorch has no class for linear_cosine_decay: LambdaLR over the exact formula (lrscope's evaluation, op for op).
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
    """The learning rate after `step` calls of scheduler.step() (linear_cosine_decay)."""
    k = np.float64(step)
    with np.errstate(all="ignore"):
        x0 = _min((k), 80.0)
        lin1 = ((80.0 - x0) / 80.0)
        cd2 = (0.5 * (1.0 + (_cos((3.141592653589793 * (4.0 * (x0 / 80.0)))))))
        return float((0.1 * (((0.1 + lin1) * cd2) + 0.01)))

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 1.0
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)
