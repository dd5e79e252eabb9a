# Hugging Face get_scheduler has no name for this torch.CyclicLR schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
import torch

# needs an optimizer with momentum (e.g. SGD(momentum=0.9)) unless cycle_momentum=False; it sets the rate itself
scheduler = torch.optim.lr_scheduler.CyclicLR(optimizer, base_lr=0.001, max_lr=0.01, step_size_up=20.0, step_size_down=10.0, mode="triangular2", gamma=1.0, cycle_momentum=True, base_momentum=0.8, max_momentum=0.9)
