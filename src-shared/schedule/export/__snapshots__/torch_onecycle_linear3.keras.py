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
        v0 = _where(k > 300.0, float("nan"), -0.0079992 * ((k - 148.0) / 151.0) + 0.008)
        v1 = _where(k <= 148.0, -0.192 * ((k - 74.0) / 74.0) + 0.2, v0)
        v2 = _where(k <= 74.0, 0.192 * ((k - 0.0) / 74.0) + 0.008, v1)
        return ops.cast(v2, "float32")

    def get_config(self):
        return {}

lr_schedule = LrscopeSchedule()
