# Hugging Face get_scheduler has no name for this noisy_linear_cosine_decay schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
# PyTorch has no class for noisy_linear_cosine_decay: LambdaLR over the exact formula (lrscope's evaluation, op for op).
# The noise is lrscope's reproducible generator, not TensorFlow's random stream.
import math
import numpy as np
import torch

_r32 = np.float32
_where, _floor, _ceil, _min, _max = np.where, np.floor, np.ceil, np.minimum, np.maximum
def _cos(x): return np.cos(np.float64(x))
def _log(x): return np.log(np.float64(x))
def _sqrt(x): return np.sqrt(np.float64(x))
def _pow(a, b): return np.power(np.float64(a), np.float64(b))
def _normal_quantile(p):
    a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239]
    b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1]
    c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
    d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416]
    def tail(q): return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    if p < 0.02425: return tail(math.sqrt(-2 * math.log(p)))
    if p > 1 - 0.02425: return -tail(math.sqrt(-2 * math.log(1 - p)))
    q = p - 0.5
    t = q * q
    return ((((((a[0] * t + a[1]) * t + a[2]) * t + a[3]) * t + a[4]) * t + a[5]) * q) / (((((b[0] * t + b[1]) * t + b[2]) * t + b[3]) * t + b[4]) * t + 1)

_QUANTILES = [_normal_quantile((i + 0.5) / 4097) for i in range(4097)]

def _imul(a, b): return (a * b) & 0xFFFFFFFF

def _noise(seed, step):
    step = int(step)
    h = _imul(seed ^ 0x9E3779B9, 0x85EBCA6B) ^ (step & 0xFFFFFFFF)
    h = _imul(h ^ (h >> 16), 0x85EBCA6B) ^ _imul(step // 4294967296, 0x27D4EB2D)
    h = _imul(h ^ (h >> 13), 0xC2B2AE35)
    h = (h ^ (h >> 16)) & 0xFFFFFFFF
    i, frac = h >> 20, (h & 0xFFFFF) / 1048576
    return np.float32(_QUANTILES[i] + (_QUANTILES[i + 1] - _QUANTILES[i]) * frac)

def lr_at(step):
    """The learning rate after `step` calls of scheduler.step() (noisy_linear_cosine_decay)."""
    k = np.float64(step)
    with np.errstate(all="ignore"):
        x0 = _min(_r32(k), 50.0)
        lin1 = _r32(_r32(50.0 - x0) / 50.0)
        lin2 = _r32(lin1 + _r32(_r32(_sqrt(_r32(0.009999999776482582 / _r32(_pow(_r32(1.0 + x0), 0.10000000149011612))))) * _noise(0, k)))
        cd3 = _r32(0.5 * _r32(1.0 + _r32(_cos(_r32(3.1415927410125732 * _r32(0.4000000059604645 * _r32(x0 / 50.0)))))))
        return float(_r32(0.10000000149011612 * _r32(_r32(_r32(0.5 + lin2) * cd3) + 0.20000000298023224)))

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 1.0
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)
