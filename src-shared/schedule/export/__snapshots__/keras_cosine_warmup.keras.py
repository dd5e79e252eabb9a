import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.0, decay_steps=100.0, alpha=0.1, warmup_target=0.01, warmup_steps=25)
