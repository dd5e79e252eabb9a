# Hugging Face get_scheduler has no name for this torch.ExponentialLR schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.01
scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.99)
