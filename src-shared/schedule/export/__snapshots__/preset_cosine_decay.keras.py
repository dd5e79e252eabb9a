import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.3, decay_steps=50.0, alpha=0.01)
