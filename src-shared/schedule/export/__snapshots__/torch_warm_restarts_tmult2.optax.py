# optax has no schedule for torch.CosineAnnealingWarmRestarts with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    i0 = _max(0.0, _floor(_log((k / 10.0) * 1.0 + 1.0) / 0.6931471805599453) - 1.0)
    i1 = _where((10.0 * (_pow(2.0, i0 + 1.0) - 1.0)) / 1.0 <= k, i0 + 1.0, i0)
    i2 = _where((10.0 * (_pow(2.0, i1 + 1.0) - 1.0)) / 1.0 <= k, i1 + 1.0, i1)
    i3 = _where((10.0 * (_pow(2.0, i2 + 1.0) - 1.0)) / 1.0 <= k, i2 + 1.0, i2)
    st4 = (10.0 * (_pow(2.0, i3) - 1.0)) / 1.0
    ti5 = 10.0 * _pow(2.0, i3)
    return 0.0001 + ((0.0999) * (1.0 + _cos((3.141592653589793 * (k - st4)) / ti5))) / 2.0
