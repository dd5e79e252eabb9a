# Hugging Face get_scheduler has no name for this torch.ConstantLR schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
import torch

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.1
scheduler = torch.optim.lr_scheduler.ConstantLR(optimizer, factor=0.5, total_iters=10)
