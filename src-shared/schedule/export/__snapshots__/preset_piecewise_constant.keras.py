import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.PiecewiseConstantDecay(initial_learning_rate=undefined, boundaries=[10, 20, 30, 40, 50], values=[0.06, 0.05, 0.04, 0.03, 0.02, 0.01])
