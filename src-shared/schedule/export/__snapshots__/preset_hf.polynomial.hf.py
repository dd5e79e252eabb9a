from transformers import get_scheduler

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.00005
scheduler = get_scheduler("polynomial", optimizer, num_warmup_steps=100, num_training_steps=1000, scheduler_specific_kwargs={"lr_end": 1e-7, "power": 1.0})
