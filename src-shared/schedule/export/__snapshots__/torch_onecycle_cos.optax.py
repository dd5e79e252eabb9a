# optax has no schedule for torch.OneCycleLR with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    v0 = _where(k > 200.0, float("nan"), 0.0001 + 0.04995 * (_cos(3.141592653589793 * ((k - 59.0) / 140.0)) + 1.0))
    v1 = _where(k <= 59.0, 0.1 + -0.045000000000000005 * (_cos(3.141592653589793 * ((k - 0.0) / 59.0)) + 1.0), v0)
    return v1
