import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.PiecewiseConstantDecay(initial_learning_rate=undefined, boundaries=[3, 50, 100], values=[1.0, 0.5, 0.1, 0.001])
