import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.1
scheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=10, T_mult=2, eta_min=0.0001)
