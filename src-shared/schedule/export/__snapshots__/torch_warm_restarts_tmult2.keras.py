# Keras has no schedule class for torch.CosineAnnealingWarmRestarts: a LearningRateSchedule computing the exact formula (float64, returned as float32).
import keras
from keras import ops

def _r32(x): return ops.cast(x, "float32")
def _f64(x): return ops.cast(x, "float64")
def _where(c, a, b): return ops.where(c, _f64(a), _f64(b))
_floor, _ceil, _min, _max = ops.floor, ops.ceil, ops.minimum, ops.maximum
_cos, _log, _sqrt, _pow = ops.cos, ops.log, ops.sqrt, ops.power

class LrscopeSchedule(keras.optimizers.schedules.LearningRateSchedule):
    """torch.CosineAnnealingWarmRestarts, as lrscope evaluates it."""

    def __call__(self, step):
        k = ops.cast(step, "float64")
        i0 = _max(0.0, _floor(_log((k / 10.0) * 1.0 + 1.0) / 0.6931471805599453) - 1.0)
        i1 = _where((10.0 * (_pow(2.0, i0 + 1.0) - 1.0)) / 1.0 <= k, i0 + 1.0, i0)
        i2 = _where((10.0 * (_pow(2.0, i1 + 1.0) - 1.0)) / 1.0 <= k, i1 + 1.0, i1)
        i3 = _where((10.0 * (_pow(2.0, i2 + 1.0) - 1.0)) / 1.0 <= k, i2 + 1.0, i2)
        st4 = (10.0 * (_pow(2.0, i3) - 1.0)) / 1.0
        ti5 = 10.0 * _pow(2.0, i3)
        return ops.cast(0.0001 + ((0.0999) * (1.0 + _cos((3.141592653589793 * (k - st4)) / ti5))) / 2.0, "float32")

    def get_config(self):
        return {}

lr_schedule = LrscopeSchedule()
