import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.05
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[10, 10, 60], gamma=0.5)
