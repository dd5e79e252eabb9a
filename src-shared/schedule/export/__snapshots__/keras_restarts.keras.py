import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.CosineDecayRestarts(initial_learning_rate=0.01, first_decay_steps=20.0, t_mul=1.5, m_mul=1.0, alpha=0.1)
