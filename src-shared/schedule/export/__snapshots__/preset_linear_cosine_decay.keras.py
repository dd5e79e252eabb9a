# Keras has no schedule class for linear_cosine_decay: a LearningRateSchedule computing the exact formula (float64, returned as float32).
import keras
from keras import ops

def _r32(x): return ops.cast(x, "float32")
def _f64(x): return ops.cast(x, "float64")
def _where(c, a, b): return ops.where(c, _f64(a), _f64(b))
_floor, _ceil, _min, _max = ops.floor, ops.ceil, ops.minimum, ops.maximum
_cos, _log, _sqrt, _pow = ops.cos, ops.log, ops.sqrt, ops.power

class LrscopeSchedule(keras.optimizers.schedules.LearningRateSchedule):
    """linear_cosine_decay, as lrscope evaluates it."""

    def __call__(self, step):
        k = ops.cast(step, "float64")
        x0 = _min(_r32(k), 50.0)
        lin1 = _r32(_r32(50.0 - x0) / 50.0)
        cd2 = _r32(0.5 * _r32(1.0 + _r32(_cos(_r32(3.1415927410125732 * _r32(6.0 * _r32(x0 / 50.0)))))))
        return ops.cast(_r32(0.30000001192092896 * _r32(_r32(_r32(0.0 + lin1) * cd2) + 0.20000000298023224)), "float32")

    def get_config(self):
        return {}

lr_schedule = LrscopeSchedule()
