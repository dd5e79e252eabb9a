import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.1
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=50.0, eta_min=0.001)
