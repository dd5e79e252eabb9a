import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.PolynomialDecay(initial_learning_rate=0.1, decay_steps=40.0, end_learning_rate=0.0, power=0.5, cycle=False)
