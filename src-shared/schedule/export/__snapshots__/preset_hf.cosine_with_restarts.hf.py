from transformers import get_scheduler

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.00005
scheduler = get_scheduler("cosine_with_restarts", optimizer, num_warmup_steps=100, num_training_steps=1000, scheduler_specific_kwargs={"num_cycles": 3})
