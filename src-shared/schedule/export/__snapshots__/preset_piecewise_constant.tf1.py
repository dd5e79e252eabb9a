import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.piecewise_constant(global_step, boundaries=[10,20,30,40,50], values=[0.06, 0.05, 0.04, 0.03, 0.02, 0.01])
