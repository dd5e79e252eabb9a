import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.1
s0 = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.1, end_factor=1.0, total_iters=20)
s1 = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=100.0, eta_min=0.0)
s2 = torch.optim.lr_scheduler.ConstantLR(optimizer, factor=0.5, total_iters=1000)
scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, schedulers=[s0, s1, s2], milestones=[20,120])
