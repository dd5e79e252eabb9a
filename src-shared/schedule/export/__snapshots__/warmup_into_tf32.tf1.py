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
    k0 = _max(k - 50.0, 0.0)
    cf1 = _r32(_r32(k0) / 40.0)
    i2 = _floor(_r32(_r32(_log(_r32(1.0 - _r32(cf1 * -1.0)))) / 0.6931471824645996))
    t3 = _r32(_pow(2.0, i2))
    s4 = _r32(_r32(1.0 - t3) / -1.0)
    w5 = _r32(_r32(cf1 - s4) / t3)
    h6 = _r32(0.5 * _r32(_pow(0.699999988079071, i2)))
    cd7 = _r32(h6 * _r32(1.0 + _r32(_cos(_r32(3.1415927410125732 * w5)))))
    return _where(k < 50.0, 0.0001 + 0.009899999776482583 * (k / 50.0), _r32(0.009999999776482582 * _r32(_r32(0.949999988079071 * cd7) + 0.05000000074505806)))

learning_rate = lr_at(global_step)
