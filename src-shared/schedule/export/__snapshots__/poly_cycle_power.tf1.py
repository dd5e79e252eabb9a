import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.polynomial_decay(learning_rate=0.05, decay_steps=30.0, end_learning_rate=0.001, power=2.5, cycle=True, global_step=global_step)
