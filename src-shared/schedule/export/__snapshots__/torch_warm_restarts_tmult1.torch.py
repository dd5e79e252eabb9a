import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.02
scheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=7, T_mult=1, eta_min=0.0)
