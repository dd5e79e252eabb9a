import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.cosine_decay_restarts(learning_rate=0.3, first_decay_steps=10.0, t_mul=1.5, m_mul=0.8, alpha=0.011, global_step=global_step)
