# Keras has no schedule class for warmup: a LearningRateSchedule computing the exact formula (float64, returned as float32).
import keras
from keras import ops

def _r32(x): return ops.cast(x, "float32")
def _f64(x): return ops.cast(x, "float64")
def _where(c, a, b): return ops.where(c, _f64(a), _f64(b))
_floor, _ceil, _min, _max = ops.floor, ops.ceil, ops.minimum, ops.maximum
_cos, _log, _sqrt, _pow = ops.cos, ops.log, ops.sqrt, ops.power

class LrscopeSchedule(keras.optimizers.schedules.LearningRateSchedule):
    """warmup, as lrscope evaluates it."""

    def __call__(self, step):
        k = ops.cast(step, "float64")
        k0 = _max(k - 50.0, 0.0)
        cf1 = _r32(_r32(k0) / 40.0)
        i2 = _floor(_r32(_r32(_log(_r32(1.0 - _r32(cf1 * -1.0)))) / 0.6931471824645996))
        t3 = _r32(_pow(2.0, i2))
        s4 = _r32(_r32(1.0 - t3) / -1.0)
        w5 = _r32(_r32(cf1 - s4) / t3)
        h6 = _r32(0.5 * _r32(_pow(0.699999988079071, i2)))
        cd7 = _r32(h6 * _r32(1.0 + _r32(_cos(_r32(3.1415927410125732 * w5)))))
        return ops.cast(_where(k < 50.0, 0.0001 + 0.009899999776482583 * (k / 50.0), _r32(0.009999999776482582 * _r32(_r32(0.949999988079071 * cd7) + 0.05000000074505806))), "float32")

    def get_config(self):
        return {}

lr_schedule = LrscopeSchedule()
