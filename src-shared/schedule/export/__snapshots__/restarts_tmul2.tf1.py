import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.cosine_decay_restarts(learning_rate=0.004, first_decay_steps=13.0, t_mul=2.0, m_mul=0.8, alpha=0.01, global_step=global_step)
