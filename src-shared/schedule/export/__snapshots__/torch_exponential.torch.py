import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.01
scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.99)
