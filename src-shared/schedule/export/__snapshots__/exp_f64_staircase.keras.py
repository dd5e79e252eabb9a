# The rate is an np.float64, so TensorFlow computes in float64.
import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=np.float64(0.1), decay_steps=7.0, decay_rate=0.5, staircase=True)
