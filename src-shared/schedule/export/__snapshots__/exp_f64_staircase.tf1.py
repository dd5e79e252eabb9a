# The rate is an np.float64, so TensorFlow computes in float64.
import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.exponential_decay(learning_rate=np.float64(0.1), decay_steps=7.0, decay_rate=0.5, staircase=True, global_step=global_step)
