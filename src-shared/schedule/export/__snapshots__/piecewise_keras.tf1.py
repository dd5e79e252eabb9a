import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.piecewise_constant(global_step, boundaries=[3,50,100], values=[1.0, 0.5, 0.1, 0.001])
