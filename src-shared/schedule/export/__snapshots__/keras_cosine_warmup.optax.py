# optax has no schedule for keras.CosineDecay with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    x0 = _min(_r32(k), 125.0)
    x1 = _max(_r32(x0 - 25.0), 0.0)
    cf2 = _r32(x1 / 100.0)
    cd3 = _r32(0.5 * _r32(1.0 + _r32(_cos(_r32(3.1415927410125732 * cf2)))))
    return _where(x0 < 25.0, _r32(_r32(0.009999999776482582 * _r32(x0 / 25.0)) + 0.0), _r32(0.009999999776482582 * _r32(_r32(0.8999999761581421 * cd3) + 0.10000000149011612)))
