# Hugging Face get_scheduler has no name for this torch.MultiStepLR schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.05
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[10, 10, 60], gamma=0.5)
