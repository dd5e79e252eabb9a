# optax has no schedule for linear_cosine_decay with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    x0 = _min((k), 80.0)
    lin1 = ((80.0 - x0) / 80.0)
    cd2 = (0.5 * (1.0 + (_cos((3.141592653589793 * (4.0 * (x0 / 80.0)))))))
    return (0.1 * (((0.1 + lin1) * cd2) + 0.01))
