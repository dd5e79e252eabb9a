# TensorFlow draws its own noise: the curve differs from lrscope's reproducible noise around the same linear cosine.
import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.noisy_linear_cosine_decay(learning_rate=0.1, decay_steps=50.0, initial_variance=0.01, variance_decay=0.1, num_periods=0.2, alpha=0.5, beta=0.2, seed=0, global_step=global_step)
