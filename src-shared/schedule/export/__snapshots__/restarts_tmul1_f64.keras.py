# The rate is an np.float64, so TensorFlow computes in float64.
import keras
import numpy as np

lr_schedule = keras.optimizers.schedules.CosineDecayRestarts(initial_learning_rate=np.float64(0.1), first_decay_steps=17.0, t_mul=1.0, m_mul=0.9, alpha=0.0)
