# Keras has no schedule class for torch.SequentialLR: a LearningRateSchedule computing the exact formula (float64, returned as float32).
import keras
from keras import ops

def _r32(x): return ops.cast(x, "float32")
def _f64(x): return ops.cast(x, "float64")
def _where(c, a, b): return ops.where(c, _f64(a), _f64(b))
_floor, _ceil, _min, _max = ops.floor, ops.ceil, ops.minimum, ops.maximum
_cos, _log, _sqrt, _pow = ops.cos, ops.log, ops.sqrt, ops.power

class LrscopeSchedule(keras.optimizers.schedules.LearningRateSchedule):
    """torch.SequentialLR, as lrscope evaluates it."""

    def __call__(self, step):
        k = ops.cast(step, "float64")
        k0 = _max(k - 0.0, 0.0)
        k1 = _max(k - 20.0, 0.0)
        k2 = _max(k - 120.0, 0.0)
        v3 = 0.1 * (0.5 + _where(k2 >= 1000.0, 1.0, 0.0) * 0.5)
        v4 = _where(k < 120.0, 0.0 + ((0.1) * (1.0 + _cos((3.141592653589793 * k1) / 100.0))) / 2.0, v3)
        v5 = _where(k < 20.0, 0.1 * (0.1 + (0.9 * _min(20.0, k0)) / 20.0), v4)
        return ops.cast(v5, "float32")

    def get_config(self):
        return {}

lr_schedule = LrscopeSchedule()
