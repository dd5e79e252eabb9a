import torch

# needs an optimizer with momentum (e.g. SGD(momentum=0.9)) unless cycle_momentum=False; it sets the rate itself
scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=0.2, total_steps=300, pct_start=0.25, anneal_strategy="linear", cycle_momentum=True, base_momentum=0.85, max_momentum=0.95, div_factor=25.0, final_div_factor=10000.0, three_phase=True)
