# The rate is an np.float64, so TensorFlow computes in float64.
import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.inverse_time_decay(learning_rate=np.float64(0.2), decay_steps=3.0, decay_rate=0.7, staircase=False, global_step=global_step)
