# tf.compat.v1.train has no function for torch.SequentialLR: the exact formula on TensorFlow ops (float64).
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
    k0 = _max(k - 0.0, 0.0)
    k1 = _max(k - 20.0, 0.0)
    k2 = _max(k - 120.0, 0.0)
    v3 = 0.1 * (0.5 + _where(k2 >= 1000.0, 1.0, 0.0) * 0.5)
    v4 = _where(k < 120.0, 0.0 + ((0.1) * (1.0 + _cos((3.141592653589793 * k1) / 100.0))) / 2.0, v3)
    v5 = _where(k < 20.0, 0.1 * (0.1 + (0.9 * _min(20.0, k0)) / 20.0), v4)
    return v5

learning_rate = lr_at(global_step)
