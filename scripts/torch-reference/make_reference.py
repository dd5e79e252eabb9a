#!/usr/bin/python3
"""Reference learning rates from the real torch.optim.lr_scheduler classes.

Run with Debian's Python and python3-torch (CI does not need PyTorch; the JSON
this writes is committed next to this script and read by
src-shared/schedule/torch.test.ts):

    /usr/bin/python3 scripts/torch-reference/make_reference.py

Each case is an lrscope spec (see src-shared/schedule/README.md) and the
learning rate after k calls of scheduler.step(), for k = 0 .. n-1, i.e. the
rate used by the (k+1)-th optimizer update.  The scheduler is stepped exactly
as a training loop does: optimizer.step() then scheduler.step().
"""
import json
import os
import sys
import warnings

import torch
from torch.optim import lr_scheduler as S

warnings.filterwarnings("ignore")  # epoch-argument deprecation warnings from SequentialLR

CLASS = {
    "torch.StepLR": S.StepLR,
    "torch.MultiStepLR": S.MultiStepLR,
    "torch.ExponentialLR": S.ExponentialLR,
    "torch.CosineAnnealingLR": S.CosineAnnealingLR,
    "torch.CosineAnnealingWarmRestarts": S.CosineAnnealingWarmRestarts,
    "torch.OneCycleLR": S.OneCycleLR,
    "torch.CyclicLR": S.CyclicLR,
    "torch.PolynomialLR": S.PolynomialLR,
    "torch.LinearLR": S.LinearLR,
    "torch.ConstantLR": S.ConstantLR,
}


def build(opt, spec):
    kind = spec["kind"]
    kwargs = {k: v for k, v in spec.items() if k not in ("kind", "lr", "schedulers")}
    if kind == "torch.SequentialLR":
        children = [build(opt, child) for child in spec["schedulers"]]
        return S.SequentialLR(opt, schedulers=children, milestones=kwargs["milestones"])
    return CLASS[kind](opt, **kwargs)


def run(spec, n):
    param = torch.nn.Parameter(torch.zeros(1))
    # momentum: CyclicLR and OneCycleLR cycle it by default and refuse an optimizer without it.
    opt = torch.optim.SGD([param], lr=spec.get("lr", 0.001), momentum=0.9)
    sched = build(opt, spec)
    lrs = []
    for k in range(n):
        lrs.append(sched.get_last_lr()[0])
        if k < n - 1:  # OneCycleLR raises when stepped past total_steps
            opt.step()
            sched.step()
    return lrs


CASES = [
    ("StepLR", {"kind": "torch.StepLR", "lr": 0.1, "step_size": 30, "gamma": 0.1}, 200),
    ("StepLR gamma 0.5 step 7", {"kind": "torch.StepLR", "lr": 0.05, "step_size": 7, "gamma": 0.5}, 120),
    ("MultiStepLR", {"kind": "torch.MultiStepLR", "lr": 0.1, "milestones": [30, 80], "gamma": 0.1}, 150),
    ("MultiStepLR repeated milestone", {"kind": "torch.MultiStepLR", "lr": 0.1, "milestones": [10, 10, 25], "gamma": 0.5}, 60),
    ("ExponentialLR", {"kind": "torch.ExponentialLR", "lr": 0.1, "gamma": 0.95}, 300),
    ("CosineAnnealingLR past T_max", {"kind": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 50, "eta_min": 0.001}, 260),
    ("CosineAnnealingWarmRestarts T_mult 1", {"kind": "torch.CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 10, "T_mult": 1, "eta_min": 0.001}, 100),
    ("CosineAnnealingWarmRestarts T_mult 2", {"kind": "torch.CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 5, "T_mult": 2, "eta_min": 0.0}, 160),
    ("OneCycleLR cos", {"kind": "torch.OneCycleLR", "lr": 0.5, "max_lr": 0.1, "total_steps": 100}, 101),
    ("OneCycleLR linear", {"kind": "torch.OneCycleLR", "lr": 0.5, "max_lr": 0.1, "total_steps": 100, "anneal_strategy": "linear"}, 101),
    ("OneCycleLR three_phase", {"kind": "torch.OneCycleLR", "lr": 0.5, "max_lr": 0.01, "epochs": 7, "steps_per_epoch": 13, "pct_start": 0.25, "three_phase": True, "div_factor": 10.0, "final_div_factor": 100.0}, 92),
    ("CyclicLR triangular", {"kind": "torch.CyclicLR", "lr": 0.5, "base_lr": 0.001, "max_lr": 0.006, "step_size_up": 20}, 200),
    ("CyclicLR triangular2 asymmetric", {"kind": "torch.CyclicLR", "lr": 0.5, "base_lr": 0.001, "max_lr": 0.01, "step_size_up": 15, "step_size_down": 25, "mode": "triangular2"}, 200),
    ("CyclicLR exp_range", {"kind": "torch.CyclicLR", "lr": 0.5, "base_lr": 0.001, "max_lr": 0.01, "step_size_up": 10, "mode": "exp_range", "gamma": 0.99}, 200),
    ("PolynomialLR power 2", {"kind": "torch.PolynomialLR", "lr": 0.1, "total_iters": 50, "power": 2.0}, 80),
    ("PolynomialLR linear", {"kind": "torch.PolynomialLR", "lr": 0.1, "total_iters": 40, "power": 1.0}, 60),
    ("LinearLR warmup", {"kind": "torch.LinearLR", "lr": 0.1, "start_factor": 0.25, "end_factor": 1.0, "total_iters": 10}, 30),
    ("LinearLR decay", {"kind": "torch.LinearLR", "lr": 0.1, "start_factor": 1.0, "end_factor": 0.1, "total_iters": 40}, 60),
    ("ConstantLR", {"kind": "torch.ConstantLR", "lr": 0.1, "factor": 0.5, "total_iters": 10}, 30),
    ("SequentialLR linear warmup then cosine", {"kind": "torch.SequentialLR", "lr": 0.1, "milestones": [10], "schedulers": [
        {"kind": "torch.LinearLR", "start_factor": 0.1, "end_factor": 1.0, "total_iters": 10},
        {"kind": "torch.CosineAnnealingLR", "T_max": 90, "eta_min": 0.0}]}, 120),
    ("SequentialLR three schedulers", {"kind": "torch.SequentialLR", "lr": 0.1, "milestones": [5, 25], "schedulers": [
        {"kind": "torch.ConstantLR", "factor": 0.5, "total_iters": 5},
        {"kind": "torch.ExponentialLR", "gamma": 0.9},
        {"kind": "torch.StepLR", "step_size": 10, "gamma": 0.5}]}, 70),
    ("SequentialLR into warm restarts", {"kind": "torch.SequentialLR", "lr": 0.05, "milestones": [8], "schedulers": [
        {"kind": "torch.LinearLR", "start_factor": 0.5, "end_factor": 1.0, "total_iters": 8},
        {"kind": "torch.CosineAnnealingWarmRestarts", "T_0": 10, "T_mult": 2, "eta_min": 0.0}]}, 80),
]


def main():
    out = {
        "generated_by": "scripts/torch-reference/make_reference.py",
        "torch_version": torch.__version__,
        "python_version": sys.version.split()[0],
        "cases": [{"name": name, "spec": spec, "lr": run(spec, n)} for name, spec, n in CASES],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", path, len(out["cases"]), "cases")


if __name__ == "__main__":
    main()
