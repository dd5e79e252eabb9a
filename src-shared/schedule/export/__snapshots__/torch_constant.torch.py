import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.1
scheduler = torch.optim.lr_scheduler.ConstantLR(optimizer, factor=0.5, total_iters=10)
