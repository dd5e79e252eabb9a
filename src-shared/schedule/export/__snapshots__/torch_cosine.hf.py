# Hugging Face get_scheduler has no name for this torch.CosineAnnealingLR schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.1
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=50.0, eta_min=0.001)
