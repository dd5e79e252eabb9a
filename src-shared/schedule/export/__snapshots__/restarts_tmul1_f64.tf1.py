# The rate is an np.float64, so TensorFlow computes in float64.
import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.cosine_decay_restarts(learning_rate=np.float64(0.1), first_decay_steps=17.0, t_mul=1.0, m_mul=0.9, alpha=0.0, global_step=global_step)
