# optax has no schedule for torch.OneCycleLR with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    v0 = _where(k > 300.0, float("nan"), -0.0079992 * ((k - 148.0) / 151.0) + 0.008)
    v1 = _where(k <= 148.0, -0.192 * ((k - 74.0) / 74.0) + 0.2, v0)
    v2 = _where(k <= 74.0, 0.192 * ((k - 0.0) / 74.0) + 0.008, v1)
    return v2
