# tf.compat.v1.train has no function for warmup: the exact formula on TensorFlow ops (float64).
import numpy as np
import tensorflow as tf

global_step = tf.compat.v1.train.get_or_create_global_step()

def _r32(x): return tf.cast(x, tf.float32)
def _f64(x): return tf.cast(x, tf.float64)
def _where(c, a, b): return tf.where(c, _f64(a), _f64(b))
def _min(a, b): return tf.minimum(a, tf.cast(b, a.dtype))
def _max(a, b): return tf.maximum(a, tf.cast(b, a.dtype))
def _pow(a, b): return tf.pow(tf.cast(a, tf.float64), tf.cast(b, tf.float64))
_floor, _ceil, _cos, _log, _sqrt = tf.floor, tf.math.ceil, tf.cos, tf.math.log, tf.sqrt

def lr_at(step):
    k = tf.cast(step, tf.float64)
    k0 = _max(k - 100.0, 0.0)
    return _where(k < 100.0, 0.0 + 0.00005 * (k / 100.0), 0.00005 * (1.0 + (-1.0 * _min(900.0, k0)) / 900.0))

learning_rate = lr_at(global_step)
