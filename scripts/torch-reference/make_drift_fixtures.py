#!/usr/bin/python3
"""Logs made by running the common scheduler mistakes with real PyTorch.

Run with Debian's python3-torch; the JSON it writes (drift_fixtures.json, next to this script) is
committed and read by src-shared/schedule/drift/drift.test.ts:

    /usr/bin/python3 scripts/torch-reference/make_drift_fixtures.py

Each case: the schedule the user meant (an lrscope spec, attached to the run) and the learning
rate a training loop with the mistake logged, as (step, lr) pairs, plus the cause drift should name.
"""
import json
import os
import warnings

import torch
from torch.optim import lr_scheduler as S

warnings.filterwarnings("ignore")


def optimizer(lr):
    return torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr, momentum=0.9)


def lr_of(opt):
    return opt.param_groups[0]["lr"]


def stepped_per_epoch():
    # Meant: CosineAnnealingLR stepped every batch over 10 epochs of 20 batches.
    # Mistake: scheduler.step() at the end of each epoch.
    opt = optimizer(0.1)
    sched = S.CosineAnnealingLR(opt, T_max=200, eta_min=0.001)
    steps, lrs = [], []
    for epoch in range(10):
        for batch in range(20):
            steps.append(epoch * 20 + batch)
            lrs.append(lr_of(opt))
            opt.step()
        sched.step()
    return {"spec": {"kind": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 200, "eta_min": 0.001}, "steps": steps, "lr": lrs, "cause": "stepped_per_epoch", "value": 20}


def stepped_per_batch():
    # Meant: StepLR(step_size=3) stepped once per epoch; logged once per epoch (step = epoch).
    # Mistake: scheduler.step() after every batch (8 per epoch).
    opt = optimizer(0.1)
    sched = S.StepLR(opt, step_size=3, gamma=0.5)
    steps, lrs = [], []
    for epoch in range(12):
        steps.append(epoch)
        lrs.append(lr_of(opt))
        for batch in range(8):
            opt.step()
            sched.step()
    return {"spec": {"kind": "torch.StepLR", "lr": 0.1, "step_size": 3, "gamma": 0.5}, "steps": steps, "lr": lrs, "cause": "stepped_per_batch", "value": 8}


def off_by_one():
    # Mistake: the rate read after scheduler.step() and logged under the step just taken.
    opt = optimizer(0.05)
    sched = S.CosineAnnealingWarmRestarts(opt, T_0=30, T_mult=2, eta_min=0.0005)
    steps, lrs = [], []
    for k in range(200):
        opt.step()
        sched.step()
        steps.append(k)
        lrs.append(sched.get_last_lr()[0])
    return {"spec": {"kind": "torch.CosineAnnealingWarmRestarts", "lr": 0.05, "T_0": 30, "T_mult": 2, "eta_min": 0.0005}, "steps": steps, "lr": lrs, "cause": "off_by_one", "value": 1}


def restarted_at_resume():
    # Mistake: resuming at step 150 from a checkpoint without the scheduler's state_dict.
    spec = {"kind": "torch.OneCycleLR", "max_lr": 0.2, "total_steps": 400}
    steps, lrs = [], []
    opt = optimizer(0.2)
    sched = S.OneCycleLR(opt, max_lr=0.2, total_steps=400)
    for k in range(150):
        steps.append(k)
        lrs.append(lr_of(opt))
        opt.step()
        sched.step()
    opt = optimizer(0.2)  # the resumed process: a fresh optimizer and scheduler
    sched = S.OneCycleLR(opt, max_lr=0.2, total_steps=400)
    for k in range(150, 400):
        steps.append(k)
        lrs.append(lr_of(opt))
        opt.step()
        if k < 399:
            sched.step()
    return {"spec": spec, "steps": steps, "lr": lrs, "cause": "restarted_at_resume", "value": 150}


def warmup_spec():
    return {"kind": "warmup", "warmup_steps": 50, "start_lr": 0.001, "after": {"kind": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 250, "eta_min": 0}}


def run(sched, opt, n):
    steps, lrs = [], []
    for k in range(n):
        steps.append(k)
        lrs.append(lr_of(opt))
        opt.step()
        sched.step()
    return steps, lrs


def warmup_missing():
    # Meant: 50 steps of warmup (LinearLR from 0.01 x) then cosine; the warmup was left out.
    opt = optimizer(0.1)
    steps, lrs = run(S.CosineAnnealingLR(opt, T_max=250), opt, 300)
    return {"spec": warmup_spec(), "steps": steps, "lr": lrs, "cause": "warmup_missing", "value": 50}


def warmup_doubled():
    # Mistake: warmup counted in micro-steps (2 per update): 100 steps instead of 50.
    opt = optimizer(0.1)
    warm = S.LinearLR(opt, start_factor=0.01, end_factor=1.0, total_iters=100)
    cos = S.CosineAnnealingLR(opt, T_max=250)
    steps, lrs = run(S.SequentialLR(opt, schedulers=[warm, cos], milestones=[100]), opt, 300)
    return {"spec": warmup_spec(), "steps": steps, "lr": lrs, "cause": "warmup_doubled", "value": 100}


def warmup_as_meant():
    # The same schedule done right, to show drift finds nothing to report.
    opt = optimizer(0.1)
    warm = S.LinearLR(opt, start_factor=0.01, end_factor=1.0, total_iters=50)
    cos = S.CosineAnnealingLR(opt, T_max=250)
    steps, lrs = run(S.SequentialLR(opt, schedulers=[warm, cos], milestones=[50]), opt, 300)
    return {"spec": warmup_spec(), "steps": steps, "lr": lrs, "cause": None, "value": 0}


def base_lr_scaled():
    # Mistake: the optimizer built with lr=0.03 where the schedule was designed for 0.1.
    opt = optimizer(0.03)
    steps, lrs = run(S.ExponentialLR(opt, gamma=0.99), opt, 200)
    return {"spec": {"kind": "torch.ExponentialLR", "lr": 0.1, "gamma": 0.99}, "steps": steps, "lr": lrs, "cause": "base_lr_scaled", "value": 0.3}


def main():
    cases = {f.__name__: f() for f in [stepped_per_epoch, stepped_per_batch, off_by_one, restarted_at_resume, warmup_missing, warmup_doubled, warmup_as_meant, base_lr_scaled]}
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "drift_fixtures.json")
    with open(out, "w") as f:
        json.dump({"torch_version": torch.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {out}: {len(cases)} cases")


if __name__ == "__main__":
    main()
