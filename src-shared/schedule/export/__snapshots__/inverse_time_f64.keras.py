# The rate is an np.float64, so TensorFlow computes in float64.
import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.InverseTimeDecay(initial_learning_rate=np.float64(0.2), decay_steps=3.0, decay_rate=0.7, staircase=False)
