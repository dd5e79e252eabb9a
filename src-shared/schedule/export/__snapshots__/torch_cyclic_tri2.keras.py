# Keras has no schedule class for torch.CyclicLR: a LearningRateSchedule computing the exact formula (float64, returned as float32).
import keras
from keras import ops

def _r32(x): return ops.cast(x, "float32")
def _f64(x): return ops.cast(x, "float64")
def _where(c, a, b): return ops.where(c, _f64(a), _f64(b))
_floor, _ceil, _min, _max = ops.floor, ops.ceil, ops.minimum, ops.maximum
_cos, _log, _sqrt, _pow = ops.cos, ops.log, ops.sqrt, ops.power

class LrscopeSchedule(keras.optimizers.schedules.LearningRateSchedule):
    """torch.CyclicLR, as lrscope evaluates it."""

    def __call__(self, step):
        k = ops.cast(step, "float64")
        cy0 = _floor(1.0 + k / 30.0)
        x1 = 1.0 + k / 30.0 - cy0
        sf2 = _where(x1 <= 0.6666666666666666, x1 / 0.6666666666666666, (x1 - 1.0) / -0.33333333333333337)
        return ops.cast(0.001 + 0.009000000000000001 * sf2 * 1.0 / _pow(2.0, cy0 - 1.0), "float32")

    def get_config(self):
        return {}

lr_schedule = LrscopeSchedule()
