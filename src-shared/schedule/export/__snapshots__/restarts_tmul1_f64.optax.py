# optax has no schedule for cosine_decay_restarts with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    cf0 = ((k) / 17.0)
    i1 = _floor(cf0)
    w2 = (cf0 - i1)
    h3 = (0.5 * (_pow(0.9, i1)))
    cd4 = (h3 * (1.0 + (_cos((3.141592653589793 * w2)))))
    return (0.1 * ((1.0 * cd4) + 0.0))
