import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.linear_cosine_decay(learning_rate=0.3, decay_steps=50.0, num_periods=3.0, alpha=0.0, beta=0.2, global_step=global_step)
