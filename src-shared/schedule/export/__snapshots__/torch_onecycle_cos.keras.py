# Keras has no schedule class for torch.OneCycleLR: a LearningRateSchedule computing the exact formula (float64, returned as float32).
import keras
from keras import ops

def _r32(x): return ops.cast(x, "float32")
def _f64(x): return ops.cast(x, "float64")
def _where(c, a, b): return ops.where(c, _f64(a), _f64(b))
_floor, _ceil, _min, _max = ops.floor, ops.ceil, ops.minimum, ops.maximum
_cos, _log, _sqrt, _pow = ops.cos, ops.log, ops.sqrt, ops.power

class LrscopeSchedule(keras.optimizers.schedules.LearningRateSchedule):
    """torch.OneCycleLR, as lrscope evaluates it."""

    def __call__(self, step):
        k = ops.cast(step, "float64")
        v0 = _where(k > 200.0, float("nan"), 0.0001 + 0.04995 * (_cos(3.141592653589793 * ((k - 59.0) / 140.0)) + 1.0))
        v1 = _where(k <= 59.0, 0.1 + -0.045000000000000005 * (_cos(3.141592653589793 * ((k - 0.0) / 59.0)) + 1.0), v0)
        return ops.cast(v1, "float32")

    def get_config(self):
        return {}

lr_schedule = LrscopeSchedule()
