# natural_exp_decay is ExponentialDecay with decay_rate = float32(exp(-0.6)).
import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=0.6, decay_steps=10.0, decay_rate=0.5488116145133972, staircase=False)
