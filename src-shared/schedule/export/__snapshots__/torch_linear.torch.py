import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.1
scheduler = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.25, end_factor=1.0, total_iters=20)
