#!/usr/bin/python3
"""The other implementations the schedule bench times beside lrscope (issue 15).

Run by bench/schedule.bench.ts with Debian's Python (/usr/bin/python3, python3-numpy and
python3-torch). It reads one JSON job per line on stdin and answers one JSON line per job:

    {"case": NAME, "n": STEPS, "torch_n": STEPS, "out": DIR}
    -> {"numpy_ms": ..., "torch_ms": ..., "torch_n": ...}

and writes the numpy curve (float32) to DIR/NAME.numpy.f32 and the rates torch's scheduler gave
(float64) to DIR/NAME.torch.f64, for the bench to compare with lrscope's.

- numpy: the schedule as TensorFlow writes it (tensorflow/python/keras/optimizer_v2/
  learning_rate_schedule.py), vectorised over every step at once in float32.
- torch: the real torch.optim.lr_scheduler class, scheduler.step() called once per step as a
  training loop does, the rate read from the optimizer before each call.
"""
import json
import sys
import time
import warnings

import numpy as np
import torch
from torch.optim import lr_scheduler as S

warnings.filterwarnings("ignore")  # "scheduler.step() before optimizer.step()": no training here

F = np.float32


def numpy_curve(name, n):
    step = np.arange(n, dtype=F)
    if name == "staircase":
        # exponential_decay(0.1, decay_steps=30_000, decay_rate=0.5, staircase=True)
        p = np.floor(step / F(30_000))
        return F(0.1) * np.power(F(0.5), p)
    if name == "exponential":
        # exponential_decay(0.1, decay_steps=1, decay_rate=0.9999999)
        return F(0.1) * np.power(F(0.9999999), step / F(1))
    if name == "cosine":
        # cosine_decay(0.1, decay_steps=n, alpha=0.01)
        frac = np.minimum(step, F(n)) / F(n)
        cos = F(0.5) * (F(1) + np.cos(F(np.pi) * frac))
        return F(0.1) * (F(1 - 0.01) * cos + F(0.01))  # (1 - alpha) in Python floats, as TF has it
    raise ValueError(name)


def torch_scheduler(name, n, opt):
    if name == "staircase":
        return S.StepLR(opt, step_size=30_000, gamma=0.5)
    if name == "exponential":
        return S.ExponentialLR(opt, gamma=0.9999999)
    if name == "cosine":
        return S.CosineAnnealingLR(opt, T_max=n, eta_min=0.1 * 0.01)
    raise ValueError(name)


def torch_loop(name, n, steps):
    param = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([param], lr=0.1)
    sched = torch_scheduler(name, n, opt)
    group = opt.param_groups[0]
    out = np.empty(steps, dtype=np.float64)
    for i in range(steps):
        out[i] = group["lr"]
        sched.step()
    return out


def main():
    warmed = set()
    for line in sys.stdin:
        job = json.loads(line)
        name, n, torch_n = job["case"], job["n"], job["torch_n"]
        if name not in warmed:  # the first call of each allocates and loads what it needs
            numpy_curve(name, 1000)
            torch_loop(name, n, 1000)
            warmed.add(name)
        t0 = time.perf_counter()
        curve = numpy_curve(name, n)
        t1 = time.perf_counter()
        rates = torch_loop(name, n, torch_n)
        t2 = time.perf_counter()
        curve.astype(F).tofile(f"{job['out']}/{name}.numpy.f32")
        rates.tofile(f"{job['out']}/{name}.torch.f64")
        print(json.dumps({"numpy_ms": (t1 - t0) * 1e3, "torch_ms": (t2 - t1) * 1e3, "torch_n": torch_n}), flush=True)


if __name__ == "__main__":
    main()
