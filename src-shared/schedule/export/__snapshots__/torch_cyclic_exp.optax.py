# optax has no schedule for torch.CyclicLR with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    cy0 = _floor(1.0 + k / 30.0)
    x1 = 1.0 + k / 30.0 - cy0
    sf2 = _where(x1 <= 0.5, x1 / 0.5, (x1 - 1.0) / -0.5)
    return 0.001 + 0.099 * sf2 * _pow(0.995, k)
