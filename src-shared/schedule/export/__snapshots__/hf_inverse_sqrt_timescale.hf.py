from transformers import get_scheduler

for group in optimizer.param_groups:
    group["lr"] = group["initial_lr"] = 0.001
scheduler = get_scheduler("inverse_sqrt", optimizer, num_warmup_steps=40, scheduler_specific_kwargs={"timescale": 100})
