# The rate is an np.float64, so TensorFlow computes in float64.
import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.linear_cosine_decay(learning_rate=np.float64(0.1), decay_steps=80.0, num_periods=2.0, alpha=0.1, beta=0.01, global_step=global_step)
