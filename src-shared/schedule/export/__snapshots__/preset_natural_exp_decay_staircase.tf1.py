import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.natural_exp_decay(learning_rate=0.6, decay_steps=10.0, decay_rate=0.6, staircase=True, global_step=global_step)
