# optax has no schedule for warmup with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    k0 = _max(k - 50.0, 0.0)
    cf1 = _r32(_r32(k0) / 40.0)
    i2 = _floor(_r32(_r32(_log(_r32(1.0 - _r32(cf1 * -1.0)))) / 0.6931471824645996))
    t3 = _r32(_pow(2.0, i2))
    s4 = _r32(_r32(1.0 - t3) / -1.0)
    w5 = _r32(_r32(cf1 - s4) / t3)
    h6 = _r32(0.5 * _r32(_pow(0.699999988079071, i2)))
    cd7 = _r32(h6 * _r32(1.0 + _r32(_cos(_r32(3.1415927410125732 * w5)))))
    return _where(k < 50.0, 0.0001 + 0.009899999776482583 * (k / 50.0), _r32(0.009999999776482582 * _r32(_r32(0.949999988079071 * cd7) + 0.05000000074505806)))
