import torch

# needs an optimizer with momentum (e.g. SGD(momentum=0.9)) unless cycle_momentum=False; it sets the rate itself
scheduler = torch.optim.lr_scheduler.CyclicLR(optimizer, base_lr=0.001, max_lr=0.1, step_size_up=15.0, mode="exp_range", gamma=0.995, cycle_momentum=True, base_momentum=0.8, max_momentum=0.9)
