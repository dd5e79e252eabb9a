# tf.compat.v1.train has no function for keras.CosineDecay: the exact formula on TensorFlow ops (float64).
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
    x0 = _min(_r32(k), 125.0)
    x1 = _max(_r32(x0 - 25.0), 0.0)
    cf2 = _r32(x1 / 100.0)
    cd3 = _r32(0.5 * _r32(1.0 + _r32(_cos(_r32(3.1415927410125732 * cf2)))))
    return _where(x0 < 25.0, _r32(_r32(0.009999999776482582 * _r32(x0 / 25.0)) + 0.0), _r32(0.009999999776482582 * _r32(_r32(0.8999999761581421 * cd3) + 0.10000000149011612)))

learning_rate = lr_at(global_step)
