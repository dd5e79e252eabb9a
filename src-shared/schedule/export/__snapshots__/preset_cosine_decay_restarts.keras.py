import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.CosineDecayRestarts(initial_learning_rate=0.3, first_decay_steps=10.0, t_mul=1.5, m_mul=0.8, alpha=0.011)
