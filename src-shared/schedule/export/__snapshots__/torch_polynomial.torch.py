import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.1
scheduler = torch.optim.lr_scheduler.PolynomialLR(optimizer, total_iters=40, power=2.0)
