#!/usr/bin/python3
"""Run lrscope's PyTorch exports with real PyTorch, as a training loop does.

Reads JSON from stdin: [{"name": str, "code": str, "steps": int}, ...]. Each snippet is executed
with a fresh `optimizer` (SGD with momentum, which OneCycleLR and CyclicLR need) and must define
`scheduler`. The rate used by update k is recorded, then optimizer.step() and scheduler.step()
are called, k = 0 .. steps - 1. Writes {"torch_version": str, "results": {name: [lr, ...]}}
(or {name: {"error": str}}) to stdout. Used by src-shared/schedule/export/export.test.ts with
Debian's python3-torch (/usr/bin/python3).
"""
import json
import sys
import traceback
import warnings

import torch

warnings.filterwarnings("ignore")


def run(code, steps):
    param = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([param], lr=0.001, momentum=0.9)
    scope = {"optimizer": optimizer}
    exec(compile(code, "<export>", "exec"), scope)
    scheduler = scope["scheduler"]
    lrs = []
    for k in range(steps):
        lrs.append(optimizer.param_groups[0]["lr"])
        if k < steps - 1:
            optimizer.step()
            scheduler.step()
    return lrs


def main():
    cases = json.load(sys.stdin)
    results = {}
    for case in cases:
        try:
            results[case["name"]] = run(case["code"], case["steps"])
        except Exception:  # reported per case, so one bad snippet does not hide the others
            results[case["name"]] = {"error": traceback.format_exc(limit=3)}
    json.dump({"torch_version": torch.__version__, "results": results}, sys.stdout, allow_nan=True)


if __name__ == "__main__":
    main()
