import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.PolynomialDecay(initial_learning_rate=0.05, decay_steps=30.0, end_learning_rate=0.001, power=2.5, cycle=True)
