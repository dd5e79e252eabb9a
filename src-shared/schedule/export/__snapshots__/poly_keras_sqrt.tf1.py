import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.polynomial_decay(learning_rate=0.1, decay_steps=40.0, end_learning_rate=0.0, power=0.5, cycle=False, global_step=global_step)
