# jax computes in float32 by default, as TensorFlow does with a Python float; pow and cos are jax's own.
import optax

schedule = optax.cosine_decay_schedule(init_value=0.3, decay_steps=50, alpha=0.01)
