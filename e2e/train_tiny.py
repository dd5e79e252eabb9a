"""A real (tiny) training loop for the live e2e test: a two-layer MLP fitting a noisy sine with
SGD and PyTorch's own OneCycleLR, writing one CSV row per step and flushing it, as a training
script that logs to CSV does. Run with Debian's python3-torch: /usr/bin/python3 train_tiny.py OUT STEPS"""
import math
import sys
import time

import torch

out, steps = sys.argv[1], int(sys.argv[2])
torch.manual_seed(0)
x = torch.linspace(-3, 3, 256).unsqueeze(1)
y = torch.sin(x) + 0.05 * torch.randn_like(x)
model = torch.nn.Sequential(torch.nn.Linear(1, 32), torch.nn.Tanh(), torch.nn.Linear(32, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.2, total_steps=steps)

with open(out, "w", buffering=1) as log:
    log.write("step,loss,lr\n")
    log.flush()
    for step in range(steps):
        lr = sched.get_last_lr()[0]
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        opt.step()
        sched.step()
        # repr() round-trips the float64 exactly; the loss is float32, widened exactly.
        log.write(f"{step},{float(loss.item())!r},{lr!r}\n")
        log.flush()
        time.sleep(0.02)  # a step of real training takes a while; the watcher sees the file grow
print("trained", steps, "steps, final loss", float(loss.item()), file=sys.stderr)
assert math.isfinite(float(loss.item()))
