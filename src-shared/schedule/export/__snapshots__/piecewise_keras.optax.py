# optax has no schedule for keras.PiecewiseConstantDecay with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    v0 = 0.0010000000474974513
    v1 = _where(k <= 100.0, 0.10000000149011612, v0)
    v2 = _where(k <= 50.0, 0.5, v1)
    v3 = _where(k <= 3.0, 1.0, v2)
    return v3
