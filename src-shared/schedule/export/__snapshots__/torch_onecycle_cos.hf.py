# Hugging Face get_scheduler has no name for this torch.OneCycleLR schedule: the PyTorch scheduler below works with Trainer(optimizers=(optimizer, scheduler)).
import torch

# needs an optimizer with momentum (e.g. SGD(momentum=0.9)) unless cycle_momentum=False; it sets the rate itself
scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=0.1, epochs=4, steps_per_epoch=50, pct_start=0.3, anneal_strategy="cos", cycle_momentum=True, base_momentum=0.85, max_momentum=0.95, div_factor=10.0, final_div_factor=100.0, three_phase=False)
