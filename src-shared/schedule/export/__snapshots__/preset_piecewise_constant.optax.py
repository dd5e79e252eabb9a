# optax has no schedule for piecewise_constant with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    v0 = 0.009999999776482582
    v1 = _where(k <= 50.0, 0.019999999552965164, v0)
    v2 = _where(k <= 40.0, 0.029999999329447746, v1)
    v3 = _where(k <= 30.0, 0.03999999910593033, v2)
    v4 = _where(k <= 20.0, 0.05000000074505806, v3)
    v5 = _where(k <= 10.0, 0.05999999865889549, v4)
    return v5
