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
        x0 = _min((k), 80.0)
        lin1 = ((80.0 - x0) / 80.0)
        cd2 = (0.5 * (1.0 + (_cos((3.141592653589793 * (4.0 * (x0 / 80.0)))))))
        return ops.cast((0.1 * (((0.1 + lin1) * cd2) + 0.01)), "float32")

    def get_config(self):
        return {}

lr_schedule = LrscopeSchedule()
