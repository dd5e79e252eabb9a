# optax has no schedule for linear_cosine_decay with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    x0 = _min(_r32(k), 50.0)
    lin1 = _r32(_r32(50.0 - x0) / 50.0)
    cd2 = _r32(0.5 * _r32(1.0 + _r32(_cos(_r32(3.1415927410125732 * _r32(6.0 * _r32(x0 / 50.0)))))))
    return _r32(0.30000001192092896 * _r32(_r32(_r32(0.0 + lin1) * cd2) + 0.20000000298023224))
