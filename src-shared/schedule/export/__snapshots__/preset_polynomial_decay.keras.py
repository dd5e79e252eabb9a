import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.PolynomialDecay(initial_learning_rate=0.102, decay_steps=10.0, end_learning_rate=0.011, power=1.0, cycle=False)
