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
        k0 = _max(k - 100.0, 0.0)
        return ops.cast(_where(k < 100.0, 0.0 + 0.00005 * (k / 100.0), 0.0 + ((0.00005) * (1.0 + _cos((3.141592653589793 * k0) / 900.0))) / 2.0), "float32")

    def get_config(self):
        return {}

lr_schedule = LrscopeSchedule()
