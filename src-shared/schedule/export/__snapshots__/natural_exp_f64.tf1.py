# The rate is an np.float64, so TensorFlow computes in float64.
import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.natural_exp_decay(learning_rate=np.float64(0.3), decay_steps=9.0, decay_rate=0.25, staircase=False, global_step=global_step)
