# optax has no schedule for keras.CosineDecayRestarts with these semantics: the exact formula on jax.numpy.
import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

_r32 = jnp.float32
_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum
_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
    cf0 = _r32(_r32(k) / 20.0)
    i1 = _floor(_r32(_r32(_log(_r32(1.0 - _r32(cf0 * -0.5)))) / 0.40546509623527527))
    t2 = _r32(_pow(1.5, i1))
    s3 = _r32(_r32(1.0 - t2) / -0.5)
    w4 = _r32(_r32(cf0 - s3) / t2)
    h5 = _r32(0.5 * _r32(_pow(1.0, i1)))
    cd6 = _r32(h5 * _r32(1.0 + _r32(_cos(_r32(3.1415927410125732 * w4)))))
    return _r32(0.009999999776482582 * _r32(_r32(0.8999999761581421 * cd6) + 0.10000000149011612))
