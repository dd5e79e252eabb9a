import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.CosineDecayRestarts(initial_learning_rate=0.004, first_decay_steps=13.0, t_mul=2.0, m_mul=0.8, alpha=0.01)
