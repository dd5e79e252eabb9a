# Hugging Face get_scheduler has no name for this torch.LinearLR schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.1
scheduler = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.25, end_factor=1.0, total_iters=20)
