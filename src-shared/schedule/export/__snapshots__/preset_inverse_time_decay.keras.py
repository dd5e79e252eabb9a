import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.InverseTimeDecay(initial_learning_rate=0.1, decay_steps=10.0, decay_rate=0.2, staircase=False)
