# Hugging Face get_scheduler has no name for this torch.StepLR schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.1
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)
