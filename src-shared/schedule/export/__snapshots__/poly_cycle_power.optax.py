# optax has no schedule for polynomial_decay with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    x0 = _r32(k)
    d1 = _r32(30.0 * _where(x0 == 0, 1.0, _ceil(_r32(x0 / 30.0))))
    q2 = _r32(1.0 - _r32(x0 / d1))
    return _r32(_r32(0.049000002443790436 * _r32(_pow(q2, 2.5))) + 0.0010000000474974513)
