# optax has no schedule for warmup with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    k0 = _max(k - 100.0, 0.0)
    return _where(k < 100.0, 0.0 + 0.00005 * (k / 100.0), 0.0 + ((0.00005) * (1.0 + _cos((3.141592653589793 * k0) / 900.0))) / 2.0)
