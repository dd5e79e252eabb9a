import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=0.6, decay_steps=10.0, decay_rate=0.6, staircase=True)
