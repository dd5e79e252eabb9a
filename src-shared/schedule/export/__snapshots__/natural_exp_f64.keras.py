# natural_exp_decay is ExponentialDecay with decay_rate = float32(exp(-0.25)). The rate is an np.float64, so TensorFlow computes in float64.
import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=np.float64(0.3), decay_steps=9.0, decay_rate=0.7788007855415344, staircase=False)
