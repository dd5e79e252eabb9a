# optax has no schedule for torch.SequentialLR with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    k0 = _max(k - 0.0, 0.0)
    k1 = _max(k - 20.0, 0.0)
    k2 = _max(k - 120.0, 0.0)
    v3 = 0.1 * (0.5 + _where(k2 >= 1000.0, 1.0, 0.0) * 0.5)
    v4 = _where(k < 120.0, 0.0 + ((0.1) * (1.0 + _cos((3.141592653589793 * k1) / 100.0))) / 2.0, v3)
    v5 = _where(k < 20.0, 0.1 * (0.1 + (0.9 * _min(20.0, k0)) / 20.0), v4)
    return v5
