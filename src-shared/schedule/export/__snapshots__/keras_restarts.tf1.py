import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()
learning_rate = tf.compat.v1.train.cosine_decay_restarts(learning_rate=0.01, first_decay_steps=20.0, t_mul=1.5, m_mul=1.0, alpha=0.1, global_step=global_step)
