import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.PolynomialDecay(initial_learning_rate=0.1, decay_steps=10.0, end_learning_rate=0.01, power=1.0, cycle=True)
